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

/** Row attributes that let a keyboard reach a row and open it with Enter, named for screen readers. */
export function openOnEnter(label: string, open: () => void) {
  return {
    tabindex: 0,
    'aria-label': label,
    onKeydown: (event: KeyboardEvent) => {
      if (event.key === 'Enter') open();
    },
  };
}
