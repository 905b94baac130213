/** The items whose fields hold every word of `query` (case-insensitive); all of them for an empty query. */
export function searchByWords<T>(items: readonly T[], query: string, fieldsOf: (item: T) => string[]): T[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const text = fieldsOf(item).join('\n').toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** Page `page` (from 1) of `items`, `size` a page; an empty page past the end. */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}
