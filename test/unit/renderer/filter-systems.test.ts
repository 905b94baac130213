import { describe, expect, it } from 'vitest';
import type { CloudPbx } from '@api/types';
import { filterSystems, sortByName } from '@renderer/features/systems/system-search';

const systems: CloudPbx[] = [
  { id: 'aa11', name: 'Lyon HQ', country: 'FRA', cloudpbx: { domainName: 'lyon.sip.example' } },
  { id: 'bb22', name: 'Grenoble Warehouse', country: 'FRA', cloudpbx: { domainName: 'gre.sip.example' } },
  { id: 'cc33', name: 'Berlin Office', country: 'DEU' },
];
const names = (list: CloudPbx[]): string[] => list.map((system) => system.name);

describe('filterSystems', () => {
  it('keeps everything for an empty or blank query', () => {
    expect(names(filterSystems(systems, '   '))).toEqual(names(systems));
  });

  it.each([
    ['name, any case', 'grenoble', ['Grenoble Warehouse']],
    ['id', 'CC3', ['Berlin Office']],
    ['country', 'deu', ['Berlin Office']],
    ['SIP domain', 'lyon.sip', ['Lyon HQ']],
    ['several words, each anywhere', 'fra warehouse', ['Grenoble Warehouse']],
  ])('matches on %s', (_, query, expected) => {
    expect(names(filterSystems(systems, query))).toEqual(expected);
  });

  it('finds nothing when one word matches nothing', () => {
    expect(filterSystems(systems, 'lyon nowhere')).toEqual([]);
  });
});

describe('sortByName', () => {
  it('sorts without touching the input', () => {
    expect(names(sortByName(systems))).toEqual(['Berlin Office', 'Grenoble Warehouse', 'Lyon HQ']);
    expect(names(systems)[0]).toBe('Lyon HQ');
  });
});
