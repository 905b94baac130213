// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { columnKey, openOnEnter, tableColumn } from '@renderer/ui/virtual-table';

describe('virtual-table helpers', () => {
  it('builds a column that grows by nothing unless told', () => {
    expect(tableColumn('model', 'Model', 110)).toEqual({
      key: 'model',
      title: 'Model',
      width: 110,
      flexGrow: 0,
    });
    expect(columnKey(tableColumn('ip', 'IP', 90, 2))).toBe('ip');
  });

  it('opens a row with Enter only, and names it', () => {
    const open = vi.fn();
    const row = openOnEnter('Open 48:7a:55:00:00:02', open);
    row.onKeydown(new KeyboardEvent('keydown', { key: ' ' }));
    expect(open).not.toHaveBeenCalled();
    row.onKeydown(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(open).toHaveBeenCalledOnce();
    expect(row).toMatchObject({ tabindex: 0, 'aria-label': 'Open 48:7a:55:00:00:02' });
  });
});
