#!/usr/bin/env node
// `npm test`: every check CI runs, in order — lint, typecheck, unit, build, integration (real keychain, real
// HTTP), end-to-end (Playwright in Debian Chromium against the browser shell). Every stage runs even after a
// failure, so one run shows everything; the last line counts the tests of all stages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** What the whole run may take on the 2-core reference machine (issue 14). */
const BUDGET_MINUTES = 8;
const runStarted = Date.now();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'fieldkit-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function run(stage, command, args, countTests) {
  process.stdout.write(`\n=== ${stage} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const ok = result.status === 0;
  const counted = countTests?.();
  if (counted) for (const key of Object.keys(totals)) totals[key] += counted[key];
  if (!ok || (counted && counted.failed > 0)) failedStages.push(stage);
  const summary = counted
    ? ` (${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped)`
    : '';
  process.stdout.write(
    `=== ${stage}: ${ok ? 'ok' : 'FAILED'}${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`,
  );
}

function vitestCounts(file) {
  return () => {
    if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  };
}

function playwrightCounts(file) {
  return () => {
    if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
    const report = JSON.parse(readFileSync(file, 'utf8'));
    for (const reason of skipReasons(report.suites)) process.stdout.write(`skipped: ${reason}\n`);
    const { stats } = report;
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  };
}

/** "<test title>: <reason>" for every skipped Playwright test, so a skip never goes unexplained. */
function skipReasons(suites = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.results.some((result) => result.status === 'skipped'))
        .map((test) => {
          const reason = test.annotations.find((annotation) => annotation.type === 'skip')?.description;
          return `${spec.title}: ${reason ?? 'no reason given'}`;
        }),
    ),
    ...skipReasons(suite.suites),
  ]);
}

const vitest = (project, file) => [
  bin('vitest'),
  ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
];
const withKeyring = (command, args) => [join(root, 'scripts', 'with-keyring.sh'), [command, ...args]];

run('lint', bin('eslint'), ['.']);
run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
run('typecheck (main)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
run('typecheck (renderer)', bin('vue-tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
const unitReport = join(reports, 'unit.json');
run('unit', ...vitest('unit', unitReport), vitestCounts(unitReport));
run('build', 'npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn']);
const integrationReport = join(reports, 'integration.json');
run(
  'integration',
  ...withKeyring(...vitest('integration', integrationReport)),
  vitestCounts(integrationReport),
);
const e2eReport = join(reports, 'e2e.json');
process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = e2eReport;
// A virtual display lets the Electron smoke test run wherever an Electron binary is installed.
const [e2eCommand, e2eArgs] = withKeyring(bin('playwright'), ['test']);
const headless = !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run');
run(
  'end-to-end',
  headless ? 'xvfb-run' : e2eCommand,
  headless ? ['-a', e2eCommand, ...e2eArgs] : e2eArgs,
  playwrightCounts(e2eReport),
);

rmSync(reports, { recursive: true, force: true });
process.stdout.write(
  `\n${failedStages.length ? `Failed stages: ${failedStages.join(', ')}` : 'All stages passed.'}\n`,
);
process.stdout.write(
  `fieldkit: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
const totalSeconds = (Date.now() - runStarted) / 1000;
const withinBudget = totalSeconds <= BUDGET_MINUTES * 60;
process.stdout.write(
  `npm test took ${formatDuration(totalSeconds)} (budget ${BUDGET_MINUTES} min${withinBudget ? '' : ', EXCEEDED'})\n`,
);
process.exit(failedStages.length ? 1 : 0);

function formatDuration(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${(seconds - minutes * 60).toFixed(0).padStart(2, '0')} s`;
}
