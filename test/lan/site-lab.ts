// The site-check lab: what a phone's LAN port offers, built on the netns lab (lab.ts). The lab namespace is the
// switch and router of the site: its bridge port towards the laptop sends LLDP-MED (lldpd), and on the bridge
// address it serves DHCP and DNS (dnsmasq), NTP (chrony) and TLS on 443 and 5061 (tls-server.mjs, a test CA).
// The `laptop` host runs the site check (with its own lldpd listening, as the OS agent would); the `rogue` host
// can run a second DHCP server; two ALE deskphones answer on the LAN. The switch can be made to speak CDP only, as a Cisco switch without LLDP. Faults are switched on and off between checks by `setFaults`.
//
// The laptop can take a real lease with Debian's dhclient (takeLaptopLease).
//
// Needs root and Debian's lldpd, dnsmasq-base, chrony, nftables, faketime, openssl, isc-dhcp-client
// (scripts/install-os-deps.sh).
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcess } from './agents';
import { createLab, type Lab, type LabHost } from './lab';
import { makeSiteCertificates, type SiteCertificates } from './site-certificates';
import { READY_DEADLINE_MS } from './deadlines';

export const SITE_FAULTS = [
  'no-option-66',
  'rogue-dhcp',
  'nxdomain',
  'ntp-blocked',
  'wrong-clock',
  'sip-tls-blocked',
  'cert-not-yet-valid',
  'dhcp-silent',
] as const;
export type SiteFault = (typeof SITE_FAULTS)[number];

const SUBNET = '198.18.3.0/24';
const ROUTER = '198.18.3.1';
const RAINBOW_HOST = 'rainbow.lab.test';
const SIP_PROXY = 'sip.lab.test';
export const LAB_VOICE_VLAN = 100;
const LAPTOP_MAC = '02:00:5e:10:00:10';
const LAPTOP_IP = '198.18.3.10';
const TLS_SERVER = fileURLToPath(new URL('./tls-server.mjs', import.meta.url));
const NETNS_ETC = '/etc/netns';
const MULTIARCH_LIBS = '/usr/lib';

export interface SiteLab {
  readonly lab: Lab;
  readonly laptop: LabHost;
  readonly rainbowHost: string;
  readonly sipProxy: string;
  readonly router: string;
  /** The test CA the TLS servers' certificates chain to (the checks accept it only when told). */
  readonly caPem: string;
  /** The laptop's lldpd control socket. */
  readonly lldpSocket: string;
  /**
   * Restarts the switch speaking CDPv2 only, as a Cisco switch without LLDP does, and resolves once the laptop's
   * lldpd has forgotten the LLDP announcement and heard the switch by CDP. The lab stays so until torn down.
   */
  speakCdpOnly(): Promise<void>;
  /**
   * Gets the laptop a real lease from the site's DHCP server with Debian's dhclient (which only records it: its
   * script changes nothing in the namespace) and answers the leases file it wrote.
   */
  takeLaptopLease(): Promise<string>;
  /** Restarts the site's services with exactly these faults. */
  setFaults(faults: readonly SiteFault[]): Promise<void>;
  teardown(): Promise<void>;
}

/** Starts a daemon in a namespace of the lab and resolves once a line of its output matches `ready`. */
function startDaemon(
  lab: Lab,
  target: string,
  command: string,
  args: readonly string[],
  ready: RegExp,
): Promise<ChildProcess> {
  const child = lab.spawnIn(target, command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.on('error', () => undefined);
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(deadline);
      child.kill('SIGKILL');
      reject(new Error(`${command} in ${target} ${reason}: ${output.slice(-2000)}`));
    };
    const deadline = setTimeout(() => fail(`was not ready after ${READY_DEADLINE_MS} ms`), READY_DEADLINE_MS);
    const onExit = (code: number | null): void => fail(`exited (${code})`);
    child.once('exit', onExit);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (!ready.test(output)) return;
      clearTimeout(deadline);
      child.off('exit', onExit);
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

/** Debian's libfaketime, under the multiarch folder of this machine. */
function libfaketime(): string {
  const found = readdirSync(MULTIARCH_LIBS)
    .map((folder) => join(MULTIARCH_LIBS, folder, 'faketime', 'libfaketime.so.1'))
    .find((path) => existsSync(path));
  if (found === undefined) throw new Error('libfaketime is not installed (scripts/install-os-deps.sh)');
  return found;
}

/** Runs `command` in the namespace again and again until its output satisfies `done`. */
async function untilOutput(
  lab: Lab,
  target: string,
  command: readonly string[],
  done: (stdout: string) => boolean,
  failure: string,
): Promise<void> {
  const giveUpAt = Date.now() + READY_DEADLINE_MS;
  for (;;) {
    const { stdout } = await lab.exec([...command], { in: target });
    if (done(stdout)) return;
    if (Date.now() > giveUpAt) throw new Error(`${failure}: ${stdout.slice(-2000)}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Waits until something in the namespace listens on `port` (UDP), as `ss` sees it. */
function udpListening(lab: Lab, target: string, port: number): Promise<void> {
  return untilOutput(
    lab,
    target,
    ['ss', '-Hlun', `sport = :${port}`],
    (stdout) => stdout.trim() !== '',
    `nothing listens on UDP ${port} in ${target}`,
  );
}

function dnsmasqConfig(folder: string, faults: readonly SiteFault[]): string {
  return [
    'interface=br0',
    'bind-interfaces',
    'no-resolv',
    'no-hosts',
    'no-ping', // offers at once instead of after a 3 s conflict check
    'log-dhcp',
    `dhcp-leasefile=${join(folder, 'leases')}`,
    'pid-file=',
    'dhcp-range=198.18.3.100,198.18.3.150,255.255.255.0,10m',
    // The laptop's own lease (takeLaptopLease) is for the address it already has.
    `dhcp-host=${LAPTOP_MAC},${LAPTOP_IP}`,
    `dhcp-option=3,${ROUTER}`,
    `dhcp-option=6,${ROUTER}`,
    `dhcp-option=42,${ROUTER}`,
    'dhcp-option=15,lab.test',
    ...(faults.includes('no-option-66') ? [] : [`dhcp-option=66,"https://${ROUTER}/provisioning"`]),
    // A voice VLAN hint in option 43, for clients announcing an ALE phone's vendor class (as the DHCP probe does).
    `dhcp-option=vendor:alcatel.int-ip.0,1,"VLAN-A:${LAB_VOICE_VLAN}."`,
    `address=/${RAINBOW_HOST}/${ROUTER}`,
    // An empty address answers NXDOMAIN.
    faults.includes('nxdomain') ? `address=/${SIP_PROXY}/` : `address=/${SIP_PROXY}/${ROUTER}`,
  ].join('\n');
}

const ROGUE_DNSMASQ = [
  'interface=eth0',
  'bind-interfaces',
  'port=0',
  'no-ping',
  // Answers two seconds after the site's server (the check listens 4 s), so the check takes the site's offer and
  // asks the site's DNS and NTP servers, whatever the machine's load.
  'dhcp-reply-delay=2',
  'pid-file=',
  'dhcp-range=198.18.3.200,198.18.3.220,255.255.255.0,10m',
  'dhcp-option=3,198.18.3.66',
  'dhcp-option=6,198.18.3.66',
];

const FAULT_RULES: Partial<Record<SiteFault, string>> = {
  'ntp-blocked': 'udp dport 123 drop',
  'sip-tls-blocked': 'tcp dport 5061 reject with tcp reset',
  'dhcp-silent': 'udp dport 67 drop',
};

export async function createSiteLab(): Promise<SiteLab> {
  const folder = mkdtempSync(join(tmpdir(), 'fk-site-lab-'));
  // lldpd's own lldpcli and chronyd run as unprivileged users and must reach their sockets and files here.
  chmodSync(folder, 0o755);
  const lab = await createLab({
    subnet: SUBNET,
    scannerAddress: ROUTER,
    hosts: [
      { name: 'laptop', mac: LAPTOP_MAC, ip: LAPTOP_IP, role: 'silent' },
      { name: 'rogue', mac: '02:00:5e:10:00:66', ip: '198.18.3.66', role: 'silent' },
      // ALE deskphones for the CloudPBX join: the first is a device of the simulator's Lyon CloudPBX, the second
      // is declared nowhere. They only answer ARP and ping, which is all the neighbour table needs.
      { name: 'declared-phone', mac: '48:7a:55:0a:1b:01', ip: '198.18.3.21', role: 'silent' },
      { name: 'new-phone', mac: '00:80:9f:00:77:01', ip: '198.18.3.22', role: 'silent' },
    ],
  });
  const laptop = lab.host('laptop');
  const etc = join(NETNS_ETC, laptop.namespace);
  const services = new Map<string, ChildProcess>();
  const stop = async (name: string): Promise<void> => {
    const child = services.get(name);
    services.delete(name);
    if (child) await stopProcess(child);
  };
  const teardown = async (): Promise<void> => {
    await lab.teardown();
    rmSync(etc, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  };

  try {
    const certificates: SiteCertificates = await makeSiteCertificates(folder, [RAINBOW_HOST, SIP_PROXY]);
    // `ip netns exec` shows /etc/netns/<namespace>/resolv.conf as /etc/resolv.conf: the laptop's system resolver.
    mkdirSync(etc, { recursive: true });
    writeFileSync(join(etc, 'resolv.conf'), `nameserver ${ROUTER}\n`);
    const route = await lab.exec(['ip', 'route', 'add', 'default', 'via', ROUTER], { in: 'laptop' });
    if (route.code !== 0) throw new Error(`default route: ${route.stderr}`);

    // The laptop's agent first, so it hears the switch's first announcement.
    const lldpSocket = join(folder, 'laptop-lldpd.socket');
    const switchSocket = join(folder, 'switch-lldpd.socket');
    const lldpReady = /should resume operations/;
    // The laptop's agent decodes CDP too (`-c`), as the README tells a technician to run it; `-r` sends nothing.
    services.set(
      'laptop-lldpd',
      await startDaemon(
        lab,
        'laptop',
        'lldpd',
        ['-d', '-r', '-c', '-u', lldpSocket, '-I', 'eth0'],
        lldpReady,
      ),
    );
    const startSwitch = async (protocol: 'lldp-med' | 'cdp'): Promise<void> => {
      await stop('switch-lldpd');
      const lldpMed = [
        `configure med policy application voice tagged vlan ${LAB_VOICE_VLAN} priority voice dscp 46`,
        'configure dot3 power pse supported enabled paircontrol powerpairs spare class class-3',
        'configure med power pse source primary priority high value 15400',
      ];
      // Configured before its first frame (lldpd waits for its configuration to resume): a CDP neighbour is known
      // by its name, so a first frame under the machine's hostname would linger as a second switch for 120 s.
      const config = join(folder, `switch-${protocol}.conf`);
      writeFileSync(
        config,
        [
          'configure system hostname lab-switch',
          ...(protocol === 'lldp-med' ? lldpMed : []),
          'configure lldp tx-interval 1',
        ].join('\n') + '\n',
      );
      // `-ccccc`: CDPv2 forced, CDPv1 off; `-ll`: LLDP off.
      const speaking = protocol === 'cdp' ? ['-ccccc', '-ll'] : ['-M', '4'];
      services.set(
        'switch-lldpd',
        await startDaemon(
          lab,
          'lab',
          'lldpd',
          ['-d', ...speaking, '-O', config, '-u', switchSocket, '-I', laptop.bridgePort],
          lldpReady,
        ),
      );
    };
    await startSwitch('lldp-med');
    const speakCdpOnly = async (): Promise<void> => {
      await startSwitch('cdp');
      await untilOutput(
        lab,
        'laptop',
        ['lldpcli', '-u', lldpSocket, '-f', 'json', 'show', 'neighbors'],
        (stdout) => /"via"\s*:\s*"CDP/.test(stdout) && !/"via"\s*:\s*"LLDP"/.test(stdout),
        'the laptop did not hear the switch by CDP alone',
      );
    };

    const setFaults = async (faults: readonly SiteFault[]): Promise<void> => {
      await Promise.all(['dnsmasq', 'rogue', 'chrony', 'tls'].map(stop));
      const config = join(folder, 'dnsmasq.conf');
      writeFileSync(config, dnsmasqConfig(folder, faults));
      const chronyConfig = join(folder, 'chrony.conf');
      writeFileSync(
        chronyConfig,
        [
          'local stratum 8',
          'allow 198.18.0.0/15',
          `bindaddress ${ROUTER}`,
          'cmdport 0',
          'bindcmdaddress /',
          `pidfile ${join(folder, 'chrony.pid')}`,
        ].join('\n'),
      );
      // `env` execs chronyd itself, so stopping the child stops chronyd; the `faketime` wrapper would fork it and
      // leave it running when stopped, holding its pid file and port 123 against the next start.
      const chronydCommand = ['chronyd', '-d', '-x', '-f', chronyConfig];
      const chrony = faults.includes('wrong-clock')
        ? ['env', ['FAKETIME=+3h', `LD_PRELOAD=${libfaketime()}`, ...chronydCommand]]
        : ['chronyd', chronydCommand.slice(1)];
      const served = faults.includes('cert-not-yet-valid') ? certificates.notYetValid : certificates.valid;
      const dhcpReady = /DHCP, sockets bound/;
      const [dnsmasq, rogue, chronyd, tls] = await Promise.all([
        startDaemon(
          lab,
          'lab',
          'dnsmasq',
          ['-k', '-C', config, '--log-facility=-', '--user=root'],
          dhcpReady,
        ),
        faults.includes('rogue-dhcp')
          ? (writeFileSync(
              join(folder, 'rogue.conf'),
              ROGUE_DNSMASQ.join('\n') + `\ndhcp-leasefile=${join(folder, 'rogue.leases')}\n`,
            ),
            startDaemon(
              lab,
              'rogue',
              'dnsmasq',
              ['-k', '-C', join(folder, 'rogue.conf'), '--log-facility=-', '--user=root'],
              dhcpReady,
            ))
          : undefined,
        startDaemon(
          lab,
          'lab',
          chrony[0] as string,
          chrony[1] as string[],
          /Disabled control of system clock/,
        ),
        startDaemon(
          lab,
          'lab',
          process.execPath,
          [TLS_SERVER, '--cert', served.cert, '--key', served.key, '--port', '443', '--port', '5061'],
          /^ready$/m,
        ),
      ]);
      services.set('dnsmasq', dnsmasq);
      if (rogue) services.set('rogue', rogue);
      services.set('chrony', chronyd);
      services.set('tls', tls);
      await udpListening(lab, 'lab', 123);

      await lab.exec(['nft', 'delete', 'table', 'inet', 'fk_faults']);
      const rules = faults.flatMap((fault) => FAULT_RULES[fault] ?? []);
      if (rules.length > 0) {
        const table = `table inet fk_faults {\n chain input {\n type filter hook input priority 0; policy accept;\n ${rules.join('\n')}\n }\n}\n`;
        const result = await lab.exec(['nft', '-f', '-'], { input: table });
        if (result.code !== 0) throw new Error(`nft: ${result.stderr}`);
      }
    };
    const takeLaptopLease = async (): Promise<string> => {
      const leaseFile = join(folder, 'dhclient.leases');
      // `-1`: one try; `-d`: in the foreground, so stopping the child stops it; `-sf /bin/true`: no script, so
      // the namespace's address, routes and resolv.conf stay as the lab made them.
      const client = await startDaemon(
        lab,
        'laptop',
        'dhclient',
        ['-1', '-d', '-sf', '/bin/true', '-lf', leaseFile, '-pf', join(folder, 'dhclient.pid'), 'eth0'],
        /bound to /,
      );
      await stopProcess(client);
      return leaseFile;
    };
    await setFaults([]);
    return {
      lab,
      laptop,
      rainbowHost: RAINBOW_HOST,
      sipProxy: SIP_PROXY,
      router: ROUTER,
      caPem: certificates.caPem,
      lldpSocket,
      speakCdpOnly,
      takeLaptopLease,
      setFaults,
      teardown,
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
