import { vi } from 'vitest';
import type { ApplyRunInfo, ApplyStarted, ImportReport, ReportFile, ResumableRun } from '@api/types';

export const RUN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

export const runInfo = (overrides: Partial<ApplyRunInfo> = {}): ApplyRunInfo => ({
  runId: RUN_ID,
  state: 'running',
  total: 0,
  done: 0,
  inFlight: 0,
  startedAt: '2030-01-01T09:00:00.000Z',
  notStarted: [],
  ...overrides,
});

const appliedReport = (input: { systemId: string; fileName: string }): ImportReport => ({
  mode: 'apply',
  file: { name: input.fileName, format: 'csv' },
  system: { id: input.systemId },
  summary: { rows: 0, created: 0, assigned: 0, skipped: 0, failed: 0, invalid: 0, planned: 0, valid: 0 },
  fileErrors: [],
  fileWarnings: [],
  run: runInfo(),
  rows: [],
});

/** The apply calls of the Import screen: a run that starts and answers at once, with nothing to apply. */
export function importRunCalls() {
  const started = (systemId = 'sys-lyon', fileName = 'import.csv'): ApplyStarted => ({
    runId: RUN_ID,
    report: appliedReport({ systemId, fileName }),
  });
  return {
    apply: vi.fn(async (input: { runId?: string; systemId: string; fileName: string }) => ({
      ...started(input.systemId, input.fileName),
      runId: input.runId ?? RUN_ID,
    })),
    pause: vi.fn(async ({ runId }: { runId: string }) => runInfo({ runId, state: 'paused' })),
    resume: vi.fn(async ({ runId }: { runId: string }) => runInfo({ runId, state: 'running' })),
    cancel: vi.fn(async ({ runId }: { runId: string }) => runInfo({ runId, state: 'cancelling' })),
    status: vi.fn(async (): Promise<ImportReport> => ({
      ...started().report,
      run: runInfo({ state: 'finished' }),
    })),
    retryFailed: vi.fn(async (): Promise<ApplyStarted> => started()),
    reportFile: vi.fn(async ({ format }: { format: 'csv' | 'json' }): Promise<ReportFile> => ({
      fileName: `import-report.${format}`,
      content: format === 'csv' ? '"line"\r\n' : '{}\n',
    })),
    resumable: vi.fn(async (): Promise<ResumableRun[]> => []),
    resumeRun: vi.fn(async (): Promise<ApplyStarted> => started()),
  };
}
