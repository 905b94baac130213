import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneEditApart, reconcileWithDiscovery } from '../../../src-main/services/batch/reconcile-wire';
import { planFile } from './support/plan-fixture';

const FILE = [
  'mac,ipei,model',
  '48:7A:55:00:00:01,,8028s', // on the LAN
  '48:7A:55:00:00:12,,8028s', // one digit off 48:7A:55:00:00:02, which is on the LAN
  '48:7A:55:00:00:30,,8028s', // nowhere near anything on the LAN
  ',03807E7A01,8214DECT', // a DECT handset: never on the LAN
  '48:7A:55:00:04,,8028s', // invalid, two digits short: too far from anything to be a typo
  '487A5500005,,8028s', // invalid: a digit dropped from 48:7A:55:00:00:05
].join('\n');

const LAN = [
  '48:7a:55:00:00:01',
  '487a55000002',
  '48-7A-55-00-00-03', // a phone the file forgets
  '48:7a:55:00:00:05',
  'a4:83:e7:12:34:56', // a laptop: not the file's business
];

describe('reconcileWithDiscovery', () => {
  it('lists the lines not seen, the phones missing from the file and the probable typos', async () => {
    const plan = await planFile(FILE);
    expect(reconcileWithDiscovery(plan, LAN)).toEqual({
      notSeen: [4],
      missingFromFile: ['487a55000003'],
      probableTypos: [
        { line: 3, mac: '48:7A:55:00:00:12', discovered: '487a55000002' },
        { line: 7, mac: '487A5500005', discovered: '487a55000005' },
      ],
    });
  });

  it('with nothing discovered, every MAC line is not seen and nothing is missing', async () => {
    const plan = await planFile(FILE);
    expect(reconcileWithDiscovery(plan, [])).toEqual({
      notSeen: [2, 3, 4],
      missingFromFile: [],
      probableTypos: [],
    });
  });

  it('a phone the file names exactly is never a typo target, even when another line is one digit off', async () => {
    const plan = await planFile(
      ['mac,model', '48:7A:55:00:00:02,8028s', '48:7A:55:00:00:12,8028s'].join('\n'),
    );
    expect(reconcileWithDiscovery(plan, ['487a55000002'])).toEqual({
      notSeen: [3],
      missingFromFile: [],
      probableTypos: [],
    });
  });
});

describe('oneEditApart', () => {
  const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 12, maxLength: 12 });

  it('is true for one character replaced, inserted or removed, and never for the same string', () => {
    fc.assert(
      fc.property(hex, fc.nat(11), fc.constantFrom(...'0123456789abcdef'), (mac, at, digit) => {
        const replaced = mac.slice(0, at) + digit + mac.slice(at + 1);
        expect(oneEditApart(mac, replaced)).toBe(replaced !== mac);
        expect(oneEditApart(mac, mac.slice(0, at) + mac.slice(at + 1))).toBe(true);
        expect(oneEditApart(mac, mac.slice(0, at) + digit + mac.slice(at))).toBe(true);
      }),
    );
  });

  it('is false two edits apart', () => {
    expect(oneEditApart('487a55000002', '487a55000013')).toBe(false);
    expect(oneEditApart('487a55000002', '487a550002')).toBe(false);
    expect(oneEditApart('487a55000002', '7a55000002')).toBe(false);
  });
});
