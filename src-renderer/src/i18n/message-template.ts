/**
 * A message translated once with its placeholders kept, then filled in by joining strings: for a text shown on
 * every row or on each key of a search, where `t` would look the message up and interpolate it each time. Only
 * for messages whose words do not depend on the values (no plural forms); values are written as `t` writes them.
 */
export function messageTemplate<Name extends string>(
  translate: (markers: Record<Name, string>) => string,
  names: readonly Name[],
): (values: Record<Name, string | number>) => string {
  const markers = Object.fromEntries(names.map((name, at) => [name, `\uE000${at}\uE000`]));
  // Markers are private-use characters no message holds. Split on them, the capture keeping each one's number:
  // even places are text, odd places the number of a value.
  const parts = translate(markers as Record<Name, string>).split(/\uE000(\d+)\uE000/);
  return (values) =>
    parts.map((part, at) => (at % 2 === 0 ? part : String(values[names[Number(part)] as Name]))).join('');
}
