import { suggestOnce, type CatalogIndex } from '../catalog-index';
import type { ImportField } from '../columns';
import type { ImportLine } from '../import-lines';
import { quoted, type ProblemFactory, type RowProblem } from '../row-problem';
import { closest } from '../suggest';
import {
  MEDIA_TRANSPORT_PROTOCOLS,
  TRANSFER_MODES,
  type MediaTransportProtocol,
  type TransferMode,
} from '../../../shared/enums';

// The device settings' closed lists live in shared/enums (the device drawer offers them too).
export { MEDIA_TRANSPORT_PROTOCOLS, TRANSFER_MODES, type MediaTransportProtocol, type TransferMode };

/** What people write for the media protocol: SRTP is rtp_savp, plain RTP rtp_avp. */
const MEDIA_ALIASES: Readonly<Record<string, MediaTransportProtocol>> = {
  srtp: 'rtp_savp',
  rtp: 'rtp_avp',
};

/**
 * The reference sets no length; descriptions are labels shown in lists, and a cell this long is a paste
 * gone wrong rather than a description (assumption).
 */
export const MAX_DESCRIPTION_LENGTH = 255;

export interface ValueCheck {
  description?: string;
  transferMode?: TransferMode;
  mediaTransportProtocol?: MediaTransportProtocol;
  problems: RowProblem[];
}

export function checkValues(line: ImportLine, index: CatalogIndex, problems: ProblemFactory): ValueCheck {
  const result: ValueCheck = { problems: [] };
  const description = line.values.description;
  if (description !== undefined) {
    const problem = describeBadDescription(description);
    if (problem === undefined) result.description = description;
    else result.problems.push(problems.at('description', problem));
  }
  const transfer = readEnum(line, 'transferMode', TRANSFER_MODES, {}, index, problems);
  if (transfer.problem !== undefined) result.problems.push(transfer.problem);
  else if (transfer.value !== undefined) result.transferMode = transfer.value;
  const media = readEnum(
    line,
    'mediaTransportProtocol',
    MEDIA_TRANSPORT_PROTOCOLS,
    MEDIA_ALIASES,
    index,
    problems,
  );
  if (media.problem !== undefined) result.problems.push(media.problem);
  else if (media.value !== undefined) result.mediaTransportProtocol = media.value;
  return result;
}

/**
 * True when `text` holds a line break, a tab or another control character: read by character codes, a call per
 * line of an import where a regular expression was run for each, interpreted until V8 compiled it.
 */
function holdsControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < FIRST_VISIBLE || code === DELETE) return true;
  }
  return false;
}

const FIRST_VISIBLE = 0x20;
const DELETE = 0x7f;

/** Why a description cannot be used, or undefined when it can. */
export function describeBadDescription(description: string): string | undefined {
  if (description.length > MAX_DESCRIPTION_LENGTH) {
    return (
      `The description has ${description.length} characters; keep it under ${MAX_DESCRIPTION_LENGTH} (it is ` +
      'the label the device is listed by).'
    );
  }
  if (holdsControlCharacter(description)) {
    return 'The description spans several lines or holds a control character (a tab?): keep it to one line of text.';
  }
  return undefined;
}

/** `Blind transfer`, `blind-transfer` and `BLIND_TRANSFER` all read as `blind_transfer`. */
function readEnum<T extends string>(
  line: ImportLine,
  field: ImportField,
  allowed: readonly T[],
  aliases: Readonly<Record<string, T>>,
  index: CatalogIndex,
  problems: ProblemFactory,
): { value?: T; problem?: RowProblem } {
  const text = line.values[field];
  if (text === undefined) return {};
  const key = text.toLowerCase().replace(/[\s/-]+/g, '_');
  const value = allowed.find((candidate) => candidate === key) ?? aliases[key.replace(/_/g, '')];
  if (value !== undefined) return { value };
  const nearest = suggestOnce(index, field, key, () => closest(key, allowed, 3, 1));
  const guess = nearest.length === 0 ? '' : ` Did you mean ${nearest[0]}?`;
  return {
    problem: problems.at(
      field,
      `${quoted(text)} is not a ${field}: use one of ${allowed.join(', ')}, or leave it empty.${guess}`,
      nearest[0],
    ),
  };
}
