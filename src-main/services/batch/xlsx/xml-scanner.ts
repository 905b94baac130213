/** What the scanner reports; names are local names (`x:row` → `row`). */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities still encoded; one run of text may arrive in several pieces. */
  text(raw: string): void;
}

/** The XML is not well-formed enough to read: a tag, comment or CDATA section never ends. */
export class XmlTooLong extends Error {
  override name = 'XmlTooLong';
}

const SPECIAL_ENDS: [string, string][] = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
  ['<!', '>'],
];

/**
 * A streaming scanner for the plain XML of spreadsheet parts: feed it text as it is decompressed and it
 * reports tags and text as they complete, holding back only an unfinished tag (never more than
 * `maxTagLength` characters), so memory stays flat whatever the size of the part. No DTD is read and no
 * entity is expanded here.
 */
export class XmlScanner {
  readonly #handler: XmlHandler;
  readonly #maxTagLength: number;
  #pending = '';

  constructor(handler: XmlHandler, maxTagLength: number) {
    this.#handler = handler;
    this.#maxTagLength = maxTagLength;
  }

  feed(chunk: string): void {
    const text = this.#pending + chunk;
    this.#pending = '';
    let index = 0;
    while (index < text.length) {
      const start = text.indexOf('<', index);
      if (start === -1) {
        this.#handler.text(text.slice(index));
        return;
      }
      if (start > index) this.#handler.text(text.slice(index, start));
      const next = this.#markup(text, start);
      if (next === -1) {
        this.#pending = text.slice(start);
        if (this.#pending.length > this.#maxTagLength) {
          throw new XmlTooLong(`a tag longer than ${this.#maxTagLength} characters`);
        }
        return;
      }
      index = next;
    }
  }

  /** Call once the whole part has been fed. */
  end(): void {
    if (this.#pending !== '') throw new XmlTooLong('the part ends inside a tag');
  }

  /** Handles the markup at `start`; answers where the text after it begins, or -1 when it is not complete. */
  #markup(text: string, start: number): number {
    for (const [open, close] of SPECIAL_ENDS) {
      if (!text.startsWith(open, start)) continue;
      const end = text.indexOf(close, start + open.length);
      if (end === -1) return -1;
      // CDATA is literal text: encode its ampersands so the handler's one decoding step leaves it intact.
      if (open === '<![CDATA[')
        this.#handler.text(text.slice(start + open.length, end).replaceAll('&', '&amp;'));
      return end + close.length;
    }
    const end = text.indexOf('>', start + 1);
    if (end === -1) return -1;
    const body = text.slice(start + 1, end);
    if (body.startsWith('/')) {
      this.#handler.close(localName(body.slice(1).trim()));
      return end + 1;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(/[\s/]/);
    const name = nameEnd === -1 ? inner : inner.slice(0, nameEnd);
    this.#handler.open(localName(name), nameEnd === -1 ? '' : inner.slice(nameEnd), selfClosing);
    return end + 1;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const attributePatterns = new Map<string, RegExp>();

/** The value of attribute `name` (any namespace prefix) in a tag's attribute text, entities decoded. */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (match === null) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? '');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else is left as written. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
    if (!entity.startsWith('#')) return NAMED[entity] ?? whole;
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
