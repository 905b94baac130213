import type { CatalogSubscriber } from '../../catalog';
import { looksLikeScientificNotation } from '../../../shared/identifiers/spreadsheet';
import { emailKey, subscriberLabel, type CatalogIndex } from '../catalog-index';
import type { ImportField } from '../columns';
import type { ImportLine } from '../import-lines';
import { quoted, type ProblemFactory, type RowProblem } from '../row-problem';
import { closest } from '../suggest';

export interface SubscriberCheck {
  subscriber?: CatalogSubscriber;
  /** The column that named the subscriber (the first, when several agree). */
  field?: ImportField;
  problems: RowProblem[];
}

type Found = { ok: true; subscriber: CatalogSubscriber } | { ok: false; problem: RowProblem };

/**
 * The subscriber a line names by short number, phoneNumberId or login e-mail (any of them, several if they
 * agree). No subscriber at all is fine: the device is then created unassigned.
 */
export function checkSubscriber(
  line: ImportLine,
  index: CatalogIndex,
  problems: ProblemFactory,
): SubscriberCheck {
  const { subscriber, phoneNumberId, email } = line.values;
  // Most lines name nobody: they cost no list.
  if (subscriber === undefined && phoneNumberId === undefined && email === undefined) return { problems: [] };
  const found: { field: ImportField; subscriber: CatalogSubscriber }[] = [];
  const failures: RowProblem[] = [];
  const note = (field: ImportField, result: Found): void => {
    if (result.ok) found.push({ field, subscriber: result.subscriber });
    else failures.push(result.problem);
  };
  if (subscriber !== undefined) note('subscriber', byShortNumber(subscriber, index, problems));
  if (phoneNumberId !== undefined) note('phoneNumberId', byPhoneNumberId(phoneNumberId, index, problems));
  if (email !== undefined) note('email', byEmail(email, index, problems));
  if (failures.length > 0) return { problems: failures };
  const [first, ...others] = found;
  const disagreeing = others.find((other) => other.subscriber.id !== first?.subscriber.id);
  if (first !== undefined && disagreeing !== undefined) {
    return {
      problems: [
        problems.at(
          disagreeing.field,
          `The ${first.field} column names ${subscriberLabel(first.subscriber)} but the ${disagreeing.field} ` +
            `column names ${subscriberLabel(disagreeing.subscriber)}: keep the one this device is for.`,
        ),
      ],
    };
  }
  return first === undefined
    ? { problems: [] }
    : { subscriber: first.subscriber, field: first.field, problems: [] };
}

/**
 * What `checkSubscriber` accepts from a line that names its subscriber in one column at most (the subscriber,
 * or null when the line names nobody); undefined for any other line, whose check may find a problem.
 */
export function soleSubscriber(
  values: ImportLine['values'],
  index: CatalogIndex,
): CatalogSubscriber | null | undefined {
  const { subscriber, phoneNumberId, email } = values;
  if (subscriber !== undefined) {
    return phoneNumberId === undefined && email === undefined
      ? index.subscribersByShortNumber.get(shortNumberKey(subscriber))
      : undefined;
  }
  if (phoneNumberId !== undefined) {
    return email === undefined ? index.subscribersById.get(phoneNumberId) : undefined;
  }
  return email === undefined ? null : soleHolderOfEmail(emailKey(email), index);
}

/** A short number as the catalogue keys it: spaces typed between its digits left out. */
function shortNumberKey(text: string): string {
  // Most are digits alone, answered as they are: no regular expression run for each of a file's lines.
  return isDigits(text) ? text : text.replace(/\s+/g, '');
}

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < DIGIT_ZERO || code > DIGIT_NINE) return false;
  }
  return true;
}

const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;

/** The subscriber of the only number a login holds; undefined for a key that is no e-mail address. */
function soleHolderOfEmail(key: string, index: CatalogIndex): CatalogSubscriber | undefined {
  return EMAIL.test(key) ? soleHolder(holdersOfEmail(key, index)) : undefined;
}

function holdersOfEmail(key: string, index: CatalogIndex): readonly CatalogSubscriber[] {
  return index.subscribersByEmail.get(key) ?? [];
}

function soleHolder(holders: readonly CatalogSubscriber[]): CatalogSubscriber | undefined {
  return holders.length === 1 ? holders[0] : undefined;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

function byShortNumber(text: string, index: CatalogIndex, problems: ProblemFactory): Found {
  const number = shortNumberKey(text);
  const subscriber = index.subscribersByShortNumber.get(number);
  if (subscriber !== undefined) return { ok: true, subscriber };
  if (looksLikeScientificNotation(number)) {
    return refuse(
      problems.at(
        'subscriber',
        `The short number ${quoted(text)} was converted to scientific notation by a spreadsheet, which loses ` +
          'digits: format the column as Text and re-type the number.',
      ),
    );
  }
  const lostZeros = /^\d+$/.test(number)
    ? index.catalog.subscribers.find(
        (candidate) =>
          candidate.shortNumber.length > number.length && candidate.shortNumber.replace(/^0+/, '') === number,
      )
    : undefined;
  if (lostZeros !== undefined) {
    return refuse(
      problems.at(
        'subscriber',
        `No subscriber has the short number ${quoted(text)}, but ${subscriberLabel(lostZeros)} does with leading ` +
          'zeros: a spreadsheet probably dropped them; format the column as Text and re-type the number.',
        lostZeros.shortNumber,
      ),
    );
  }
  const nearest = closest(number, [...index.subscribersByShortNumber.keys()], 1);
  const guess = nearest.length === 0 ? '' : ` Close numbers: ${nearest.join(', ')}.`;
  return refuse(
    problems.at(
      'subscriber',
      `No subscriber has the short number ${quoted(text)} on this CloudPBX.${guess} Check the number, or ` +
        'create the subscriber first.',
      nearest.length === 1 ? nearest[0] : undefined,
    ),
  );
}

function byPhoneNumberId(text: string, index: CatalogIndex, problems: ProblemFactory): Found {
  const subscriber = index.subscribersById.get(text);
  if (subscriber !== undefined) return { ok: true, subscriber };
  return refuse(
    problems.at(
      'phoneNumberId',
      `No subscriber of this CloudPBX has the phoneNumberId ${quoted(text)}; \`fieldkit subscribers --system ` +
        `${index.catalog.systemId}\` lists them (or give the short number in a "subscriber" column instead).`,
    ),
  );
}

function byEmail(text: string, index: CatalogIndex, problems: ProblemFactory): Found {
  const key = emailKey(text);
  if (!EMAIL.test(key)) {
    return refuse(problems.at('email', `${quoted(text)} is not an e-mail address (name@domain).`));
  }
  const holders = holdersOfEmail(key, index);
  const sole = soleHolder(holders);
  if (sole !== undefined) return { ok: true, subscriber: sole };
  const [holder] = holders;
  if (holder !== undefined) {
    return refuse(
      problems.at(
        'email',
        `${quoted(text)} holds ${holders.length} numbers (${holders.map((h) => h.shortNumber).join(', ')}): give ` +
          'the short number in a "subscriber" column to say which one gets this device.',
      ),
    );
  }
  const nearest = closest(key, [...index.subscribersByEmail.keys()], 3);
  const guess = nearest.length === 0 ? '' : ` Did you mean ${nearest.join(' or ')}?`;
  return refuse(
    problems.at(
      'email',
      `No subscriber of this CloudPBX belongs to a user with the login ${quoted(text)}.${guess}`,
      nearest[0],
    ),
  );
}

function refuse(problem: RowProblem): Found {
  return { ok: false, problem };
}
