import type { Column } from 'element-plus';

/** A column of a virtual table: `width` is a minimum, `flexGrow` shares what is left; the key is the data key. */
export function tableColumn<Row>(key: string, title: string, width: number, flexGrow = 0): Column<Row> {
  return { key, dataKey: key, title, width, flexGrow };
}

/** The key of a column as a cell slot receives it (Element Plus types the slot's props loosely). */
export function columnKey<Key extends string>(column: unknown): Key {
  return (column as { key: Key }).key;
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
