#!/usr/bin/env node
// `npm run bench:devices`: `fieldkit devices --json` of 10,000 devices from the simulator answering every request
// 20 ms late, 100 devices a page. Prints the listing's cost over the CLI's own start-up (`fieldkit systems`
// against the same server: process start, sign-in, one call) — target ≤ 0.5 s, median of 5 — and exits 1 on a
// miss or when a device is missing from the output. The CLI's own CPU time is printed beside the wall times. Builds the CLI into $FIELDKIT_OUT (default
// out-bench-devices) first unless --no-build is given. Everything runs on loopback.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withTypeScriptModule } from '../../test/support/module-runner.mjs';
import { buildCli } from '../build-cli.mjs';

const FIELDKIT = fileURLToPath(new URL('../../scripts/fieldkit.mjs', import.meta.url));
const SIMULATOR = fileURLToPath(new URL('../../src-main/simulator/index.ts', import.meta.url));
const REPORT_CPU = fileURLToPath(new URL('./report-cpu.mjs', import.meta.url));
const CPU_LINE = /^fieldkit-bench-cpu-us (\d+)$/m;
const DEVICES = 10_000;
const LATENCY_MS = 20;
const TARGET_MS = 500;

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const out = process.env.FIELDKIT_OUT ?? 'out-bench-devices';
if (!values['no-build']) buildCli(out);

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the built CLI against the simulator: its wall time, its CPU time and standard output. */
function fieldkit(simulator, args) {
  const { login, password, appId, appSecret } = simulator.credentials;
  const env = {
    ...process.env,
    FIELDKIT_OUT: out,
    FIELDKIT_HOST: simulator.url,
    FIELDKIT_LOGIN: login,
    FIELDKIT_PASSWORD: password,
    FIELDKIT_APP_ID: appId,
    FIELDKIT_APP_SECRET: appSecret,
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_CPU, FIELDKIT, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`fieldkit ${args.join(' ')} exited ${code}: ${stderr}`));
      const cpu = CPU_LINE.exec(stderr);
      resolve({
        wallMs: performance.now() - started,
        cpuMs: cpu === null ? NaN : Number(cpu[1]) / 1000,
        stdout,
      });
    });
  });
}

await withTypeScriptModule(SIMULATOR, async ({ startSimulator, seedBulkDevices, DEMO_SYSTEM_IDS }) => {
  const simulator = await startSimulator({ port: 0 });
  try {
    const systemId = DEMO_SYSTEM_IDS.lyon;
    seedBulkDevices(simulator.tenant, systemId, DEVICES);
    const expected = simulator.tenant.readDevices(systemId).length;
    simulator.setFaults({ latencyMs: LATENCY_MS });
    const startUp = [];
    const listing = [];
    const startUpCpu = [];
    const listingCpu = [];
    let listed = 0;
    for (let run = 0; run < runs; run++) {
      const started = await fieldkit(simulator, ['systems', '--json']);
      startUp.push(started.wallMs);
      startUpCpu.push(started.cpuMs);
      const result = await fieldkit(simulator, ['devices', '--system', systemId, '--json']);
      listing.push(result.wallMs);
      listingCpu.push(result.cpuMs);
      listed = JSON.parse(result.stdout).length;
    }
    const startUpMs = median(startUp);
    const listingMs = median(listing);
    const overMs = listingMs - startUpMs;
    const complete = listed >= DEVICES && listed === expected;
    const [load] = loadavg();
    const lines = [
      `fieldkit devices: ${listed.toLocaleString('en')} devices, ${LATENCY_MS} ms latency, 100 a page, ${runs} runs`,
      `  start-up (fieldkit systems)  median ${startUpMs.toFixed(0)} ms  (runs: ${startUp.map((ms) => ms.toFixed(0)).join(', ')})`,
      `  fieldkit devices            median ${listingMs.toFixed(0)} ms  (runs: ${listing.map((ms) => ms.toFixed(0)).join(', ')})`,
      `  listing over start-up  ${overMs.toFixed(0)} ms  (target ≤ ${TARGET_MS})  ${overMs <= TARGET_MS ? 'OK' : 'MISSED'}`,
      `  CPU of the CLI         median ${median(startUpCpu).toFixed(0)} ms start-up, ${median(listingCpu).toFixed(0)} ms listing ` +
        `(${(median(listingCpu) - median(startUpCpu)).toFixed(0)} ms over start-up)`,
      `  every device listed: ${complete ? 'yes' : 'NO'}`,
      `  machine: load ${load.toFixed(1)} on ${availableParallelism()} CPUs` +
        (load > availableParallelism() ? ' (busy: the timings are not representative)' : ''),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = overMs <= TARGET_MS && complete ? 0 : 1;
  } finally {
    await simulator.close();
  }
});
