// Ready-made lab specs: a small office for discovery tests and a busier /24 for the benchmark.
import type { HostSpec, LabSpec } from './spec';

const SUBNET = '198.18.0.0/24';
const SCANNER = '198.18.0.1';
const ALE_FIRMWARE = { m: '2.13.0.64', s: '3.5.2' } as const;

/** `ALE <model> <firmware> <mac without colons>`, the shape ALE deskphones announce. */
export function aleUserAgent(model: string, mac: string): string {
  const firmware = model.startsWith('M') ? ALE_FIRMWARE.m : ALE_FIRMWARE.s;
  return `ALE ${model} ${firmware} ${mac.replaceAll(':', '')}`;
}

/** An RTX-made IP-DECT base's user agent, as in the API reference's registrations (optionally with an IPEI). */
export function dectUserAgent(mac: string, ipei?: string): string {
  const base = `IPDECT-V2/99.01.0004 (MAC=${mac.replaceAll(':', '').toUpperCase()}; SER= 00000; HW=8)`;
  return ipei ? `${base};IPEI=${ipei};v0690_b0005` : base;
}

const phone = (
  name: string,
  mac: string,
  ip: string,
  model: string,
  extra: Partial<HostSpec> = {},
): HostSpec => ({
  name,
  mac,
  ip,
  role: 'phone',
  userAgent: aleUserAgent(model, mac),
  ...extra,
});

/**
 * A small office: six ALE deskphones (M3/M5/M7/M8 on 48:7a:55, 8028s on 3c:28:a6, 8068s on 00:80:9f), two
 * RTX DECT bases (00:08:7b), a non-ALE web server, a silent host and a host that is down.
 */
export function standardLab(): LabSpec {
  return {
    subnet: SUBNET,
    scannerAddress: SCANNER,
    hosts: [
      phone('m3', '48:7a:55:00:00:02', '198.18.0.11', 'M3-CE'),
      phone('m5', '48:7a:55:00:00:03', '198.18.0.12', 'M5-CE', { mdns: true }),
      phone('m7', '48:7a:55:00:00:04', '198.18.0.13', 'M7-CE'),
      phone('m8', '48:7a:55:00:00:05', '198.18.0.14', 'M8-CE', { adminPage: false }),
      phone('s8028', '3c:28:a6:00:00:10', '198.18.0.21', '8028s-GE', { mdns: true }),
      phone('s8068', '00:80:9f:00:00:11', '198.18.0.22', '8068s-GE', { sipHeader: 'Server' }),
      {
        name: 'dect-base-1',
        mac: '00:08:7b:1f:57:59',
        ip: '198.18.0.31',
        role: 'dect-base',
        userAgent: dectUserAgent('00:08:7b:1f:57:59'),
      },
      {
        name: 'dect-base-2',
        mac: '00:08:7b:1f:57:60',
        ip: '198.18.0.32',
        role: 'dect-base',
        userAgent: dectUserAgent('00:08:7b:1f:57:60', '03:a8:c0:07:1f'),
        sipHeader: 'Server',
        adminPage: false,
      },
      { name: 'nas', mac: '00:11:32:0a:0b:01', ip: '198.18.0.40', role: 'web' },
      { name: 'printer', mac: '02:42:c6:12:00:33', ip: '198.18.0.41', role: 'silent' },
      { name: 'unplugged', mac: '48:7a:55:00:00:99', ip: '198.18.0.50', role: 'down' },
    ],
  };
}

const BENCH_PHONE_MODELS = ['M3-CE', 'M5-CE', 'M7-CE', 'M8-CE', '8028s-GE', '8068s-GE'] as const;
const OUI_OF_MODEL: Record<(typeof BENCH_PHONE_MODELS)[number], string> = {
  'M3-CE': '48:7a:55',
  'M5-CE': '48:7a:55',
  'M7-CE': '48:7a:55',
  'M8-CE': '48:7a:55',
  '8028s-GE': '3c:28:a6',
  '8068s-GE': '00:80:9f',
};

const macFrom = (oui: string, index: number): string => {
  const hex = index.toString(16).padStart(6, '0');
  return `${oui}:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
};

/**
 * `live` answering hosts spread over 198.18.0.0/24 (addresses 2–254, not contiguous), plus two that are down.
 * Of every ten live hosts: seven ALE phones (one in four advertising over mDNS), one DECT base, one web server,
 * one silent host.
 */
export function benchLab(live = 40): LabSpec {
  const total = live + 2;
  if (!Number.isInteger(live) || live < 1 || total > 253) throw new Error('benchLab: 1 to 251 live hosts');
  const hosts = benchHosts(total, live, (index) => `198.18.0.${2 + Math.floor((index * 253) / total)}`);
  return { subnet: SUBNET, scannerAddress: SCANNER, hosts };
}

const END_SUBNET = '198.18.2.0/23';
const END_SCANNER = '198.18.2.1';

/**
 * The benchmark's second layout: the hosts of `benchLab` on the last addresses of 198.18.2.0/23 (up to
 * 198.18.3.254), where a sweep that lets pending look-ups fill a socket's send buffer, or its neighbour table,
 * loses them.
 */
export function endOfRangeLab(live = 40): LabSpec {
  const total = live + 2;
  if (!Number.isInteger(live) || live < 1 || total > 254)
    throw new Error('endOfRangeLab: 1 to 252 live hosts');
  const hosts = benchHosts(total, live, (index) => `198.18.3.${255 - total + index}`);
  return { subnet: END_SUBNET, scannerAddress: END_SCANNER, hosts };
}

/** The bench hosts, the last two down: of every ten live ones, seven phones, a DECT base, a web and a silent host. */
function benchHosts(total: number, live: number, ipOf: (index: number) => string): HostSpec[] {
  const hosts: HostSpec[] = [];
  for (let index = 0; index < total; index++) {
    const ip = ipOf(index);
    const name = `h${index + 1}`;
    const slot = index % 10;
    if (index >= live) {
      hosts.push({ name, ip, mac: macFrom('48:7a:55', 0xd00000 + index), role: 'down' });
    } else if (slot < 7) {
      const model = BENCH_PHONE_MODELS[index % BENCH_PHONE_MODELS.length] ?? 'M5-CE';
      const mac = macFrom(OUI_OF_MODEL[model], 0x100000 + index);
      hosts.push(phone(name, mac, ip, model, { mdns: index % 4 === 1 }));
    } else if (slot === 7) {
      const mac = macFrom('00:08:7b', 0x200000 + index);
      hosts.push({ name, ip, mac, role: 'dect-base', userAgent: dectUserAgent(mac) });
    } else {
      const mac = macFrom('02:42:c6', 0x300000 + index);
      hosts.push({ name, ip, mac, role: slot === 8 ? 'web' : 'silent' });
    }
  }
  return hosts;
}
