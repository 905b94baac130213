/**
 * The candidates nearest to `input` by edit distance, nearest first, at most `limit`, none further than
 * `maxDistance`. A candidate that contains the input or is contained in it counts as distance 1 (`ALE 8028s`
 * → `8028s`).
 */
export function closest(
  input: string,
  candidates: readonly string[],
  maxDistance: number,
  limit = 3,
): string[] {
  if (input === '') return [];
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === '') continue;
    const contains =
      Math.min(input.length, candidate.length) >= 3 &&
      (candidate.includes(input) || input.includes(candidate));
    const distance = contains
      ? Math.min(1, editDistance(input, candidate))
      : boundedEditDistance(input, candidate, maxDistance);
    if (distance <= maxDistance) scored.push({ candidate, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((entry) => entry.candidate);
}

export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Number.POSITIVE_INFINITY);
}

/** Levenshtein distance, giving up (answering `bound + 1`) as soon as it must exceed `bound`. */
function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length] ?? bound + 1;
}
