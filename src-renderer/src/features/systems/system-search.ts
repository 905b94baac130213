import type { CloudPbx } from '@api/types';

function searchableFields(system: CloudPbx): string[] {
  return [system.name, system.id, system.country, system.cloudpbx?.domainName]
    .filter((field): field is string => typeof field === 'string')
    .map((field) => field.toLocaleLowerCase());
}

/** Every word of the query must appear in the name, id, country or SIP domain (case-insensitive). */
export function filterSystems(systems: readonly CloudPbx[], query: string): CloudPbx[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...systems];
  return systems.filter((system) => {
    const fields = searchableFields(system);
    return words.every((word) => fields.some((field) => field.includes(word)));
  });
}

export function sortByName(systems: readonly CloudPbx[]): CloudPbx[] {
  return [...systems].sort((a, b) => a.name.localeCompare(b.name));
}
