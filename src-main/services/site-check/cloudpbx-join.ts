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

/** A phone seen on the LAN by a discovery. */
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
  /** `diagnose` of one phone, by its MAC, on this CloudPBX. */
  diagnose: (systemId: string, mac: string) => Promise<CheckReport<unknown>>;
}

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

/** The CloudPBX side of a site check: the phones on the port's subnets, each diagnosed, joined with the LAN. */
export function cloudPbxJoin(deps: CloudPbxJoinDeps): CloudPbxSide {
  return {
    async checks(systemId, lan) {
      const known = await deps.phones(systemId);
      const subnets = portSubnets(lan.subject.addresses);
      // The demo's simulated site is the demo CloudPBX's LAN as a whole: its phones are all on this port.
      const onPort = known === undefined || lan.subject.simulated ? known : phonesOnSubnets(known, subnets);
      const sampled = onPort?.slice(0, MAX_DIAGNOSED_PHONES);
      const diagnoses =
        sampled &&
        (await Promise.all(
          sampled.map(async (phone) => ({ phone, diagnosis: await deps.diagnose(systemId, phone.mac) })),
        ));
      return [cloudPbxCheck(lan, onPort?.length ?? 0, diagnoses, subnets)];
    },
  };
}

/**
 * The `cloudpbx` check. Its status is the CloudPBX's side only (the LAN checks above already carry theirs); its
 * summary puts both sides in one line. `diagnoses` is undefined when no discovery says which phones are there.
 */
export function cloudPbxCheck(
  lan: { subject: SiteCheckSubject; checks: readonly Check[] },
  seen: number,
  diagnoses: readonly PhoneDiagnosis[] | undefined,
  subnets: readonly Ipv4Block[],
): Check {
  const lanPart = lanSummary(lan.checks);
  const where = lan.subject.simulated
    ? 'the simulated site'
    : subnets.map(formatBlock).join(', ') || 'this port';
  if (diagnoses === undefined)
    return check(
      'skipped',
      `${lanPart}; the phones on this port are not known: no LAN discovery this session.`,
      {
        fix: 'Run a discovery on this port’s subnet, then the site check again to see what the CloudPBX says of its phones.',
      },
    );
  if (diagnoses.length === 0)
    return check('warn', `${lanPart}; the latest discovery saw no phone on ${where}.`, {
      evidence: { 'phones.seen': 0 },
      fix: 'Plug the phone into this port (or its VLAN), run a discovery, then the site check again.',
    });

  const evidence: Record<string, string | number> = {
    'phones.seen': seen,
    'phones.diagnosed': diagnoses.length,
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
