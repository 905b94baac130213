/** A column of a virtual table: `width` is a minimum in pixels, `flexGrow` shares what is left. */
export interface TableColumn<Key extends string = string> {
  key: Key;
  title: string;
  width: number;
  flexGrow: number;
}

export function tableColumn<Key extends string>(
  key: Key,
  title: string,
  width: number,
  flexGrow = 0,
): TableColumn<Key> {
  return { key, title, width, flexGrow };
}
