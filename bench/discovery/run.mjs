#!/usr/bin/env node
// Discovery benchmark (run as root): builds the netns bench lab (a /24 with about 40 live hosts, see
// test/lan/presets.ts), then runs `fieldkit discover` and Debian's `arp-scan` inside the lab several times
// each and prints:
//   - the median wall time of each and their ratio, Fieldkit / arp-scan (target ≤ 1.5);
//   - the recall of each against the lab's live hosts (target 100%; the exit code is 1 below that);
//   - the time from Fieldkit's process start to the first phone on its progress stream (target ≤ 300 ms);
//   - a linearity check (/24, /23, /22 of dead addresses on an extra lab address) and the peak RSS of each run.
//
//   npm run bench:discovery [-- --runs 5] [-- --no-build]
// Builds the CLI into $FIELDKIT_OUT (default out-bench-discovery) first unless --no-build is given.
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withTypeScriptModule } from '../../test/support/module-runner.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIELDKIT = fileURLToPath(new URL('../../scripts/fieldkit.mjs', import.meta.url));
const REPORT_RSS = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));
const LAB_MODULE = fileURLToPath(new URL('../../test/lan/lab.ts', import.meta.url));
const SUBNET = '198.18.0.0/24';
// An extra network on the lab's bridge for the linearity runs: inside 198.18.0.0/15, and nothing answers there.
const WIDE_ADDRESS = '198.18.4.1/22';
const LINEARITY_SUBNETS = ['198.18.4.0/24', '198.18.4.0/23', '198.18.4.0/22'];
const TARGETS = { ratio: 1.5, firstPhoneMs: 300, recall: 1 };
// Fieldkit's default rate, given explicitly so the linearity figures can be compared with it.
const RATE = 300;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const out = process.env.FIELDKIT_OUT ?? 'out-bench-discovery';

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percent = (value) => `${(value * 100).toFixed(1)}%`;
const macDigits = (mac) => mac.replaceAll(':', '').toLowerCase();

if (process.getuid?.() !== 0) {
  console.error('bench:discovery needs root (it builds network namespaces).');
  process.exit(2);
}
if (!values['no-build']) {
  console.error(`Building the CLI into ${out}/ …`);
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: ROOT,
    env: { ...process.env, FIELDKIT_OUT: out },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Runs `fieldkit discover` in the lab; collects its JSON document, progress events and peak RSS. */
function runFieldkit(lab, subnet) {
  const started = performance.now();
  const child = lab.spawnIn(
    'lab',
    process.execPath,
    [
      ...['--import', REPORT_RSS, FIELDKIT, 'discover', '--subnet', subnet, '--rate', String(RATE)],
      ...['--json', '--all', '--progress', 'jsonl'],
    ],
    { env: { ...process.env, FIELDKIT_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let firstPhoneMs;
  let firstPhoneWallMs;
  let maxRssKb;
  const errors = [];
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.startsWith('{')) return errors.push(line);
    const event = JSON.parse(line);
    if (event.event === 'rss') maxRssKb = event.maxRssKb;
    if (event.event === 'found' && event.device.kind === 'deskphone' && firstPhoneMs === undefined) {
      firstPhoneMs = event.t;
      firstPhoneWallMs = performance.now() - started;
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`fieldkit discover exited ${code}: ${errors.join('\n')}`));
      resolve({ wallMs, firstPhoneMs, firstPhoneWallMs, maxRssKb, document: JSON.parse(stdout) });
    });
  });
}

async function runArpScan(lab) {
  const started = performance.now();
  const result = await lab.exec(['arp-scan', '--interface', lab.bridge, '--localnet', '--plain', '--quiet']);
  const wallMs = performance.now() - started;
  if (result.code !== 0) throw new Error(`arp-scan exited ${result.code}: ${result.stderr}`);
  const macs = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => macDigits(line.split('\t')[1] ?? ''));
  return { wallMs, macs };
}

const recallOf = (found, live) => live.filter((mac) => found.has(mac)).length / live.length;

await withTypeScriptModule(LAB_MODULE, async ({ createLab, benchLab, liveHosts }) => {
  const spec = benchLab(40);
  const lab = await createLab(spec);
  try {
    const live = liveHosts(lab.hosts).map((host) => macDigits(host.mac));
    const down = lab.hosts.filter((host) => host.role === 'down').map((host) => macDigits(host.mac));
    const phones = lab.hosts.filter((host) => host.role === 'phone').map((host) => macDigits(host.mac));
    const fieldkit = [];
    const arpScan = [];
    for (let run = 0; run < runs; run++) {
      // Every run starts from an empty neighbour table, as on a LAN the laptop has just joined.
      await lab.exec(['ip', 'neigh', 'flush', 'all']);
      fieldkit.push(await runFieldkit(lab, SUBNET));
      await lab.exec(['ip', 'neigh', 'flush', 'all']);
      arpScan.push(await runArpScan(lab));
    }

    const fieldkitRecall = fieldkit.map((r) => recallOf(new Set(r.document.devices.map((d) => d.mac)), live));
    const arpScanRecall = arpScan.map((r) => recallOf(new Set(r.macs), live));
    const falsePositives = fieldkit.flatMap((r) => r.document.devices.filter((d) => down.includes(d.mac)));
    const misclassified = fieldkit.flatMap((r) =>
      r.document.devices.filter((d) => phones.includes(d.mac) && (d.kind !== 'deskphone' || !d.model)),
    );
    const fieldkitMs = median(fieldkit.map((r) => r.wallMs));
    const arpScanMs = median(arpScan.map((r) => r.wallMs));
    const ratio = fieldkitMs / arpScanMs;
    const firstPhoneMs = median(fieldkit.map((r) => r.firstPhoneMs ?? Number.POSITIVE_INFINITY));
    const firstPhoneWallMs = median(fieldkit.map((r) => r.firstPhoneWallMs ?? Number.POSITIVE_INFINITY));

    await lab.exec(['ip', 'addr', 'add', WIDE_ADDRESS, 'dev', lab.bridge]);
    const linearity = [];
    for (const subnet of LINEARITY_SUBNETS) {
      await lab.exec(['ip', 'neigh', 'flush', 'all']);
      const result = await runFieldkit(lab, subnet);
      linearity.push({ subnet, ...result, addresses: result.document.scanned.addresses });
    }
    const perAddress = linearity.slice(1).map((row, index) => {
      const previous = linearity[index];
      return (row.wallMs - previous.wallMs) / (row.addresses - previous.addresses);
    });

    const lines = [
      `Discovery benchmark: ${lab.hosts.length} hosts on ${SUBNET} (${live.length} live), ${runs} runs each`,
      `  fieldkit discover  median ${fieldkitMs.toFixed(0)} ms  (runs: ${fieldkit.map((r) => r.wallMs.toFixed(0)).join(', ')})`,
      `  arp-scan           median ${arpScanMs.toFixed(0)} ms  (runs: ${arpScan.map((r) => r.wallMs.toFixed(0)).join(', ')})`,
      `  ratio Fieldkit / arp-scan  ${ratio.toFixed(2)}  (target ≤ ${TARGETS.ratio})  ${ratio <= TARGETS.ratio ? 'OK' : 'MISSED'}`,
      `  recall  fieldkit ${fieldkitRecall.map(percent).join(' ')}  arp-scan ${arpScanRecall.map(percent).join(' ')}  (target 100%)`,
      `  down hosts reported by fieldkit: ${falsePositives.length}; phones without kind/model: ${misclassified.length}`,
      `  first phone  ${firstPhoneMs.toFixed(0)} ms after process start (${firstPhoneWallMs.toFixed(0)} ms after spawn, ` +
        `incl. ip netns exec)  (target ≤ ${TARGETS.firstPhoneMs})  ${firstPhoneMs <= TARGETS.firstPhoneMs ? 'OK' : 'MISSED'}`,
      `  peak RSS /24 runs: ${fieldkit.map((r) => `${Math.round(r.maxRssKb / 1024)}`).join(', ')} MiB`,
      '  linearity (dead addresses on an extra lab network):',
      ...linearity.map(
        (row) =>
          `    ${row.subnet.padEnd(15)} ${String(row.addresses).padStart(5)} addresses  ${row.wallMs.toFixed(0).padStart(5)} ms  ` +
          `peak RSS ${Math.round(row.maxRssKb / 1024)} MiB`,
      ),
      `    marginal cost per address: ${perAddress.map((ms) => `${ms.toFixed(2)} ms`).join(' then ')} ` +
        `(linear when equal; 1/rate is ${(1000 / RATE).toFixed(2)} ms)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const recallOk =
      fieldkitRecall.every((recall) => recall >= TARGETS.recall) && falsePositives.length === 0;
    process.exitCode = recallOk ? 0 : 1;
  } finally {
    await lab.teardown();
  }
});
