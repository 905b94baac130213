// The netns LAN lab itself: built as specified, reachable only from inside, and always cleaned up.
// Needs root: run `npx vitest run --project integration test/integration/lan` as root.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  benchLab,
  cleanupStale,
  createLab,
  LAB_PROBE_SCRIPT,
  liveHosts,
  namespacesOfRun,
  standardLab,
  validateLabSpec,
  type Lab,
  type LabHost,
  type LabSpec,
} from '../../lan/lab';
import { listNamespaces } from '../../lan/netns';

const AGENT_SCRIPT = fileURLToPath(new URL('../../lan/phone-agent.mjs', import.meta.url));
const ABANDONED_LAB = fileURLToPath(new URL('../../lan/fixtures/abandoned-lab.mjs', import.meta.url));

const smallLab = (): LabSpec => ({
  subnet: '198.18.0.0/24',
  scannerAddress: '198.18.0.1',
  hosts: [
    {
      name: 'phone',
      mac: '48:7a:55:00:02:01',
      ip: '198.18.0.20',
      role: 'phone',
      userAgent: 'ALE M3-CE 2.13.0.64 487a55000201',
    },
    { name: 'quiet', mac: '02:42:c6:00:02:02', ip: '198.18.0.21', role: 'silent' },
  ],
});

/** The first line a process prints (empty when it prints none). */
async function firstLine(output: Readable): Promise<string> {
  for await (const line of createInterface({ input: output })) return line;
  return '';
}

/** True while the process exists and is not a zombie. */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

type ProbeAnswer = {
  answer?: string;
  error?: string;
  status?: number;
  server?: string | null;
  body?: string;
};

async function probe(lab: Lab, ...args: string[]): Promise<ProbeAnswer> {
  const result = await lab.exec(['node', LAB_PROBE_SCRIPT, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ProbeAnswer;
}

/** `ip`/`mac` pairs arp-scan reports from inside the lab namespace. */
async function arpScan(lab: Lab): Promise<string[]> {
  // A starved arp-scan retries before it has read the first answer, and then prints both: count each host once.
  const result = await lab.exec([
    'arp-scan',
    '--interface',
    lab.bridge,
    '--localnet',
    '--plain',
    '--quiet',
    '--ignoredups',
  ]);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t').slice(0, 2).join(' '));
}

const ipMac = (hosts: readonly LabHost[]): string[] => hosts.map((host) => `${host.ip} ${host.mac}`);

describe('lab specs', () => {
  it('accepts the standard and bench labs, with the live hosts they promise', () => {
    expect(() => validateLabSpec(standardLab())).not.toThrow();
    const bench = benchLab(40);
    expect(() => validateLabSpec(bench)).not.toThrow();
    expect(liveHosts(bench.hosts)).toHaveLength(40);
    expect(() => validateLabSpec(benchLab(251))).not.toThrow();
  });

  it.each(['192.168.1.0/24', '10.0.0.0/24', '198.20.0.0/24', '198.17.255.0/24', '198.18.0.0/16'])(
    'refuses subnet %s',
    (subnet) => {
      expect(() => validateLabSpec({ ...smallLab(), subnet })).toThrow(/subnet/);
    },
  );

  it('accepts the upper half of 198.18.0.0/15', () => {
    const hosts = smallLab().hosts.map((host, index) => ({ ...host, ip: `198.19.7.${20 + index}` }));
    expect(() =>
      validateLabSpec({ subnet: '198.19.7.0/24', scannerAddress: '198.19.7.1', hosts }),
    ).not.toThrow();
  });

  it('names every bad host', () => {
    const [phone, quiet] = smallLab().hosts as [LabSpec['hosts'][number], LabSpec['hosts'][number]];
    const spec: LabSpec = {
      ...smallLab(),
      hosts: [
        { ...phone, userAgent: undefined },
        { ...quiet, mac: phone.mac, ip: '192.168.1.5' },
        { ...quiet, name: 'lab', mac: '01:00:5e:00:00:01', ip: '198.18.0.1' },
      ],
    };
    expect(() => validateLabSpec(spec)).toThrow(
      /needs a userAgent[\s\S]*not a host address[\s\S]*used twice[\s\S]*bad name[\s\S]*multicast/,
    );
  });
});

describe('the standard lab', () => {
  let lab: Lab;
  const live = () => liveHosts(lab.hosts);
  const down = () => lab.hosts.filter((host) => host.role === 'down');

  beforeAll(async () => {
    lab = await createLab(standardLab());
  });

  afterAll(async () => {
    if (!lab) return;
    await lab.teardown();
    expect(namespacesOfRun(lab.runId)).toEqual([]);
  });

  it('lives only in namespaces of its run, with no way out', async () => {
    expect(
      listNamespaces()
        .filter((name) => name.startsWith(`${lab.runId}-`))
        .sort(),
    ).toEqual([lab.namespace, ...lab.hosts.map((host) => host.namespace)].sort());
    // Reading the machine's own links (no traffic): none of the lab's links or MACs may be there.
    const machineLinks = JSON.parse(execFileSync('ip', ['-j', 'link'], { encoding: 'utf8' })) as {
      ifname: string;
      address?: string;
    }[];
    const labMacs = new Set(lab.hosts.map((host) => host.mac));
    expect(
      machineLinks.filter((link) => link.ifname.startsWith('fk-') || labMacs.has(link.address ?? '')),
    ).toEqual([]);
    for (const target of ['lab', 'm5', 'unplugged']) {
      const routes = JSON.parse((await lab.exec(['ip', '-j', 'route'], { in: target })).stdout) as {
        dst: string;
      }[];
      expect(routes.map((route) => route.dst)).not.toContain('default');
      expect(routes.every((route) => ['198.18.0.0/24', '224.0.0.0/4'].includes(route.dst))).toBe(true);
    }
  });

  it('gives each host its own MAC and address', async () => {
    const m7 = lab.host('m7');
    const [eth0] = JSON.parse(
      (await lab.exec(['ip', '-j', 'addr', 'show', 'eth0'], { in: 'm7' })).stdout,
    ) as {
      address: string;
      addr_info: { local: string; prefixlen: number }[];
    }[];
    expect(eth0?.address).toBe(m7.mac);
    expect(eth0?.addr_info.filter((a) => a.local.includes('.'))).toMatchObject([
      { local: m7.ip, prefixlen: 24 },
    ]);
  });

  it('answers ping from every live host and from no host that is down', async () => {
    const ping = async (host: LabHost) => (await lab.exec(['ping', '-c1', '-W1', host.ip])).code;
    expect(await Promise.all(live().map(ping))).toEqual(live().map(() => 0));
    expect(await Promise.all(down().map(ping))).not.toContain(0);
  });

  it('fills the lab neighbour table with each live host MAC, and none for a down host', async () => {
    await Promise.all(lab.hosts.map((host) => lab.exec(['ping', '-c1', '-W1', host.ip])));
    const neighbours = JSON.parse(
      (await lab.exec(['ip', '-j', 'neigh', 'show', 'dev', lab.bridge])).stdout,
    ) as {
      dst: string;
      lladdr?: string;
    }[];
    const known = neighbours.filter((entry) => entry.lladdr).map((entry) => `${entry.dst} ${entry.lladdr}`);
    expect(known.sort()).toEqual(ipMac(live()).sort());
  });

  it('shows arp-scan exactly the live hosts', async () => {
    expect((await arpScan(lab)).sort()).toEqual(ipMac(live()).sort());
  });

  it('answers SIP OPTIONS from phones and DECT bases with their user agent, in their header', async () => {
    const sipHosts = lab.hosts.filter((host) => host.role === 'phone' || host.role === 'dect-base');
    const answers = await Promise.all(sipHosts.map((host) => probe(lab, 'sip', host.ip)));
    sipHosts.forEach((host, index) => {
      const answer = answers[index]?.answer ?? '';
      expect(answer.split('\r\n')[0]).toBe('SIP/2.0 200 OK');
      expect(answer).toContain(`\r\n${host.sipHeader ?? 'User-Agent'}: ${host.userAgent}\r\n`);
      expect(answer).toContain(`\r\nCall-ID: lab-probe-2@${lab.scannerAddress}\r\n`);
      expect(answer).toContain('\r\nCSeq: 2 OPTIONS\r\n');
      expect(answer).toMatch(/\r\nVia: SIP\/2\.0\/UDP 198\.18\.0\.1:\d+;branch=z9hG4bK\w+;rport\r\n/);
      expect(answer).toMatch(/\r\nTo: <sip:[\d.]+>;tag=\w+\r\n/);
      expect(answer).toMatch(/\r\nContent-Length: 0\r\n\r\n$/);
    });
    expect(answers[0]?.answer).toContain('User-Agent: ALE M3-CE 2.13.0.64 487a55000002');
  });

  it('never answers a SIP REGISTER', async () => {
    const { answer } = await probe(lab, 'sip', lab.host('m3').ip, 'REGISTER');
    expect(answer).toContain('\r\nCSeq: 2 OPTIONS\r\n');
  });

  it('has no SIP listener on the web server or the silent host', async () => {
    expect(await probe(lab, 'sip', lab.host('nas').ip)).toEqual({ error: 'ECONNREFUSED' });
    expect(await probe(lab, 'sip', lab.host('printer').ip)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('serves admin pages titled with the model, a non-ALE page on the web server, and nothing elsewhere', async () => {
    const m5 = await probe(lab, 'http', lab.host('m5').ip);
    expect(m5).toMatchObject({ status: 200 });
    expect(m5.body).toContain('<title>ALE M5-CE</title>');
    expect(m5.body).toContain('MAC: 48:7a:55:00:00:03');
    const base = await probe(lab, 'http', lab.host('dect-base-1').ip);
    expect(base.body).toContain('<title>ALE IP-DECT base</title>');
    const nas = await probe(lab, 'http', lab.host('nas').ip);
    expect(nas).toMatchObject({ status: 200, server: 'nginx/1.24.0' });
    expect(nas.body).toContain('<title>Welcome to nginx!</title>');
    expect(await probe(lab, 'http', lab.host('m8').ip)).toEqual({ error: 'ECONNREFUSED' });
    expect(await probe(lab, 'http', lab.host('printer').ip)).toEqual({ error: 'ECONNREFUSED' });
  });

  it('advertises the mDNS phones on the bridge', async () => {
    const names = ['ALE-M5-CE-487a55000003', 'ALE-8028s-GE-3c28a6000010'];
    const { services } = (await probe(lab, 'mdns', ...names)) as { services?: { name: string }[] };
    expect(services).toEqual(
      expect.arrayContaining([
        {
          name: names[0],
          host: `${names[0]}.local`,
          port: 80,
          txt: { vendor: 'ALE', model: 'M5-CE', mac: '487a55000003' },
          addresses: ['198.18.0.12'],
        },
        expect.objectContaining({ name: names[1], addresses: ['198.18.0.21'] }),
      ]),
    );
  });

  it('stops an agent whose standard input closes, as when its parent dies', async () => {
    const agent = lab.spawnIn('printer', process.execPath, [AGENT_SCRIPT, '--sip-ua', 'orphan test'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => agent.once('exit', resolve));
    const { stdin, stdout } = agent;
    if (!stdin || !stdout) throw new Error('the agent was started without pipes');
    expect(await firstLine(stdout)).toBe('ready');
    stdin.end();
    expect(await exited).toBe(0);
  });

  it('is left alone by cleanupStale, which only removes dead runs', () => {
    const removed = cleanupStale();
    expect(removed.filter((name) => name.startsWith(`${lab.runId}-`))).toEqual([]);
    expect(namespacesOfRun(lab.runId)).toContain(lab.namespace);
  });
});

describe('cleanup', () => {
  it('tears down every namespace and process of its run, and can do so twice', async () => {
    const lab = await createLab(smallLab());
    const sleeper = lab.spawnIn('lab', 'sleep', ['600']);
    const exited = new Promise((resolve) => sleeper.once('exit', resolve));
    expect(namespacesOfRun(lab.runId)).toHaveLength(3);
    await lab.teardown();
    await exited;
    await lab.teardown();
    expect(namespacesOfRun(lab.runId)).toEqual([]);
  });

  it('has agents refuse to serve anywhere but on a lab address', async () => {
    const lab = await createLab(smallLab());
    try {
      await lab.exec(['ip', 'addr', 'flush', 'dev', 'eth0'], { in: 'quiet' });
      const result = await lab.exec(['node', AGENT_SCRIPT, '--http-title', 'x'], { in: 'quiet' });
      expect(result).toMatchObject({ code: 3, stdout: '' });
      expect(result.stderr).toContain('refusing to run outside a lab network namespace');
    } finally {
      await lab.teardown();
    }
  });

  it('removes what it made when building a lab fails', async () => {
    const before = listNamespaces().sort();
    const broken = smallLab();
    broken.hosts = broken.hosts.map((host) => ({ ...host, sipHeader: 'Contact' as 'Server' }));
    await expect(createLab(broken)).rejects.toThrow(/phone agent in fk-\w+-\w+-1 exited.*--sip-header/);
    expect(listNamespaces().sort()).toEqual(before);
  });

  it('cleans up after a test process that exits without tearing down', async () => {
    const child = spawn(process.execPath, [ABANDONED_LAB, 'exit'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const line = await firstLine(child.stdout);
    await exited;
    const { runId, agents } = JSON.parse(line) as { runId: string; agents: number[] };
    expect(agents).toHaveLength(1);
    expect(namespacesOfRun(runId)).toEqual([]);
    expect(agents.filter(isRunning)).toEqual([]);
  });

  it('removes the lab of a killed test process with cleanupStale', async () => {
    const child = spawn(process.execPath, [ABANDONED_LAB, 'hang'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const { runId } = JSON.parse(await firstLine(child.stdout)) as { runId: string };
    expect(namespacesOfRun(runId)).toHaveLength(3);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(cleanupStale().sort()).toEqual([`${runId}-1`, `${runId}-2`, `${runId}-lab`]);
    expect(namespacesOfRun(runId)).toEqual([]);
  });
});

describe('the bench lab', () => {
  // How long building takes is printed for the bench's sake, not asserted: a busy machine is slower, not wrong.
  it('builds 40 live hosts on a /24, all seen by arp-scan', async () => {
    const started = performance.now();
    const lab = await createLab(benchLab(40));
    const built = performance.now();
    try {
      expect((await arpScan(lab)).sort()).toEqual(ipMac(liveHosts(lab.hosts)).sort());
      const phones = lab.hosts.filter((host) => host.role === 'phone');
      const answers = await Promise.all(phones.map((phone) => probe(lab, 'sip', phone.ip)));
      expect(answers.map((answer) => answer.answer?.match(/\r\nUser-Agent: (.*)\r\n/)?.[1])).toEqual(
        phones.map((phone) => phone.userAgent),
      );
    } finally {
      const tearingDown = performance.now();
      await lab.teardown();
      const seconds = (ms: number) => (ms / 1000).toFixed(1);
      process.stdout.write(
        `lan lab: benchLab(40) built in ${seconds(built - started)} s, torn down in ${seconds(performance.now() - tearingDown)} s\n`,
      );
    }
  }, 90_000);
});
