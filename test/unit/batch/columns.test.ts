import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../src-main/services/batch/columns';

const header = (...cells: string[]) => readHeader({ line: 1, cells });

describe('readHeader', () => {
  it.each([
    ['MAC Address', 'mac'],
    ['mac_address', 'mac'],
    ['Mac-Addr', 'mac'],
    ['IPEI', 'ipei'],
    ['MAC or IPEI', 'identifier'],
    ['Device Model', 'model'],
    ['deviceTypeId', 'model'],
    ['Short number', 'subscriber'],
    ['Extension', 'subscriber'],
    ['phone_number_id', 'phoneNumberId'],
    ['Login E-mail', 'email'],
    ['TRANSFER_MODE', 'transferMode'],
    ['Media transport protocol', 'mediaTransportProtocol'],
    ['Description (optional)', 'description'],
    ['mac*', 'mac'],
  ])('reads "%s" as %s, ignoring case, spaces, underscores and notes', (heading, field) => {
    const reading = header(
      heading,
      heading === 'Device Model' || heading === 'deviceTypeId' ? 'mac' : 'model',
    );
    expect(Object.entries(reading.columns).find(([, ref]) => ref.heading === heading)?.[0]).toBe(field);
  });

  it('locates each field by column letter and heading', () => {
    const reading = header('Room', 'MAC', 'Model');
    expect(reading.columns.mac).toEqual({ index: 1, letter: 'B', heading: 'MAC' });
    expect(reading.errors).toEqual([]);
  });

  it('warns about a column it does not read, suggesting the near one', () => {
    const reading = header('mac', 'modle', 'model', 'Room');
    expect(reading.warnings).toEqual([
      {
        line: 1,
        message: 'Column B "modle" is not a column Fieldkit reads; it is ignored. Did you mean "model"?',
      },
      { line: 1, message: 'Column D "Room" is not a column Fieldkit reads; it is ignored.' },
    ]);
  });

  it('refuses two columns for the same field', () => {
    expect(header('mac', 'model', 'MAC address').errors).toEqual([
      { line: 1, message: 'Columns A "mac" and C "MAC address" both give the mac; keep one of them.' },
    ]);
  });

  it('asks for an identifier column and a model column', () => {
    expect(header('description', 'subscriber').errors.map((e) => e.message)).toEqual([
      expect.stringContaining('no "mac" column'),
      expect.stringContaining('no "model" column'),
    ]);
  });

  it('says when the first line is data rather than a header', () => {
    expect(header('48:7A:55:00:00:02', '8028s').errors).toEqual([
      { line: 1, message: expect.stringMatching(/^Line 1 should be the header.*--template/s) },
    ]);
  });

  it('ignores empty trailing heading cells for the width', () => {
    expect(header('mac', 'model', '', '').width).toBe(2);
  });
});
