#!/usr/bin/env node
// Discovery benchmark (run as root): on two netns labs — the bench lab (a /24 with about 40 live hosts spread
// over it) and a /23 with the same hosts at the very end of its range (see test/lan/presets.ts) — runs
// `fieldkit discover` (its default pacing) and Debian's `arp-scan` several times each and prints, per lab:
//   - the median wall time of each and their ratio, Fieldkit / arp-scan (target ≤ 0.5);
//   - the recall of each against the lab's live hosts (target 100%, no host that is down reported);
//   - the time from Fieldkit's process start to the first phone on its progress stream (target ≤ 150 ms on the
//     bench lab, whose first address is a phone), with its first probe (its first progress event) and the CPU
//     time it used, which load inflates less than wall;
// then, on the bench lab, a linearity check (/24, /23, /22 of dead addresses at a fixed rate) and peak RSS.
// Exits 1 when any target is missed.
//
//   npm run bench:discovery [-- --runs 5] [-- --no-build]
// Builds the CLI into $FIELDKIT_OUT (default out-bench-discovery) first unless --no-build is given.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withTypeScriptModule } from '../../test/support/module-runner.mjs';
import { buildCli } from '../build-cli.mjs';

const FIELDKIT = fileURLToPath(new URL('../../scripts/fieldkit.mjs', import.meta.url));
const REPORT_RSS = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));
const LAB_MODULE = fileURLToPath(new URL('../../test/lan/lab.ts', import.meta.url));
// An extra network on the lab's bridge for the linearity runs: inside 198.18.0.0/15, and nothing answers there.
const WIDE_ADDRESS = '198.18.4.1/22';
const LINEARITY_SUBNETS = ['198.18.4.0/24', '198.18.4.0/23', '198.18.4.0/22'];
const TARGETS = { ratio: 0.5, firstPhoneMs: 150, recall: 1 };
// The wide-scan rate, given explicitly to the linearity runs so that their figures compare (the default pace
// of a /24 or /23 is faster by design).
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
if (!values['no-build']) buildCli(out);

/** Runs `fieldkit discover` in the lab; collects its JSON document, progress events and peak RSS. */
function runFieldkit(lab, subnet, rate) {
  const started = performance.now();
  const child = lab.spawnIn(
    'lab',
    process.execPath,
    [
      ...['--import', REPORT_RSS, FIELDKIT, 'discover', '--subnet', subnet],
      ...(rate === undefined ? [] : ['--rate', String(rate)]),
      ...['--json', '--all', '--progress', 'jsonl'],
    ],
    { env: { ...process.env, FIELDKIT_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let firstPhoneMs;
  let firstPhoneWallMs;
  let firstProbeMs;
  let maxRssKb;
  let cpuMs;
  const errors = [];
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (!line.startsWith('{')) return errors.push(line);
    const event = JSON.parse(line);
    if (event.event === 'rss') ({ maxRssKb, cpuMs } = event);
    if (event.event === 'progress' && firstProbeMs === undefined) firstProbeMs = event.t;
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
      resolve({
        wallMs,
        firstPhoneMs,
        firstPhoneWallMs,
        firstProbeMs,
        cpuMs,
        maxRssKb,
        document: JSON.parse(stdout),
      });
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

const verdict = (ok) => (ok ? 'OK' : 'MISSED');

/** Fieldkit and arp-scan side by side on one lab: the lines to print and whether every target was met. */
async function compare(lab, { name, spec, firstPhoneTarget }) {
  const { subnet } = spec;
  const live = lab.hosts.filter((host) => host.role !== 'down').map((host) => macDigits(host.mac));
  const down = lab.hosts.filter((host) => host.role === 'down').map((host) => macDigits(host.mac));
  const phones = lab.hosts.filter((host) => host.role === 'phone').map((host) => macDigits(host.mac));
  const fieldkit = [];
  const arpScan = [];
  for (let run = 0; run < runs; run++) {
    // Every run starts from an empty neighbour table, as on a LAN the laptop has just joined.
    await lab.exec(['ip', 'neigh', 'flush', 'all']);
    fieldkit.push(await runFieldkit(lab, subnet));
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
  const firstProbeMs = median(fieldkit.map((r) => r.firstProbeMs ?? Number.POSITIVE_INFINITY));
  const cpuMs = median(fieldkit.map((r) => r.cpuMs));
  const recallOk =
    fieldkitRecall.every((recall) => recall >= TARGETS.recall) &&
    falsePositives.length === 0 &&
    misclassified.length === 0;
  const lines = [
    `${name}: ${lab.hosts.length} hosts on ${subnet} (${live.length} live), ${runs} runs each`,
    `  fieldkit discover  median ${fieldkitMs.toFixed(0)} ms  (runs: ${fieldkit.map((r) => r.wallMs.toFixed(0)).join(', ')}); ` +
      `CPU median ${cpuMs} ms`,
    `  arp-scan           median ${arpScanMs.toFixed(0)} ms  (runs: ${arpScan.map((r) => r.wallMs.toFixed(0)).join(', ')})`,
    `  ratio Fieldkit / arp-scan  ${ratio.toFixed(2)}  (target ≤ ${TARGETS.ratio})  ${verdict(ratio <= TARGETS.ratio)}`,
    `  recall  fieldkit ${fieldkitRecall.map(percent).join(' ')}  arp-scan ${arpScanRecall.map(percent).join(' ')}  ` +
      `(target 100%)  ${verdict(recallOk)}`,
    `  down hosts reported by fieldkit: ${falsePositives.length}; phones without kind/model: ${misclassified.length}`,
    `  first phone  ${firstPhoneMs.toFixed(0)} ms after process start (${firstPhoneWallMs.toFixed(0)} ms after spawn, ` +
      `incl. ip netns exec; first probe at ${firstProbeMs.toFixed(0)} ms)` +
      (firstPhoneTarget
        ? `  (target ≤ ${TARGETS.firstPhoneMs})  ${verdict(firstPhoneMs <= TARGETS.firstPhoneMs)}`
        : '  (no target: the phones are probed last)'),
    `  peak RSS: ${fieldkit.map((r) => `${Math.round(r.maxRssKb / 1024)}`).join(', ')} MiB`,
  ];
  const ok =
    recallOk && ratio <= TARGETS.ratio && (!firstPhoneTarget || firstPhoneMs <= TARGETS.firstPhoneMs);
  return { lines, ok };
}

/** Wall time per address of /24, /23 and /22 sweeps of dead addresses at one rate: equal when linear. */
async function linearity(lab) {
  await lab.exec(['ip', 'addr', 'add', WIDE_ADDRESS, 'dev', lab.bridge]);
  const rows = [];
  for (const subnet of LINEARITY_SUBNETS) {
    await lab.exec(['ip', 'neigh', 'flush', 'all']);
    const result = await runFieldkit(lab, subnet, RATE);
    rows.push({ subnet, ...result, addresses: result.document.scanned.addresses });
  }
  const perAddress = rows.slice(1).map((row, index) => {
    const previous = rows[index];
    return (row.wallMs - previous.wallMs) / (row.addresses - previous.addresses);
  });
  return [
    `  linearity (dead addresses on an extra lab network, --rate ${RATE}):`,
    ...rows.map(
      (row) =>
        `    ${row.subnet.padEnd(15)} ${String(row.addresses).padStart(5)} addresses  ${row.wallMs.toFixed(0).padStart(5)} ms  ` +
        `peak RSS ${Math.round(row.maxRssKb / 1024)} MiB`,
    ),
    `    marginal cost per address: ${perAddress.map((ms) => `${ms.toFixed(2)} ms`).join(' then ')} ` +
      `(linear when equal; 1/rate is ${(1000 / RATE).toFixed(2)} ms)`,
  ];
}

await withTypeScriptModule(LAB_MODULE, async ({ createLab, benchLab, endOfRangeLab }) => {
  const layouts = [
    // The first-phone target is the bench lab's, whose first address is a phone.
    { name: 'Bench lab', spec: benchLab(40), withLinearity: true, firstPhoneTarget: true },
    {
      name: 'Hosts at the end of a /23',
      spec: endOfRangeLab(40),
      withLinearity: false,
      firstPhoneTarget: false,
    },
  ];
  let allOk = true;
  for (const layout of layouts) {
    const lab = await createLab(layout.spec);
    try {
      const { lines, ok } = await compare(lab, layout);
      if (layout.withLinearity) lines.push(...(await linearity(lab)));
      process.stdout.write(`${lines.join('\n')}\n`);
      allOk &&= ok;
    } finally {
      await lab.teardown();
    }
  }
  const [load] = loadavg();
  process.stdout.write(
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} CPUs, load ${load.toFixed(1)}` +
      `${load > availableParallelism() ? ' (busy: the timings are not representative)' : ''}; ` +
      `${allOk ? 'every target met' : 'a target was MISSED'}.\n`,
  );
  process.exitCode = allOk ? 0 : 1;
});
