#!/usr/bin/env node
// `npm test`: every check CI runs — lint, typecheck, unit, build, integration (real keychain, real HTTP),
// end-to-end (Playwright in Debian Chromium against the browser shell). Every stage runs even after a failure,
// so one run shows everything; the last line counts the tests of all stages. Stages that each keep about one
// core busy run two at a time (the reference machine has two cores): the static checks and the build together,
// then the unit tests (on every core), then integration beside end-to-end (integration runs one file at a time
// and its lab files mostly wait on network namespaces and daemons, leaving a core to end-to-end; each stage has
// its own keyring sandbox).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
/** What the whole run may take on the 2-core reference machine (issue 14). */
const BUDGET_MINUTES = 8;
/** Stages run at once, at most: one per core of the reference machine. */
const SIDE_BY_SIDE = 2;
const runStarted = Date.now();
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'fieldkit-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];
/** Every failed test of every stage, with the start of its error: printed again at the very end. */
const failedTests = [];

/**
 * A stage: its command, how to count its tests (if it runs any), extra environment, and whether its output
 * streams as it runs (`live`) or is held and printed whole when it ends.
 */
const stage = (name, [command, args], { countTests, env = {}, live = false } = {}) => ({
  name,
  command,
  args,
  countTests,
  env,
  live,
});

/** Runs one stage; answers what is left to print: all of its output if held, else its last line. */
function runStage({ name, command, args, countTests, env, live }) {
  const header = `\n=== ${name} ===\n`;
  if (live) process.stdout.write(header);
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: root,
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  const held = [];
  child.stdout?.on('data', (chunk) => held.push(chunk));
  child.stderr?.on('data', (chunk) => held.push(chunk));
  return new Promise((resolve) => {
    child.once('error', (error) => held.push(Buffer.from(`${command}: ${error.message}\n`)));
    child.once('close', (code) => {
      const ok = code === 0;
      const counted = countTests?.();
      if (counted) for (const key of Object.keys(totals)) totals[key] += counted[key];
      if (!ok || (counted && counted.failed > 0)) failedStages.push(name);
      const summary = counted
        ? ` (${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped)`
        : '';
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const last = `=== ${name}: ${ok ? 'ok' : 'FAILED'}${summary} in ${seconds} s ===\n`;
      resolve(live ? last : header + Buffer.concat(held).toString() + last);
    });
  });
}

/**
 * Runs `stages` at most SIDE_BY_SIDE at once, each next one starting as soon as one ends. Held output is
 * printed while no live stage is printing, so two stages' lines never mix.
 */
async function runSideBySide(stages) {
  const waiting = [...stages];
  const toPrint = [];
  let liveRunning = false;
  async function lane() {
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) {
      liveRunning ||= next.live;
      const rest = await runStage(next);
      // A live stage's last line closes what it printed, before any stage held meanwhile.
      if (next.live) {
        toPrint.unshift(rest);
        liveRunning = false;
      } else toPrint.push(rest);
      if (!liveRunning) process.stdout.write(toPrint.splice(0).join(''));
    }
  }
  await Promise.all(Array.from({ length: Math.min(SIDE_BY_SIDE, stages.length) }, lane));
}

function vitestCounts(file) {
  return () => {
    if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
    const report = JSON.parse(readFileSync(file, 'utf8'));
    for (const fileResult of report.testResults ?? []) {
      const failed = (fileResult.assertionResults ?? []).filter((test) => test.status === 'failed');
      for (const test of failed)
        failedTests.push(failure(fileResult.name, test.fullName, test.failureMessages?.[0]));
      if (!failed.length && fileResult.status === 'failed')
        failedTests.push(failure(fileResult.name, '(the file itself)', fileResult.message));
    }
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
    failedTests.push(...playwrightFailures(report.suites));
    for (const error of report.errors ?? [])
      failedTests.push(failure('playwright', '(outside any test)', error.message));
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

/** A failed Playwright test: one whose last attempt did not pass (a retried pass counts as flaky, not failed). */
function playwrightFailures(suites = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => ['failed', 'timedOut', 'interrupted'].includes(test.results.at(-1)?.status))
        .map((test) => {
          const last = test.results.at(-1);
          return failure(`test/e2e/${spec.file}`, `${spec.title} (${last.status})`, last.error?.message);
        }),
    ),
    ...playwrightFailures(suite.suites),
  ]);
}

/** The first lines of an error, without terminal colours: enough to tell one failure from another in a CI tail. */
function failure(file, title, message = '') {
  // eslint-disable-next-line no-control-regex
  const plain = String(message).replace(/\u001b\[[0-9;]*m/g, '');
  const head = plain
    .split('\n')
    .filter((line) => line.trim() && !/^\s*at .*node_modules/.test(line))
    .slice(0, 8)
    .join('\n    ');
  return `${file.replace(`${root}/`, '')} › ${title}\n    ${head || '(no message)'}`;
}

const vitest = (project, file) => [
  bin('vitest'),
  ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
];
const withKeyring = (command, args) => [join(root, 'scripts', 'with-keyring.sh'), [command, ...args]];
// A virtual display lets the Electron smoke test run wherever an Electron binary is installed.
const withDisplay = ([command, args]) =>
  !process.env.DISPLAY && existsSync('/usr/bin/xvfb-run')
    ? ['xvfb-run', ['-a', command, ...args]]
    : [command, args];

const unitReport = join(reports, 'unit.json');
const integrationReport = join(reports, 'integration.json');
const e2eReport = join(reports, 'e2e.json');

await runSideBySide([
  stage('lint', [bin('eslint'), ['.']]),
  stage('format', [bin('prettier'), ['--check', '--log-level', 'warn', '.']]),
  stage('typecheck (main)', [bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']]),
  stage('typecheck (renderer)', [bin('vue-tsc'), ['-p', 'tsconfig.web.json', '--noEmit']]),
  stage('build', ['npm', ['run', '--silent', 'build', '--', '--logLevel', 'warn']]),
]);
await runSideBySide([
  stage('unit', vitest('unit', unitReport), { countTests: vitestCounts(unitReport), live: true }),
]);
await runSideBySide([
  stage('end-to-end', withDisplay(withKeyring(bin('playwright'), ['test'])), {
    countTests: playwrightCounts(e2eReport),
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    live: true,
  }),
  stage('integration', withKeyring(...vitest('integration', integrationReport)), {
    countTests: vitestCounts(integrationReport),
  }),
]);

rmSync(reports, { recursive: true, force: true });
if (failedTests.length)
  process.stdout.write(`\nFailed tests:\n${failedTests.map((line) => `  ${line}\n`).join('')}`);
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
