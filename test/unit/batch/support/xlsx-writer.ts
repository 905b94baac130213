import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** A cell of a test workbook: text is written as an inline string, a number as a number cell. */
export type XlsxCell = string | number | undefined;

/**
 * Writes a minimal but valid .xlsx (one or more sheets, inline strings, no styles) so that reader tests need
 * no checked-in binary. `rows` are placed at their index (row 1 first); `undefined` rows leave a gap, as a
 * spreadsheet does for an empty row.
 */
export function writeXlsx(sheets: { name: string; rows: (XlsxCell[] | undefined)[] }[]): Buffer {
  return writeXlsxParts({
    sheets: sheets.map((sheet) => ({ name: sheet.name, xml: worksheet(sheet.rows) })),
  });
}

/** A part already deflated (to build a zip bomb without holding its unpacked bytes). */
export interface DeflatedPart {
  deflated: Buffer;
  size: number;
}

/**
 * A workbook whose sheets' XML is written by the test as it likes (a stretched `<dimension>`, a cell at
 * XFD1048576), with shared strings when given (`<sst>` XML, or a part already deflated).
 */
export function writeXlsxParts(workbookParts: {
  sheets: { name: string; xml: string }[];
  sharedStrings?: string | DeflatedPart;
}): Buffer {
  const { sheets, sharedStrings } = workbookParts;
  const text = (name: string, xml: string): ZipInput => ({ name, data: Buffer.from(xml, 'utf8') });
  const entries: ZipInput[] = [
    text('[Content_Types].xml', contentTypes(sheets.length)),
    text('_rels/.rels', ROOT_RELS),
    text('xl/workbook.xml', workbook(sheets.map((sheet) => sheet.name))),
    text('xl/_rels/workbook.xml.rels', workbookRels(sheets.length, sharedStrings !== undefined)),
    ...sheets.map((sheet, index) => text(`xl/worksheets/sheet${index + 1}.xml`, sheet.xml)),
  ];
  if (typeof sharedStrings === 'string') entries.push(text('xl/sharedStrings.xml', sharedStrings));
  else if (sharedStrings !== undefined) entries.push({ name: 'xl/sharedStrings.xml', ...sharedStrings });
  return zip(entries);
}

/** Deflates `repeat` copies of `unit` as one stream, never holding the unpacked whole. */
export async function deflatedRepeat(
  head: string,
  unit: string,
  repeat: number,
  tail: string,
): Promise<DeflatedPart> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)), 'utf8');
  const blocks = Math.ceil((unit.length * repeat) / block.length);
  deflate.write(head);
  for (let index = 0; index < blocks; index += 1) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(tail);
  await done;
  return { deflated: Buffer.concat(chunks), size: head.length + blocks * block.length + tail.length };
}

/** `<worksheet>` around the given `<sheetData>` content, with anything before it (`<dimension>`, `<cols>`). */
export function worksheetXml(sheetData: string, before = ''): string {
  return `${XML_HEADER}<worksheet xmlns="${MAIN_NS}">${before}<sheetData>${sheetData}</sheetData></worksheet>`;
}

/** `<sst>` around the given `<si>` elements. */
export function sharedStringsXml(items: string): string {
  return `${XML_HEADER}<sst xmlns="${MAIN_NS}">${items}</sst>`;
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const ROOT_RELS =
  `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ` +
      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
  ).join('');
  return (
    `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ' +
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbook(names: string[]): string {
  const sheets = names
    .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
    .join('');
  return `${XML_HEADER}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheetCount: number, sharedStrings: boolean): string {
  const rels =
    Array.from(
      { length: sheetCount },
      (_, index) =>
        `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    ).join('') +
    (sharedStrings
      ? `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`
      : '');
  return `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

function worksheet(rows: (XlsxCell[] | undefined)[]): string {
  const body = rows
    .map((row, rowIndex) => {
      if (row === undefined) return '';
      const cells = row
        .map((cell, columnIndex) => {
          const ref = `${columnLetter(columnIndex)}${rowIndex + 1}`;
          if (cell === undefined) return '';
          if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
        })
        .join('');
      return `<row r="${rowIndex + 1}">${cells}</row>`;
    })
    .join('');
  return worksheetXml(body);
}

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

type ZipInput = { name: string; data: Buffer } | ({ name: string } & DeflatedPart);

/** A ZIP archive of deflated entries (PKWARE APPNOTE 4.3: local headers, central directory, end record). */
function zip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = 'data' in entry ? deflateRawSync(entry.data) : entry.deflated;
    const size = 'data' in entry ? entry.data.length : entry.size;
    // A part given deflated has no checksum here: Fieldkit's reader does not check them.
    const checksum = 'data' in entry ? crc32(entry.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
