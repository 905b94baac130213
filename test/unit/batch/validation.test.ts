import { describe, expect, it } from 'vitest';
import type { RowProblem } from '../../../src-main/services/batch';
import { formatIpeiDecimal } from '../../../src-main/shared/identifiers';
import { checkFile, csv } from './support/catalog-fixture';

interface Case {
  name: string;
  file: string;
  line: number;
  errors: (Partial<Omit<RowProblem, 'message'>> & { message: RegExp | string })[];
}

const HEADER = 'mac,ipei,model,description,subscriber,email,transferMode,mediaTransportProtocol';

const CASES: Case[] = [
  {
    name: 'identifier missing',
    file: csv(HEADER, ',,8028s,,,,,'),
    line: 2,
    errors: [{ field: 'mac', column: 'A', message: /^No MAC address or IPEI on this line/ }],
  },
  {
    name: 'malformed MAC',
    file: csv(HEADER, '48:7A:55:0A:1B,,8028s,,,,,'),
    line: 2,
    errors: [{ field: 'mac', column: 'A', heading: 'mac', message: /has only 5 octets/ }],
  },
  {
    name: 'MAC in scientific notation',
    file: csv(HEADER, '4.87055E+11,,8028s,,,,,'),
    line: 2,
    errors: [{ field: 'mac', column: 'A', message: /scientific notation/ }],
  },
  {
    name: 'MAC that lost its leading zeros, with the fix',
    file: csv(HEADER, '809F4C2E08,,8028s,,,,,'),
    line: 2,
    errors: [{ field: 'mac', column: 'A', message: /leading zeros/, suggestion: '00:80:9F:4C:2E:08' }],
  },
  {
    name: 'IPEI with a wrong check digit',
    file: csv(HEADER, ',14343 0948376 5,8214DECT,,,,,'),
    line: 2,
    errors: [{ field: 'ipei', column: 'B', message: /check digit 5.*give \*/ }],
  },
  {
    name: 'IPEI in the MAC column',
    file: csv(HEADER, '03807E7899,,8214DECT,,,,,'),
    line: 2,
    errors: [{ field: 'mac', column: 'A', message: /is a DECT handset IPEI, not a MAC address/ }],
  },
  {
    name: 'both a MAC and an IPEI',
    file: csv(HEADER, '48:7A:55:0A:1B:09,03807E7899,8028s,,,,,'),
    line: 2,
    errors: [{ field: 'ipei', column: 'B', message: /both a mac and a ipei value/ }],
  },
  {
    name: 'unknown model, closest suggested',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8026s,,,,,'),
    line: 2,
    errors: [
      {
        field: 'model',
        column: 'C',
        message: /no model "8026s"\. Did you mean 8028s or 8068s\?/,
        suggestion: '8028s',
      },
    ],
  },
  {
    name: 'model with a vendor prefix is suggested without it',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,ALE 8028s,,,,,'),
    line: 2,
    errors: [{ field: 'model', message: /Did you mean 8028s/, suggestion: '8028s' }],
  },
  {
    name: 'IPEI for a deskphone model',
    file: csv(HEADER, ',03807E7899,M5,,,,,'),
    line: 2,
    errors: [
      {
        field: 'model',
        column: 'C',
        message: /M5 is a deskphone, identified by a MAC address, but this line gives an IPEI/,
        suggestion: '8214DECT',
      },
    ],
  },
  {
    name: 'MAC for a DECT model',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8214DECT,,,,,'),
    line: 2,
    errors: [
      {
        field: 'model',
        message: /8214DECT is a DECT handset, identified by an IPEI, but this line gives a MAC/,
      },
    ],
  },
  {
    name: 'unknown subscriber',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,81999,,,'),
    line: 2,
    errors: [{ field: 'subscriber', column: 'E', message: /No subscriber has the short number "81999"/ }],
  },
  {
    name: 'short number that lost its leading zero',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,123,,,'),
    line: 2,
    errors: [{ field: 'subscriber', message: /0123 Zoé Morel does with leading zeros/, suggestion: '0123' }],
  },
  {
    name: 'short number in scientific notation',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,8.1001E+4,,,'),
    line: 2,
    errors: [{ field: 'subscriber', message: /scientific notation/ }],
  },
  {
    name: 'unknown e-mail, closest suggested',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,,camile.martin@demo.test,,'),
    line: 2,
    errors: [
      {
        field: 'email',
        column: 'F',
        message: /Did you mean camille.martin@demo.test/,
        suggestion: 'camille.martin@demo.test',
      },
    ],
  },
  {
    name: 'e-mail holding two numbers',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,,boss@demo.test,,'),
    line: 2,
    errors: [{ field: 'email', message: /holds 2 numbers \(81010, 81011\)/ }],
  },
  {
    name: 'subscriber and e-mail disagreeing',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,81003,lucas.bernard@demo.test,,'),
    line: 2,
    errors: [
      {
        field: 'email',
        message: /subscriber column names 81003 Chloé Dubois but the email column names 81002/,
      },
    ],
  },
  {
    name: 'invalid transfer mode',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,,,blind,'),
    line: 2,
    errors: [
      {
        field: 'transferMode',
        column: 'G',
        message: /"blind" is not a transferMode: use one of same_as_company/,
      },
    ],
  },
  {
    name: 'invalid media transport protocol',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,,,,,zrtp'),
    line: 2,
    errors: [{ field: 'mediaTransportProtocol', column: 'H', message: /use one of rtp_savp, rtp_avp/ }],
  },
  {
    name: 'description on several lines',
    file: `${HEADER}\n48:7A:55:0A:1B:09,,8028s,"two\nlines",,,,\n`,
    line: 2,
    errors: [{ field: 'description', column: 'D', message: /several lines/ }],
  },
  {
    name: 'description with a tab',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,Desk\tA,,,,'),
    line: 2,
    errors: [{ field: 'description', column: 'D', message: /a control character \(a tab\?\)/ }],
  },
  {
    name: 'description with a delete character',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s,Desk\u007fA,,,,'),
    line: 2,
    errors: [{ field: 'description', column: 'D', message: /a control character/ }],
  },
  {
    name: 'too few cells',
    file: csv(HEADER, '48:7A:55:0A:1B:09,,8028s'),
    line: 2,
    errors: [{ field: 'row', message: /^Line 2 has 3 values but the header has 8 columns/ }],
  },
  {
    name: 'too many cells',
    file: csv('mac,model', '48:7A:55:0A:1B:09,8028s,Reception, desk'),
    line: 2,
    errors: [
      {
        field: 'row',
        message: /^Line 2 has more values than the header has columns \(a value in column 3\)/,
      },
    ],
  },
  {
    name: 'device already there as another model',
    file: csv('mac,model', '48:7A:55:0A:1B:02,8028s'),
    line: 2,
    errors: [
      {
        field: 'model',
        column: 'B',
        message: /already on the CloudPBX as a 8068s \("Spare"\), not a 8028s/,
        suggestion: '8068s',
      },
    ],
  },
  {
    name: 'device assigned to someone else (no reassignment)',
    file: csv('mac,model,subscriber', '48:7A:55:0A:1B:01,8028s,81003'),
    line: 2,
    errors: [
      {
        field: 'subscriber',
        column: 'C',
        message: /already assigned to 81001 Camille Martin, not 81003 Chloé Dubois: allow reassignment/,
      },
    ],
  },
];

describe('validation: every rule names the line, the column and the reason', () => {
  it.each(CASES)('$name', async ({ file, line, errors }) => {
    const report = await checkFile(file);
    expect(report.fileErrors).toEqual([]);
    const row = report.rows.find((candidate) => candidate.line === line);
    expect(row?.status).toBe('invalid');
    expect(row?.action).toBe('invalid');
    expect(row?.errors).toEqual(
      errors.map(({ message, ...rest }) =>
        expect.objectContaining({ ...rest, message: expect.stringMatching(message) }),
      ),
    );
  });
});

describe('validation: a misspelling on many lines', () => {
  it('gets the same suggestion on each line, and the suggestion of its own column', async () => {
    // The suggestion is made once per text and column: the text is misspelt the same way on both lines, and in
    // a model column and a transfer-mode column, where it suggests different things.
    const report = await checkFile(
      csv(
        'mac,model,transferMode',
        '48:7A:55:0A:1B:11,8026s,new_cal',
        '48:7A:55:0A:1B:12,8026s,new_cal',
        '48:7A:55:0A:1B:13,new_cal,8026s',
      ),
    );
    const messages = (line: number) =>
      report.rows.find((row) => row.line === line)?.errors.map((error) => [error.field, error.suggestion]);
    const misspelt = [
      ['model', '8028s'],
      ['transferMode', 'new_call'],
    ];
    expect(messages(2)).toEqual(misspelt);
    expect(messages(3)).toEqual(misspelt);
    expect(messages(4)).toEqual([
      ['model', undefined],
      ['transferMode', undefined],
    ]);
  });
});

describe('validation: a short number typed with spaces', () => {
  it('finds its subscriber, as the number without them does', async () => {
    const report = await checkFile(
      csv('mac,model,subscriber', '48:7A:55:0A:1B:21,8028s,81 001', '48:7A:55:0A:1B:22,8028s,81001'),
    );
    expect(report.rows.map((row) => [row.action, row.subscriber])).toEqual([
      ['create-assign', '81001 Camille Martin'],
      ['create-assign', '81001 Camille Martin'],
    ]);
  });
});

describe('validation: the same device twice', () => {
  it('flags every line of it, each naming the others, whatever notation', async () => {
    const report = await checkFile(
      csv(
        'mac,ipei,model',
        '48:7A:55:0A:1B:09,,8028s',
        ',03807E7899,8214DECT',
        '487a.550a.1b09,,8028s',
        `,${formatIpeiDecimal('03807E7899')},8214DECT`,
        '48:7A:55:0A:1B:0A,,8028s',
      ),
    );
    expect(report.rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'valid'],
    ]);
    expect(report.rows[3]?.errors[0]).toMatchObject({
      field: 'ipei',
      column: 'B',
      message: expect.stringMatching(/^03807E7899 is also on line 3:/),
    });
    expect(report.rows[0]?.errors).toEqual([
      expect.objectContaining({
        field: 'mac',
        column: 'A',
        message: expect.stringMatching(/^48:7A:55:0A:1B:09 is also on line 4:/),
      }),
    ]);
    expect(report.rows[2]?.errors[0]?.message).toMatch(/also on line 2:/);
  });
});

describe('validation: values that are fine', () => {
  it('accepts aliases, odd notations and case, and defaults the description', async () => {
    const report = await checkFile(
      csv(
        'MAC Address;Device Model;Extension;Transfer Mode;Media',
        '487a550a1b09;8028S;81003;Blind transfer;SRTP',
        '48-7a-55-0a-1b-0a;14;;;',
      ),
    );
    expect(report.rows.map((row) => [row.line, row.status, row.action])).toEqual([
      [2, 'valid', 'create-assign'],
      [3, 'valid', 'create'],
    ]);
    expect(report.rows[0]).toMatchObject({
      id: '48:7A:55:0A:1B:09',
      model: '8028s',
      description: '8028s 81003',
      subscriber: '81003 Chloé Dubois',
    });
    expect(report.rows[1]).toMatchObject({ id: '48:7A:55:0A:1B:0A', description: '8028s 0A1B0A' });
  });

  it('finds a subscriber by e-mail, in any case', async () => {
    const report = await checkFile(csv('ipei,model,email', '03807E7899,8214 dect,Lucas.Bernard@DEMO.test'));
    expect(report.rows[0]).toMatchObject({
      status: 'valid',
      action: 'create-assign',
      subscriber: '81002 Lucas Bernard',
    });
  });
});
