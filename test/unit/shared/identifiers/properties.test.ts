import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIpeiDecimal,
  normaliseIpei,
  normaliseMac,
  parseDeviceIdentifier,
} from '../../../../src-main/shared/identifiers';

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/** 6 octets, the first even (unicast), not all zero: the MAC of some device. */
const deviceMacOctets = fc
  .tuple(
    fc.integer({ min: 0, max: 127 }),
    fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([half, rest]) => [half * 2, ...rest])
  .filter((octets) => octets.some((octet) => octet !== 0));

type Notation = 'colons' | 'hyphens' | 'dots' | 'bare';

function printMac(octets: number[], notation: Notation, unpad: boolean[], upper: boolean[]): string {
  const padded = octets.map((octet) => hex(octet, 2));
  let text: string;
  if (notation === 'dots') {
    const digits = padded.join('');
    text = [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)].join('.');
  } else if (notation === 'bare') {
    text = padded.join('');
  } else {
    const written = octets.map((octet, index) => (unpad[index] ? octet.toString(16) : hex(octet, 2)));
    text = written.join(notation === 'colons' ? ':' : '-');
  }
  return [...text].map((character, index) => (upper[index] ? character.toUpperCase() : character)).join('');
}

const printedMac = fc.record({
  octets: deviceMacOctets,
  notation: fc.constantFrom<Notation>('colons', 'hyphens', 'dots', 'bare'),
  unpad: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  upper: fc.array(fc.boolean(), { minLength: 17, maxLength: 17 }),
  padding: fc.constantFrom('', ' ', '\t', '  \n'),
});

/** The check digit as the standard defines it, written independently of the code under test. */
function referenceCheckDigit(twelveDigits: string): string {
  let sum = 0;
  for (let position = 1; position <= 12; position++)
    sum += Number(twelveDigits.charAt(position - 1)) * position;
  return sum % 11 === 10 ? '*' : String(sum % 11);
}

const ipeiParts = fc
  .record({ emc: fc.integer({ min: 0, max: 0xffff }), psn: fc.integer({ min: 0, max: 0xfffff }) })
  .filter(({ emc, psn }) => emc !== 0 || psn !== 0)
  .map(({ emc, psn }) => {
    const digits = String(emc).padStart(5, '0') + String(psn).padStart(7, '0');
    return { hex: `0${hex(emc, 4)}${hex(psn, 5)}`, digits, check: referenceCheckDigit(digits) };
  });

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:-. *+Eeg\t'), maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('MAC properties', () => {
  it('reads any device MAC back from any supported notation', () => {
    fc.assert(
      fc.property(printedMac, ({ octets, notation, unpad, upper, padding }) => {
        const printed = padding + printMac(octets, notation, unpad, upper) + padding;
        const expected = octets.map((octet) => hex(octet, 2)).join('');
        expect(normaliseMac(printed)).toEqual({ ok: true, value: expected });
        expect(parseDeviceIdentifier(printed)).toEqual({ ok: true, kind: 'mac', value: expected });
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          printedMac.map((m) => printMac(m.octets, m.notation, m.unpad, m.upper)),
          junk,
        ),
        (text) => {
          const once = normaliseMac(text);
          if (once.ok) expect(normaliseMac(once.value)).toEqual(once);
        },
      ),
    );
  });
});

describe('IPEI properties', () => {
  it('turns any IPEI into decimal with the standard check digit and back into the same hex', () => {
    fc.assert(
      fc.property(ipeiParts, fc.boolean(), ({ hex: ipeiHex, digits, check }, spaced) => {
        const decimal = `${digits.slice(0, 5)} ${digits.slice(5)} ${check}`;
        expect(formatIpeiDecimal(ipeiHex)).toBe(decimal);
        expect(normaliseIpei(spaced ? decimal : digits + check)).toEqual({ ok: true, value: ipeiHex });
        expect(normaliseIpei(ipeiHex.toUpperCase())).toEqual({ ok: true, value: ipeiHex });
        expect(parseDeviceIdentifier(decimal)).toEqual({ ok: true, kind: 'ipei', value: ipeiHex });
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(ipeiParts, (ipei) => {
        const once = normaliseIpei(ipei.digits + ipei.check);
        expect(once.ok && normaliseIpei(once.value)).toEqual(once);
      }),
    );
  });

  // Weights 1..12 modulo 11: every position but the 11th has a weight with an inverse, so any substitution there
  // changes the sum. The 11th weighs 11 ≡ 0 and the check digit cannot see it; that case is asserted below.
  const substitution = fc.record({
    ipei: ipeiParts,
    position: fc.integer({ min: 1, max: 13 }),
    shift: fc.integer({ min: 1, max: 9 }),
  });

  it('catches a single mistyped digit anywhere except the 11th position', () => {
    fc.assert(
      fc.property(
        substitution.filter(({ position }) => position !== 11),
        ({ ipei, position, shift }) => {
          const written = [...(ipei.digits + ipei.check)];
          const original = written[position - 1] === '*' ? 10 : Number(written[position - 1]);
          const replaced = (original + shift) % (position === 13 ? 11 : 10);
          written[position - 1] = replaced === 10 ? '*' : String(replaced);
          expect(normaliseIpei(written.join(''))).toMatchObject({ ok: false, code: 'check-digit' });
        },
      ),
    );
  });

  it('cannot catch a mistyped 11th digit, which then reads as a different IPEI or none at all', () => {
    fc.assert(
      fc.property(
        substitution.filter(({ position }) => position === 11),
        ({ ipei, shift }) => {
          const written = [...(ipei.digits + ipei.check)];
          written[10] = String((Number(written[10]) + shift) % 10);
          const result = normaliseIpei(written.join(''));
          if (result.ok) expect(result.value).not.toBe(ipei.hex);
          else expect(result.code).toMatch(/^(out-of-range|all-zero)$/);
        },
      ),
    );
  });
});

describe('robustness', () => {
  it('never throws on junk and always explains a refusal', () => {
    fc.assert(
      fc.property(junk, (text) => {
        for (const result of [normaliseMac(text), normaliseIpei(text), parseDeviceIdentifier(text)]) {
          if (!result.ok) expect(result.reason).toMatch(/^[A-Z][\s\S]*\.$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
