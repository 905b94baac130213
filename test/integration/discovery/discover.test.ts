// `fieldkit discover` on a real LAN: the netns lab (test/lan), with the CLI running inside the lab's scanner
// namespace. Needs root: `npx vitest run --project integration test/integration/discovery`.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLab, standardLab, type Lab, type LabHost } from '../../lan/lab';
import { simulatorInLab } from '../../lan/lab-simulator';
import type {
  DectHandset,
  DiscoveredDevice,
  IdentifyResult,
} from '../../../src-main/services/discovery/types';
import { DEMO_SYSTEM_IDS } from '../../../src-main/simulator';
import { SEED_DEVICES } from '../../../src-main/simulator/seed/devices';

const RUN_CLI = fileURLToPath(new URL('./support/run-cli.mjs', import.meta.url));
const UDP_LISTENER = fileURLToPath(new URL('./support/udp-listener.mjs', import.meta.url));
const RUN_TYPESCRIPT = fileURLToPath(new URL('../vault/support/run-typescript.mjs', import.meta.url));
const IDENTIFY = fileURLToPath(new URL('./support/identify.ts', import.meta.url));
const SUBNET = '198.18.0.0/24';

let lab: Lab;

beforeAll(async () => {
  lab = await createLab(standardLab());
});

afterAll(async () => {
  await lab?.teardown();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `fieldkit discover …` inside the lab; `onLine` sees each stderr line as it comes. */
function startDiscover(
  args: string[],
  onLine?: (line: string, child: ChildProcess) => void,
  env: NodeJS.ProcessEnv = process.env,
) {
  const child = lab.spawnIn('lab', process.execPath, [RUN_CLI, 'discover', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stdout = '';
  let stderr = '';
  if (!child.stdout || !child.stderr) throw new Error('discover was started without pipes');
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    stderr += `${line}\n`;
    onLine?.(line, child);
  });
  const done = new Promise<Run>((resolve) => {
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const discover = (...args: string[]): Promise<Run> => startDiscover(args).done;

interface Document {
  devices: DiscoveredDevice[];
  scanned: { subnets: string[]; addresses: number; durationMs: number };
}

/** What discovery must report for a phone or base of the lab, derived from the lab's own spec. */
function expectedRow(host: LabHost): DiscoveredDevice {
  const mac = host.mac.replaceAll(':', '');
  const sources: DiscoveredDevice['sources'] = host.mdns ? ['arp', 'sip', 'mdns'] : ['arp', 'sip'];
  const ale = /^ALE (\S+) (\S+) /.exec(host.userAgent ?? '');
  if (ale) {
    return {
      mac,
      ip: host.ip,
      vendor: 'ALE',
      kind: 'deskphone',
      model: ale[1] ?? '',
      firmware: ale[2] ?? '',
      sources,
    };
  }
  const dect = /^(IPDECT-V2)\/(\S+) /.exec(host.userAgent ?? '');
  return {
    mac,
    ip: host.ip,
    vendor: 'RTX Telecom A/S',
    kind: 'dect-base',
    model: dect?.[1] ?? '',
    firmware: dect?.[2] ?? '',
    sources,
  };
}

const phonesAndBases = (): LabHost[] =>
  lab.hosts.filter((host) => host.role === 'phone' || host.role === 'dect-base');

describe('fieldkit discover on the lab LAN', () => {
  it('finds every phone and DECT base with the right kind, model, firmware and MAC, and nothing else', async () => {
    const { code, stdout, stderr } = await discover('--subnet', SUBNET, '--json');
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout) as Document;
    expect(Object.keys(document)).toEqual(['devices', 'scanned']);
    expect(Object.keys(document.scanned)).toEqual(['subnets', 'addresses', 'durationMs']);
    expect(document.scanned).toMatchObject({ subnets: [SUBNET], addresses: 253 });
    expect(document.scanned.durationMs).toBeGreaterThan(0);
    for (const device of document.devices) {
      expect(Object.keys(device)).toEqual(['mac', 'ip', 'vendor', 'kind', 'model', 'firmware', 'sources']);
      expect(device.mac).toMatch(/^[0-9a-f]{12}$/);
    }
    const expected = phonesAndBases().map(expectedRow);
    expect(document.devices).toEqual(expect.arrayContaining(expected));
    expect(document.devices).toHaveLength(expected.length);
  });

  it('lists the other hosts with --all, and never the host that is down', async () => {
    const { code, stdout } = await discover('--subnet', SUBNET, '--json', '--all');
    expect(code).toBe(0);
    const devices = (JSON.parse(stdout) as Document).devices;
    const byIp = new Map(devices.map((device) => [device.ip, device]));
    for (const name of ['nas', 'printer']) {
      const host = lab.host(name);
      expect(byIp.get(host.ip)).toMatchObject({
        mac: host.mac.replaceAll(':', ''),
        kind: 'other',
        sources: ['arp'],
      });
    }
    const down = lab.host('unplugged');
    expect(byIp.has(down.ip)).toBe(false);
    expect(devices.some((device) => device.mac === down.mac.replaceAll(':', ''))).toBe(false);
    expect(devices).toHaveLength(lab.hosts.length - 1);
  });

  it('prints a table and its progress for people', async () => {
    const { code, stdout, stderr } = await discover('--subnet', SUBNET);
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toMatch(/^IP\s+MAC\s+VENDOR\s+MODEL\s+FIRMWARE\s+KIND\s+SOURCES$/);
    expect(rows).toHaveLength(phonesAndBases().length);
    expect(stdout).toMatch(
      /198\.18\.0\.11\s+48:7a:55:00:00:02\s+ALE\s+M3-CE\s+2\.13\.0\.64\s+deskphone\s+arp,sip/,
    );
    expect(stderr).toMatch(/253\/253 addresses probed/);
    expect(stderr).toMatch(/8 listed of 10 hosts found on 198\.18\.0\.0\/24/);
  });

  it('joins the CloudPBX when signed in and given one, and lists its DECT handsets', async () => {
    const simulator = await simulatorInLab(lab, 'lab');
    const { code, stdout, stderr } = await startDiscover(
      ['--subnet', SUBNET, '--json', '--system', DEMO_SYSTEM_IDS.lyon],
      undefined,
      simulator.env,
    ).done.finally(simulator.stop);
    expect(code, stderr).toBe(0);
    const document = JSON.parse(stdout) as Document & { handsets: DectHandset[] };
    expect(Object.keys(document)).toEqual(['devices', 'scanned', 'handsets']);
    expect(document.devices).toHaveLength(phonesAndBases().length);
    for (const device of document.devices) {
      // The lab's phones are not devices of the demo tenant: all new.
      expect(device.pbx).toEqual({
        deviceId: null,
        provisioned: false,
        description: null,
        model: null,
        subscriber: null,
        registered: false,
        registeredFrom: null,
      });
    }
    const lyonHandsets = SEED_DEVICES.filter((seed) => seed.site === 'lyon' && seed.ipei !== undefined);
    expect(document.handsets.map((handset) => handset.ipei).sort()).toEqual(
      lyonHandsets.map((seed) => seed.ipei).sort(),
    );
    for (const handset of document.handsets) {
      expect(handset.registered).toBe(handset.subscriber !== null);
    }
  });

  it.each([
    [['--subnet', '198.18.0/24'], /"198\.18\.0\/24" is not a subnet/],
    [['--subnet', '198.0.0.0/8'], /198\.0\.0\.0\/8 is wider than \/16/],
    [['--subnet', '198.18.7.0/24'], /This machine is not on 198\.18\.7\.0\/24/],
    [['--interface', 'nosuch0'], /There is no network interface named "nosuch0"/],
    [['--subnet', SUBNET, '--rate', 'fast'], /--rate must be a whole number of probes per second/],
  ])('refuses %j with exit code 2 and a specific message', async (args, message) => {
    const { code, stderr } = await discover(...args, '--json');
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });

  it('refuses an interface without IPv4', async () => {
    const port = lab.hosts[0]?.bridgePort ?? '';
    const { code, stdout } = await discover('--interface', port, '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: expect.objectContaining({
        code: 'invalid-input',
        message: `Interface "${port}" has no IPv4 address, so there is nothing to scan from it.`,
      }),
    });
  });
});

describe('a system that refuses to send', () => {
  it('gets a message naming the missing permission, and exit code 1', async () => {
    // A `prohibit` route makes the kernel refuse the probes with EACCES, as a firewall rule would.
    const route = ['ip', 'route', '%s', 'prohibit', '198.18.0.0/25'];
    expect((await lab.exec(route.map((word) => word.replace('%s', 'add')))).code).toBe(0);
    try {
      const { code, stdout, stderr } = await discover('--subnet', SUBNET, '--json');
      expect(code).toBe(1);
      expect(stderr).toMatch(/The system refused to send discovery probes \(EACCES\)/);
      expect(JSON.parse(stdout)).toEqual({
        error: {
          code: 'permission-denied',
          message:
            'The system refused to send discovery probes (EACCES): Fieldkit lacks the permission to reach the LAN.',
          hint: expect.stringMatching(/A firewall rule or a sandbox blocks outgoing UDP to port 5060/),
        },
      });
    } finally {
      await lab.exec(route.map((word) => word.replace('%s', 'del')));
    }
  });
});

describe('identifying one address (node-arp, validated)', () => {
  it('names the phone at an address, a silent host by its MAC, and nothing for a host that is down', async () => {
    const m3 = lab.host('m3');
    const printer = lab.host('printer');
    const down = lab.host('unplugged');
    const result = await lab.exec([process.execPath, RUN_TYPESCRIPT, IDENTIFY, m3.ip, printer.ip, down.ip]);
    expect(result.code, result.stderr).toBe(0);
    // node-arp logs to stdout; the scenario's answer is the last line.
    const answers = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as IdentifyResult[];
    expect(answers).toEqual([
      {
        ip: m3.ip,
        simulated: false,
        device: {
          mac: '487a55000002',
          ip: m3.ip,
          vendor: 'ALE',
          kind: 'deskphone',
          model: 'M3-CE',
          firmware: '2.13.0.64',
          sources: ['arp', 'sip'],
        },
      },
      {
        ip: printer.ip,
        simulated: false,
        device: expect.objectContaining({ mac: '0242c6120033', kind: 'other', sources: ['arp'] }),
      },
      // node-arp answers "(incomplete)" as a success here; the wrapper refuses it.
      { ip: down.ip, simulated: false, device: null },
    ]);
  });
});

/** Starts a UDP 5060 listener on a lab host; resolves with its output lines once it is bound. */
async function listenOn(
  hostName: string,
): Promise<{ lines: string[]; arrived: (line: string) => Promise<void> }> {
  const child = lab.spawnIn(hostName, process.execPath, [UDP_LISTENER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  if (!child.stdout) throw new Error('the listener was started without a pipe');
  const reader = createInterface({ input: child.stdout });
  await new Promise<void>((resolve) => {
    reader.on('line', (line) => {
      lines.push(line);
      if (line === 'ready') resolve();
      for (const waiter of waiters.filter((candidate) => candidate.line === line)) waiter.resolve();
    });
  });
  return {
    lines,
    arrived: (line) =>
      lines.includes(line) ? Promise.resolve() : new Promise((resolve) => waiters.push({ line, resolve })),
  };
}

describe('stopping a scan', () => {
  it('stops all probing: the addresses after the stop never receive a probe', async () => {
    const nas = lab.host('nas');
    const printer = lab.host('printer');
    const listeners = await Promise.all([listenOn(nas.name), listenOn(printer.name)]);
    let interrupted = false;
    const run = startDiscover(
      ['--subnet', SUBNET, '--rate', '10', '--json', '--progress', 'jsonl'],
      (line, child) => {
        if (!line.startsWith('{')) return;
        const event = JSON.parse(line) as { event: string; device?: DiscoveredDevice };
        if (event.event === 'found' && event.device?.mac === '487a55000002' && !interrupted) {
          interrupted = true;
          child.kill('SIGINT');
        }
      },
    );
    const { code, stdout, stderr } = await run.done;
    expect(interrupted).toBe(true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/stopped before the end/);
    const document = JSON.parse(stdout) as Document & { stopped: boolean };
    expect(document.stopped).toBe(true);
    expect(document.devices.map((device) => device.mac)).toContain('487a55000002');
    const finished = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { event: string; state?: string })
      .find((event) => event.event === 'finished');
    expect(finished?.state).toBe('stopped');

    // The CLI has exited; a marker sent now arrives after anything it sent before (same path, in order).
    for (const host of [nas, printer]) {
      const sent = await lab.exec([
        process.execPath,
        '-e',
        `const s=require('node:dgram').createSocket('udp4');s.send('marker',5060,'${host.ip}',()=>s.close())`,
      ]);
      expect(sent.code).toBe(0);
    }
    await Promise.all(listeners.map((listener) => listener.arrived('marker')));
    for (const listener of listeners) {
      expect(listener.lines.filter((line) => line.startsWith('OPTIONS'))).toEqual([]);
    }
  });
});
