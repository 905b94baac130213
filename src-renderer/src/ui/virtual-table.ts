/** A column of a virtual table: `width` is a minimum in pixels, `flexGrow` shares what is left. */
export interface TableColumn {
  key: string;
  title: string;
  width: number;
  flexGrow: number;
}

export function tableColumn(key: string, title: string, width: number, flexGrow = 0): TableColumn {
  return { key, title, width, flexGrow };
}

/** The key of a column as a cell slot receives it, narrowed to the table's own column keys. */
export function columnKey<Key extends string>(column: TableColumn): Key {
  return column.key as Key;
}
