import { closest } from './suggest';
import type { FileProblem, SourceRow } from './source-table';

/** The values an import line can carry. `identifier` takes a MAC or an IPEI, whichever it is. */
export const IMPORT_FIELDS = [
  'mac',
  'ipei',
  'identifier',
  'model',
  'description',
  'subscriber',
  'phoneNumberId',
  'email',
  'transferMode',
  'mediaTransportProtocol',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Header names each field is recognised by, compared after `normaliseHeading` (case, spaces, underscores,
 * dashes, dots, a trailing `*` and any `(…)` note ignored). The first is the name the template uses.
 */
const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  mac: ['mac', 'macaddress', 'macaddr', 'hardwareaddress', 'ethernetaddress'],
  ipei: ['ipei', 'ipui', 'ipeinumber', 'handsetipei', 'dectipei'],
  identifier: ['identifier', 'macoripei', 'ipeiormac', 'deviceidentifier'],
  model: ['model', 'devicemodel', 'modelname', 'modelid', 'devicetype', 'devicetypeid', 'phonemodel', 'type'],
  description: ['description', 'desc', 'devicedescription', 'label', 'devicelabel', 'location'],
  subscriber: [
    'subscriber',
    'shortnumber',
    'extension',
    'ext',
    'internalnumber',
    'number',
    'directorynumber',
  ],
  phoneNumberId: ['phonenumberid', 'subscriberid'],
  email: ['email', 'loginemail', 'useremail', 'userlogin', 'login', 'mail'],
  transferMode: ['transfermode', 'transfer'],
  mediaTransportProtocol: ['mediatransportprotocol', 'mediatransport', 'mediaprotocol', 'media'],
};

const FIELD_BY_HEADING = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias): [string, ImportField] => [alias, field])),
);

export const IDENTIFIER_FIELDS: readonly ImportField[] = ['mac', 'ipei', 'identifier'];
export const SUBSCRIBER_FIELDS: readonly ImportField[] = ['subscriber', 'phoneNumberId', 'email'];

/** The name the template gives a field, for messages. */
export function templateHeading(field: ImportField): string {
  return field;
}

export function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s_.\-*\u200b\ufeff]+/g, '');
}

/** Where a field is in the file: its 0-based index, its column letter and the heading as written. */
export interface ColumnRef {
  index: number;
  letter: string;
  heading: string;
}

export type ColumnMap = Partial<Record<ImportField, ColumnRef>>;

export interface HeaderReading<F extends string = ImportField> {
  columns: Partial<Record<F, ColumnRef>>;
  /** The header's width: a line with more non-empty cells than this is ragged. */
  width: number;
  errors: FileProblem[];
  warnings: FileProblem[];
}

/** How many cells of a header line name a known field (used to sniff a CSV file's delimiter). */
export function recognisedHeadingCount(cells: readonly string[]): number {
  return cells.filter((cell) => FIELD_BY_HEADING.has(normaliseHeading(cell))).length;
}

/** Maps the header line's headings to fields, and says what is missing, doubled or unknown. */
export function readHeader(header: SourceRow): HeaderReading {
  const reading = readColumns(header, FIELD_BY_HEADING);
  return { ...reading, errors: [...reading.errors, ...missingColumns(reading.columns, header)] };
}

/**
 * Maps headings to the fields `fieldByHeading` knows (headings compared after `normaliseHeading`): an unknown
 * heading is a warning, a field given twice an error. Shared by every kind of sheet Fieldkit imports.
 */
export function readColumns<F extends string>(
  header: SourceRow,
  fieldByHeading: ReadonlyMap<string, F>,
): HeaderReading<F> {
  const columns: Partial<Record<F, ColumnRef>> = {};
  const errors: FileProblem[] = [];
  const warnings: FileProblem[] = [];
  const line = header.line;
  let width = header.cells.length;
  while (width > 0 && (header.cells[width - 1] ?? '').trim() === '') width -= 1;

  header.cells.slice(0, width).forEach((cell, index) => {
    const heading = cell.trim();
    const ref: ColumnRef = { index, letter: columnLetter(index), heading };
    const field = fieldByHeading.get(normaliseHeading(heading));
    if (heading === '') return;
    if (field === undefined) {
      const guess = closest(normaliseHeading(heading), [...fieldByHeading.keys()], 2)[0];
      const hint = guess === undefined ? '' : ` Did you mean "${fieldByHeading.get(guess) ?? guess}"?`;
      warnings.push({
        line,
        message: `Column ${ref.letter} "${shorten(heading)}" is not a column Fieldkit reads; it is ignored.${hint}`,
      });
      return;
    }
    const earlier = columns[field];
    if (earlier !== undefined) {
      errors.push({
        line,
        message:
          `Columns ${earlier.letter} "${earlier.heading}" and ${ref.letter} "${heading}" both give the ` +
          `${field}; keep one of them.`,
      });
      return;
    }
    columns[field] = ref;
  });
  return { columns, width, errors, warnings };
}

function missingColumns(columns: ColumnMap, header: SourceRow): FileProblem[] {
  const problems: FileProblem[] = [];
  const found = Object.keys(columns).length;
  if (found === 0) {
    return [
      {
        line: header.line,
        message:
          `Line ${header.line} should be the header naming the columns (e.g. mac,model,description,subscriber), ` +
          'but none of its cells is a column Fieldkit knows. Start from the template ' +
          '(`fieldkit import --template`, or "Download template" in the Import screen).',
      },
    ];
  }
  if (!IDENTIFIER_FIELDS.some((field) => columns[field] !== undefined)) {
    problems.push({
      line: header.line,
      message:
        'The header has no "mac" column (deskphones) nor "ipei" column (DECT handsets): add the one your ' +
        'devices need.',
    });
  }
  if (columns.model === undefined) {
    problems.push({
      line: header.line,
      message: 'The header has no "model" column: add it, with the model name (e.g. 8028s) or its id.',
    });
  }
  return problems;
}

/** 0 → A, 25 → Z, 26 → AA, as spreadsheets name columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
