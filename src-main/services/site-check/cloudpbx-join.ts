// The join of the two views of a site (issue 12, item 2): what the LAN ladder found, and what the CloudPBX says of
// the phones on this port, in one `cloudpbx` check, so the screen reads "LAN fine, phone not declared" or
// "CloudPBX fine, the LAN fails at dhcp".
import { blockContains, blockOf, formatBlock, parseIpv4, type Ipv4Block } from '../../shared/ipv4';
import type { Check, CheckReport, CheckStatus } from '../../shared/check-ladder';
import type { CloudPbxSide } from './site-check-service';
import type { SiteCheckSubject } from './types';

export const CLOUDPBX_CHECK_ID = 'cloudpbx';

/** A diagnosis costs a few CloudPBX reads per phone: a port or VLAN full of phones is sampled, not swept. */
export const MAX_DIAGNOSED_PHONES = 10;

/** A phone seen on the LAN: by a discovery, or in this laptop's neighbour table. */
export interface PortPhone {
  readonly mac: string;
  readonly ip: string;
}

export interface PhoneDiagnosis {
  readonly phone: PortPhone;
  readonly diagnosis: CheckReport<unknown>;
}

export interface CloudPbxJoinDeps {
  /** The phones a discovery saw on the LAN of this CloudPBX; undefined when no discovery is known. */
  phones: (systemId: string) => Promise<readonly PortPhone[] | undefined>;
  /** The ALE phones in this laptop's neighbour table for the port, read when no discovery is known. */
  neighbourPhones: (port: SiteCheckSubject) => Promise<readonly PortPhone[]>;
  /** `diagnose` of one phone, by its MAC, on this CloudPBX. */
  diagnose: (systemId: string, mac: string) => Promise<CheckReport<unknown>>;
}

/** Where the port's phones came from, which says how complete the list is. */
export type PhoneSource = 'discovery' | 'neighbour-table' | 'simulated-site';

/** The phones of the port's LAN and where they came from; `unreadable` when neither source could say. */
export type PortPhones =
  | { readonly source: PhoneSource; readonly phones: readonly PortPhone[] }
  | { readonly source: 'unreadable'; readonly reason: string };

const NEIGHBOUR_TABLE_CAVEAT =
  'the neighbour table only knows the hosts this laptop exchanged packets with recently';
const DISCOVER_FIRST =
  'Run a discovery of this port’s subnet first (`fieldkit discover` or the Discover screen: it finds every phone), then the site check.';

/** The subnets of the port's addresses (`a.b.c.d/p`); an address without a prefix is its own /32. */
export function portSubnets(addresses: readonly string[]): Ipv4Block[] {
  return addresses.flatMap((text) => {
    const [address, prefix = '32'] = text.split('/');
    const value = address === undefined ? undefined : parseIpv4(address);
    const length = Number(prefix);
    return value === undefined || !Number.isInteger(length) || length < 0 || length > 32
      ? []
      : [blockOf(value, length)];
  });
}

/** The phones whose address is on one of the port's subnets. */
export function phonesOnSubnets(phones: readonly PortPhone[], subnets: readonly Ipv4Block[]): PortPhone[] {
  return phones.filter((phone) => {
    const ip = parseIpv4(phone.ip);
    return ip !== undefined && subnets.some((subnet) => blockContains(subnet, ip));
  });
}

/**
 * The phones of the port's LAN: the latest discovery's, or in the demo the simulated site's; without a discovery,
 * those of this laptop's neighbour table (which sends nothing).
 */
async function portPhones(
  deps: CloudPbxJoinDeps,
  systemId: string,
  port: SiteCheckSubject,
): Promise<PortPhones> {
  const discovered = await deps.phones(systemId);
  if (discovered !== undefined)
    return { source: port.simulated ? 'simulated-site' : 'discovery', phones: discovered };
  try {
    return { source: 'neighbour-table', phones: await deps.neighbourPhones(port) };
  } catch (error) {
    return { source: 'unreadable', reason: (error as Error).message };
  }
}

/** The CloudPBX side of a site check: the phones on the port's subnets, each diagnosed, joined with the LAN. */
export function cloudPbxJoin(deps: CloudPbxJoinDeps): CloudPbxSide {
  return {
    async checks(systemId, lan) {
      const found = await portPhones(deps, systemId, lan.subject);
      const subnets = portSubnets(lan.subject.addresses);
      if (found.source === 'unreadable') return [cloudPbxCheck(lan, found, [], subnets)];
      // The demo's simulated site is the demo CloudPBX's LAN as a whole: its phones are all on this port.
      const onPort =
        found.source === 'simulated-site' ? found.phones : phonesOnSubnets(found.phones, subnets);
      const diagnoses = await Promise.all(
        onPort
          .slice(0, MAX_DIAGNOSED_PHONES)
          .map(async (phone) => ({ phone, diagnosis: await deps.diagnose(systemId, phone.mac) })),
      );
      return [cloudPbxCheck(lan, { source: found.source, phones: onPort }, diagnoses, subnets)];
    },
  };
}

/** The evidence that says where the phones came from, and how complete the neighbour table is. */
function sourceEvidence(source: PhoneSource, port: SiteCheckSubject): Record<string, string> {
  switch (source) {
    case 'discovery':
      return { 'phones.source': 'the latest discovery' };
    case 'simulated-site':
      return { 'phones.source': 'the simulated site' };
    case 'neighbour-table':
      return {
        'phones.source': `this laptop's neighbour table for ${port.interface} (no discovery this session)`,
        'phones.caveat': `${NEIGHBOUR_TABLE_CAVEAT}: run \`fieldkit discover\` (or the Discover screen) first to see every phone`,
      };
  }
}

/**
 * The `cloudpbx` check. Its status is the CloudPBX's side only (the LAN checks above already carry theirs); its
 * summary puts both sides in one line. `found` holds the phones on the port (all of them), `diagnoses` the sampled.
 */
export function cloudPbxCheck(
  lan: { subject: SiteCheckSubject; checks: readonly Check[] },
  found: PortPhones,
  diagnoses: readonly PhoneDiagnosis[],
  subnets: readonly Ipv4Block[],
): Check {
  const lanPart = lanSummary(lan.checks);
  const where = lan.subject.simulated
    ? 'the simulated site'
    : subnets.map(formatBlock).join(', ') || 'this port';
  if (found.source === 'unreadable')
    return check(
      'skipped',
      `${lanPart}; the phones on this port are not known: no LAN discovery this session, and this laptop's ` +
        `neighbour table could not be read (${found.reason}).`,
      { fix: DISCOVER_FIRST },
    );
  const origin = sourceEvidence(found.source, lan.subject);
  if (diagnoses.length === 0)
    return check(
      'warn',
      found.source === 'neighbour-table'
        ? `${lanPart}; this laptop's neighbour table holds no ALE phone on ${where}.`
        : `${lanPart}; the latest discovery saw no phone on ${where}.`,
      {
        evidence: { 'phones.seen': 0, ...origin },
        fix:
          found.source === 'neighbour-table'
            ? `Plug the phone into this port (or its VLAN); ${NEIGHBOUR_TABLE_CAVEAT}. ${DISCOVER_FIRST}`
            : 'Plug the phone into this port (or its VLAN), run a discovery, then the site check again.',
      },
    );

  const evidence: Record<string, string | number> = {
    'phones.seen': found.phones.length,
    'phones.diagnosed': diagnoses.length,
    ...origin,
  };
  for (const { phone, diagnosis } of diagnoses)
    evidence[`phone.${phone.mac}`] = `${phone.ip}: ${diagnosis.verdict}${failingIds(diagnosis)}`;
  const troubled = diagnoses.find(({ diagnosis }) => diagnosis.verdict !== 'ok');
  const firstLanFailure = lan.checks.find((lanCheck) => lanCheck.status === 'fail');
  if (troubled === undefined)
    return check('ok', `${lanPart}; CloudPBX fine for ${phonesText(diagnoses.length)} on ${where}.`, {
      evidence,
      fix: firstLanFailure
        ? `The CloudPBX side is fine: fix the LAN first (${firstLanFailure.id}: ${firstLanFailure.fix ?? firstLanFailure.summary}).`
        : null,
    });

  const worst = firstTroubledCheck(troubled.diagnosis);
  const status: CheckStatus = troubled.diagnosis.verdict === 'problem' ? 'fail' : 'unknown';
  const others = diagnoses.filter(({ diagnosis }) => diagnosis.verdict !== 'ok').length - 1;
  return check(
    status,
    `${lanPart}; phone ${troubled.phone.mac} (${troubled.phone.ip}): ${worst?.summary ?? troubled.diagnosis.verdict}` +
      (others > 0 ? ` (and ${phonesText(others)} more with a problem)` : ''),
    { evidence, fix: worst?.fix ?? 'Diagnose the phone for the details.' },
  );
}

function check(
  status: CheckStatus,
  summary: string,
  rest: { evidence?: Check['evidence']; fix: string | null },
): Check {
  return { id: CLOUDPBX_CHECK_ID, status, summary, evidence: rest.evidence ?? {}, fix: rest.fix };
}

function lanSummary(checks: readonly Check[]): string {
  const failing = checks.filter((lanCheck) => lanCheck.status === 'fail').map((lanCheck) => lanCheck.id);
  if (failing.length > 0) return `LAN fails at ${failing.join(', ')}`;
  return checks.some((lanCheck) => lanCheck.status === 'warn') ? 'LAN fine with warnings' : 'LAN fine';
}

function firstTroubledCheck(diagnosis: CheckReport<unknown>): Check | undefined {
  return (
    diagnosis.checks.find((diagnosisCheck) => diagnosisCheck.status === 'fail') ??
    diagnosis.checks.find((diagnosisCheck) => diagnosisCheck.status === 'unknown')
  );
}

function failingIds(diagnosis: CheckReport<unknown>): string {
  const ids = diagnosis.checks
    .filter((diagnosisCheck) => diagnosisCheck.status === 'fail' || diagnosisCheck.status === 'unknown')
    .map((diagnosisCheck) => diagnosisCheck.id);
  return ids.length > 0 ? ` (${ids.join(', ')})` : '';
}

function phonesText(count: number): string {
  return count === 1 ? '1 phone' : `${count} phones`;
}
