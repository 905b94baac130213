import { escapeControlCharacters } from './terminal-text';

/** Where a command writes: stdout carries results (one JSON document with `--json`), stderr everything else. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the user stops a long-running command (Ctrl+C, SIGTERM). */
  untilInterrupted(): Promise<void>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  untilInterrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
};

/**
 * The choke point of everything the CLI writes: control characters in untrusted text (CSV cells, SIP user
 * agents, mDNS records, server messages) come out escaped instead of acting on the terminal.
 */
export function terminalSafe(io: CliIo): CliIo {
  return {
    stdout: (text) => io.stdout(escapeControlCharacters(text)),
    stderr: (text) => io.stderr(escapeControlCharacters(text)),
    env: io.env,
    untilInterrupted: () => io.untilInterrupted(),
  };
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain aligned table for people; scripts use `--json`. */
export function printTable(io: CliIo, headers: string[], rawRows: string[][]): void {
  const rows = rawRows.map((row) => row.map((cell) => escapeControlCharacters(cell, 'cell')));
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  io.stdout(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}
