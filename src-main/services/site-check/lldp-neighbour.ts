// What a switch announced on a port, read from the OS's LLDP agent (`lldpcli -f json show neighbors details`).

export interface LldpNeighbour {
  /** `LLDP` or `CDPv1`/`CDPv2`. */
  readonly protocol: string;
  readonly switchName: string | null;
  readonly port: string | null;
  readonly portDescription: string | null;
  readonly nativeVlan: number | null;
  readonly voiceVlan: number | null;
  readonly voicePriority: number | null;
  readonly voiceDscp: number | null;
  readonly poeClass: string | null;
  readonly poeMilliwatts: number | null;
}

type Json = Record<string, unknown>;

const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const first = (value: unknown): Json => record(Array.isArray(value) ? value[0] : value);
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => {
  const parsed = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
};

/** `lldpcli` prints one key per interface, or an array of them when several ports have neighbours. */
function entriesOf(interfaces: unknown): [string, Json][] {
  const list = Array.isArray(interfaces) ? interfaces : [interfaces];
  return list.flatMap((entry) =>
    Object.entries(record(entry)).map(([name, value]) => [name, record(value)] as [string, Json]),
  );
}

/** The voice policy among LLDP-MED policies (one object, or an array when the switch announces several). */
function voicePolicy(med: Json): Json {
  const policies = Array.isArray(med.policy) ? med.policy : [med.policy];
  return record(policies.find((policy) => record(policy).apptype === 'Voice'));
}

/** The neighbours heard on `interfaceName`, from lldpcli's JSON output. */
export function parseLldpNeighbours(output: string, interfaceName: string): LldpNeighbour[] {
  const interfaces = record(record(JSON.parse(output) as unknown).lldp).interface;
  return entriesOf(interfaces)
    .filter(([name]) => name === interfaceName)
    .map(([, neighbour]) => {
      const chassisEntries = Object.entries(record(neighbour.chassis));
      const [chassisName, chassis] = chassisEntries[0] ?? [null, {}];
      const port = record(neighbour.port);
      const portId = record(port.id);
      const med = record(neighbour['lldp-med']);
      const policy = voicePolicy(med);
      const power = record(port.power);
      const medPower = record(med.poe);
      return {
        protocol: str(neighbour.via) ?? 'LLDP',
        switchName:
          chassisName && chassisName !== 'id' ? chassisName : (str(record(record(chassis).id).value) ?? null),
        port: str(portId.value),
        portDescription: str(port.descr),
        nativeVlan: num(first(neighbour.vlan)['vlan-id']),
        voiceVlan: num(record(policy.vlan).vid),
        voicePriority: num(policy.pcp),
        voiceDscp: num(policy.dscp),
        poeClass: str(power.class),
        poeMilliwatts: num(medPower.power),
      };
    });
}
