import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildDeviceRows,
  createDeviceRowFilter,
  filterDeviceRows,
  noDeviceFilters,
  type DeviceFilters,
} from '@renderer/features/devices/device-rows';
import { models, subscribers } from './support/fake-api';
import { deskphone, handset } from './support/fake-device-calls';

/** Few letters, so queries often match, often stop matching and often hit a separator. */
const letters = ['a', 'b', 'e', '1', '2', ':', '-', ' '];

const people = subscribers(2);
const rowsOf = (descriptions: string[]) =>
  buildDeviceRows(
    descriptions.map((description, at) =>
      at % 3 === 2
        ? handset({ id: `dev-${at}`, description })
        : deskphone({
            id: `dev-${at}`,
            description,
            macAddress: `487a55${String(at).padStart(6, '0')}`,
            phoneNumberId: at % 2 === 0 ? people[0]?.id : undefined,
          }),
    ),
    people,
    models,
  );

/** What a technician does to the search: a key, a Backspace, or a change of the other filters. */
const action = fc.oneof(
  fc.constantFrom(...letters).map((key) => ({ key })),
  fc.constant({ erase: true as const }),
  fc.constantFrom<Partial<DeviceFilters>>(
    { assigned: 'yes' },
    { assigned: 'no' },
    { assigned: 'all' },
    { category: 'dectmobile' },
    { category: undefined },
  ),
);

describe('createDeviceRowFilter (property)', () => {
  it('answers, after any keys, Backspaces and filter changes, exactly what filterDeviceRows answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom(...letters), maxLength: 8 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.array(action, { maxLength: 40 }),
        (descriptions, actions) => {
          const rows = rowsOf(descriptions);
          const remembering = createDeviceRowFilter();
          let filters = noDeviceFilters();
          for (const step of actions) {
            if ('key' in step) filters = { ...filters, query: filters.query + step.key };
            else if ('erase' in step) filters = { ...filters, query: filters.query.slice(0, -1) };
            else filters = { ...filters, ...step };
            expect(remembering(rows, filters).map((row) => row.id)).toEqual(
              filterDeviceRows(rows, filters).map((row) => row.id),
            );
          }
        },
      ),
    );
  });
});
