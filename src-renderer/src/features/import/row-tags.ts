import type { RowAction, RowStatus } from '@api/types';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** Colours that say at a glance what a line does: new things blue, moves orange, nothing grey, invalid red. */
export const ACTION_TAG: Readonly<Record<RowAction, TagType>> = {
  create: 'primary',
  'create-assign': 'primary',
  assign: 'success',
  reassign: 'warning',
  replace: 'warning',
  skip: 'info',
  invalid: 'danger',
};

export const STATUS_TAG: Readonly<Record<RowStatus, TagType>> = {
  valid: 'success',
  planned: 'primary',
  done: 'success',
  skipped: 'info',
  failed: 'danger',
  'not-started': 'warning',
  invalid: 'danger',
};
