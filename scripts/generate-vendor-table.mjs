#!/usr/bin/env node
// Builds resources/vendor-prefixes.json, the MAC prefixes discovery uses to spot ALE deskphones and DECT bases,
// from the IEEE registries as Debian's ieee-data package ships them (no hand-typed prefixes).
//
//   node scripts/generate-vendor-table.mjs [--out <file>] [--if-available] [<registry.csv> ...]
//
// `npm run build` passes --if-available: on a machine without ieee-data (macOS, Windows) the committed table
// is kept, and said so, instead of failing the build.
// Without arguments it reads /usr/share/ieee-data/{oui,mam,oui36}.csv (MA-L, MA-M, MA-S). The output has no
// timestamp and is sorted, so regenerating from the same sources changes nothing.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const IEEE_DATA = '/usr/share/ieee-data';
const DEFAULT_SOURCES = ['oui.csv', 'mam.csv', 'oui36.csv'].map((file) => `${IEEE_DATA}/${file}`);
const DEFAULT_OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../resources/vendor-prefixes.json');
const HEADER = ['Registry', 'Assignment', 'Organization Name', 'Organization Address'];
/** Hex digits of an assignment in each registry: 24, 28 and 36 bits. */
const ASSIGNMENT_DIGITS = { 'MA-L': 6, 'MA-M': 7, 'MA-S': 9 };

/*
 * The classification rule:
 * - RTX (RTX Telecom A/S, RTX A/S) makes the DECT bases → 'dect-base';
 * - of the ALE prefixes, the ones ALE deskphones ship with → 'deskphone';
 * - every other ALE International, Alcatel-Lucent Enterprise (any suffix, e.g. "(China)") or legacy
 *   Alcatel-Lucent prefix → 'ale-other': switches, access points, servers and pre-2014 equipment.
 * The deskphone prefixes and RTX's own must all be found, so a truncated or wrong source fails the build
 * instead of yielding a table that silently recognises nothing.
 */
const DESKPHONE_PREFIXES = new Set(['487a55', '3c28a6', '00809f']);
const EXPECTED_PREFIXES = [...DESKPHONE_PREFIXES, '00087b'];
const RTX = /^RTX (Telecom\b|A\/S\b)/i;
const ALE = /^(ALE International\b|Alcatel[- ]Lucent\b)/i;

function classify(prefix, organisation) {
  if (RTX.test(organisation)) return 'dect-base';
  if (!ALE.test(organisation)) return undefined;
  return DESKPHONE_PREFIXES.has(prefix) ? 'deskphone' : 'ale-other';
}

/** RFC 4180: quoted fields may hold commas, line breaks and doubled quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (row.some((value) => value.trim() !== '')) rows.push(row);
    row = [];
  };
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted && character === '"' && text[index + 1] === '"') {
      field += '"';
      index++;
    } else if (character === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (quoted) {
      field += character;
    } else if (character === ',') {
      endField();
    } else if (character === '\n') {
      endRow();
    } else if (character !== '\r') {
      field += character;
    }
  }
  if (quoted) throw new Error('a quoted field is never closed');
  endRow();
  return rows;
}

function readSource(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = error.code === 'ENOENT' ? 'file not found' : error.message;
    throw new Error(
      `cannot read ${path}: ${why}. Install Debian's ieee-data package (apt-get install ieee-data) or pass ` +
        'the path of an IEEE registry CSV (Registry,Assignment,Organization Name,Organization Address).',
      { cause: error },
    );
  }
  let rows;
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${path} is not valid CSV: ${error.message}.`, { cause: error });
  }
  const [header = [], ...records] = rows;
  if (header.map((name) => name.trim()).join() !== HEADER.join()) {
    throw new Error(`${path} is not an IEEE registry CSV: its header is not "${HEADER.join(',')}".`);
  }
  return records;
}

function tableEntries(path) {
  const entries = [];
  for (const [registry = '', assignment = '', name = ''] of readSource(path)) {
    const digits = ASSIGNMENT_DIGITS[registry.trim()];
    if (digits === undefined) continue;
    const organisation = name.replace(/\s+/g, ' ').trim();
    const prefix = assignment.trim().toLowerCase();
    const kind = classify(prefix, organisation);
    if (kind === undefined) continue;
    if (!new RegExp(`^[0-9a-f]{${digits}}$`).test(prefix)) {
      throw new Error(`${path}: ${registry} assignment "${assignment}" of ${organisation} is malformed.`);
    }
    entries.push({ prefix, length: digits * 4, organisation, kind });
  }
  return entries;
}

function buildTable(sources) {
  const byPrefix = new Map();
  for (const entry of sources.flatMap(tableEntries)) {
    const known = byPrefix.get(entry.prefix);
    if (known !== undefined && known.organisation !== entry.organisation) {
      throw new Error(
        `prefix ${entry.prefix} is assigned to both ${known.organisation} and ${entry.organisation}.`,
      );
    }
    byPrefix.set(entry.prefix, entry);
  }
  const missing = EXPECTED_PREFIXES.filter((prefix) => !byPrefix.has(prefix));
  if (missing.length > 0) {
    throw new Error(
      `the sources lack ${missing.join(', ')}, which the table must classify; they are not complete IEEE ` +
        `registries (read: ${sources.join(', ')}).`,
    );
  }
  const prefixes = [...byPrefix.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
  return { generatedFrom: `IEEE registries: ${sources.map((path) => basename(path)).join(', ')}`, prefixes };
}

function main() {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, 'if-available': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const sources = positionals.length > 0 ? positionals : DEFAULT_SOURCES;
  const out = resolve(values.out ?? DEFAULT_OUT);
  if (values['if-available'] && !sources.every((source) => existsSync(source)) && existsSync(out)) {
    process.stdout.write(`generate-vendor-table: ${IEEE_DATA} is not installed; keeping ${basename(out)}\n`);
    return;
  }
  const table = buildTable(sources);
  // Write beside the target and rename, so an interrupted run never leaves half a table behind.
  const partial = `${out}.partial`;
  writeFileSync(partial, `${JSON.stringify(table, null, 2)}\n`);
  renameSync(partial, out);
  process.stdout.write(`generate-vendor-table: ${table.prefixes.length} prefixes written to ${out}\n`);
}

try {
  main();
} catch (error) {
  console.error(`generate-vendor-table: ${error.message}`);
  process.exit(1);
}
