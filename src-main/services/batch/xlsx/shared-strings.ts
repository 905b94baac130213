import { XLSX_LIMITS } from '../../../shared/limits';
import { MAX_RAW_CELL_CHARACTERS, scanPart } from './scan-part';
import { XlsxProblem } from './xlsx-problem';
import { decodeEntities } from './xml-scanner';
import type { ZipEntry } from './zip-archive';

/** Stands for a shared text longer than a cell may be: a cell that uses it is refused. */
export const OVERLONG_TEXT = Symbol('overlong text');

export type SharedText = string | typeof OVERLONG_TEXT;

/**
 * The workbook's shared texts (`<si>`, plain or rich text; phonetic guides left out), in order. Each is kept
 * only up to the cell limit, so a part stuffed with one huge text costs no more than its limit.
 */
export async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry): Promise<SharedText[]> {
  const texts: SharedText[] = [];
  let raw: string | undefined;
  let overlong = false;
  let collecting = false;
  let phonetic = 0;
  await scanPart(bytes, entry, XLSX_LIMITS.partBytes, {
    open: (name, _attributes, selfClosing) => {
      if (name === 'si') {
        if (texts.length >= XLSX_LIMITS.sharedStrings) throw tooManyTexts();
        if (selfClosing) texts.push('');
        else [raw, overlong] = ['', false];
      } else if (name === 'rPh' && !selfClosing) phonetic += 1;
      else if (name === 't' && !selfClosing && raw !== undefined && phonetic === 0) collecting = true;
    },
    close: (name) => {
      if (name === 't') collecting = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && raw !== undefined) {
        const text = overlong ? undefined : decodeEntities(raw);
        texts.push(text === undefined || text.length > XLSX_LIMITS.cellCharacters ? OVERLONG_TEXT : text);
        raw = undefined;
      }
    },
    text: (piece) => {
      if (!collecting || raw === undefined || overlong) return;
      raw += piece;
      if (raw.length > MAX_RAW_CELL_CHARACTERS) [raw, overlong] = ['', true];
    },
  });
  return texts;
}

function tooManyTexts(): XlsxProblem {
  return new XlsxProblem({
    line: 0,
    message:
      `The workbook holds more than ${XLSX_LIMITS.sharedStrings.toLocaleString('en')} different texts, more ` +
      'than an import file can: copy the lines to import into a new workbook, or save the sheet as CSV UTF-8.',
  });
}
