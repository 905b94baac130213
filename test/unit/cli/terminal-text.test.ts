import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printTable, terminalSafe, type CliIo } from '../../../src-main/cli/io';
import { escapeControlCharacters } from '../../../src-main/cli/terminal-text';

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: {},
    untilInterrupted: () => new Promise(() => undefined),
  };
  return { io, out, err };
}

const isControl = (code: number): boolean => code <= 0x1f || (code >= 0x7f && code <= 0x9f);

/** A character a terminal acts on; with `layout`, tab, line feed and CR before LF only shape a message. */
function hasActiveCharacter(text: string, layout: boolean): boolean {
  return [...text].some((character, index, all) => {
    const code = character.charCodeAt(0);
    if (!isControl(code)) return false;
    if (!layout) return true;
    return !(code === 0x09 || code === 0x0a || (code === 0x0d && all[index + 1] === '\n'));
  });
}

describe('escapeControlCharacters', () => {
  it('shows an ESC sequence instead of sending it', () => {
    expect(escapeControlCharacters('desk\u001b[2J\u001b]0;pwned\u0007')).toBe(
      'desk\\u001b[2J\\u001b]0;pwned\\u0007',
    );
  });

  it('escapes DEL, C1 controls and a carriage return that would overwrite the line', () => {
    expect(escapeControlCharacters('a\u007fb\u009b2Jc\rd')).toBe('a\\u007fb\\u009b2Jc\\u000dd');
  });

  it('keeps the layout of a message: tabs, line feeds, CR LF', () => {
    expect(escapeControlCharacters('line 1\r\n\tline 2\n')).toBe('line 1\r\n\tline 2\n');
  });

  it('escapes tabs and line breaks too inside a table cell', () => {
    expect(escapeControlCharacters('a\tb\nc\r\n', 'cell')).toBe('a\\u0009b\\u000ac\\u000d\\u000a');
  });

  it('leaves printable text alone, accents and emoji included', () => {
    expect(escapeControlCharacters('Accueil — réception 📞 \\x1b')).toBe('Accueil — réception 📞 \\x1b');
  });

  it('never lets an active character through, and keeps a JSON document equal to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(hasActiveCharacter(escapeControlCharacters(text), true)).toBe(false);
        expect(hasActiveCharacter(escapeControlCharacters(text, 'cell'), false)).toBe(false);
        const json = JSON.stringify({ text }, null, 2);
        expect(JSON.parse(escapeControlCharacters(json))).toEqual({ text });
      }),
    );
  });
});

describe('the CLI output choke points', () => {
  it('escape whatever a command writes to stdout or stderr', () => {
    const { io, out, err } = capture();
    const safe = terminalSafe(io);
    safe.stdout('User-Agent: \u001b[31mred\n');
    safe.stderr('server says \u009b2J\n');
    expect(out).toEqual(['User-Agent: \\u001b[31mred\n']);
    expect(err).toEqual(['server says \\u009b2J\n']);
  });

  it('keep a table aligned when a cell holds control characters', () => {
    const { io, out } = capture();
    printTable(
      io,
      ['MAC', 'DESCRIPTION'],
      [
        ['487a55000001', 'Desk\u001b[2J\nsecond line'],
        ['487a55000002', 'Hall'],
      ],
    );
    expect(out.join('')).toBe(
      'MAC           DESCRIPTION\n' +
        '487a55000001  Desk\\u001b[2J\\u000asecond line\n' +
        '487a55000002  Hall\n',
    );
  });
});
