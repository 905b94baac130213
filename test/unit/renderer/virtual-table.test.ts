// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { tableColumn } from '@renderer/ui/virtual-table';
import VirtualTable from '@renderer/ui/VirtualTable.vue';

describe('virtual-table helpers', () => {
  it('builds a column that grows by nothing unless told', () => {
    expect(tableColumn('model', 'Model', 110)).toEqual({
      key: 'model',
      title: 'Model',
      width: 110,
      flexGrow: 0,
    });
  });
});

interface Line {
  id: string;
  name: string;
}

let wrapper: VueWrapper | undefined;
afterEach(() => wrapper?.unmount());

/** A table of three lines whose cells show the name and, in the second column, a button. */
function table(openLabel?: (line: Line) => string) {
  wrapper = mount(VirtualTable<Line, 'name' | 'action'>, {
    props: {
      columns: [tableColumn('name', 'Name', 100), tableColumn('action', 'Action', 80, 1)],
      rows: ['one', 'two', 'three'].map((name) => ({ id: name, name })),
      rowKey: 'id',
      openLabel,
    },
    slots: {
      row: ({ rowData, cellStyle }: { rowData: Line; cellStyle: Record<'name' | 'action', string> }) => [
        h('div', { class: 'virtual-list__cell', role: 'cell', style: cellStyle.name }, [
          h('span', rowData.name),
        ]),
        h('div', { class: 'virtual-list__cell', role: 'cell', style: cellStyle.action }, [
          h('button', { type: 'button' }, 'act'),
        ]),
      ],
    },
  });
  return wrapper;
}

const opened = (table: VueWrapper) => (table.emitted('open') ?? []).map(([line]) => (line as Line).name);

describe('VirtualTable', () => {
  it('opens the row clicked, or focused when Enter is pressed, and names each row', async () => {
    const lines = table((line) => `Open ${line.name}`);
    const rows = lines.findAll('[role="row"][aria-rowindex]').slice(1);
    expect(rows.map((row) => [row.attributes('aria-label'), row.attributes('tabindex')])).toEqual([
      ['Open one', '0'],
      ['Open two', '0'],
      ['Open three', '0'],
    ]);
    await rows[1]?.get('span').trigger('click');
    await rows[2]?.trigger('keydown', { key: 'Enter' });
    await rows[0]?.trigger('keydown', { key: ' ' });
    expect(opened(lines)).toEqual(['two', 'three']);
  });

  it('leaves Enter on a control inside a row to that control', async () => {
    const lines = table((line) => `Open ${line.name}`);
    await lines.get('button').trigger('keydown', { key: 'Enter' });
    expect(opened(lines)).toEqual([]);
  });

  it('gives each cell the width of its column', () => {
    const cells = table().findAll('[role="cell"]');
    const flex = (at: number) => {
      const style = (cells[at]?.element as HTMLElement | undefined)?.style;
      return [style?.flexGrow, style?.flexBasis];
    };
    expect([flex(0), flex(1)]).toEqual([
      ['0', '100px'],
      ['1', '80px'],
    ]);
  });

  it('neither focuses nor opens the rows of a table without an open label', async () => {
    const lines = table();
    const row = lines.findAll('[role="row"][aria-rowindex]')[1];
    expect(row?.attributes('tabindex')).toBeUndefined();
    await row?.get('span').trigger('click');
    expect(opened(lines)).toEqual([]);
  });
});
