import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@renderer/i18n';
import { messageTemplate } from '@renderer/i18n/message-template';

describe('messageTemplate', () => {
  it.each(['en', 'fr'] as const)('writes what t writes for the %s messages it is used for', (locale) => {
    const { t } = createAppI18n(locale).global;
    const count = messageTemplate((values) => t('devices.count', values), ['shown', 'total']);
    expect(count({ shown: 12, total: 10_019 })).toBe(t('devices.count', { shown: 12, total: 10_019 }));
    const banned = messageTemplate((values) => t('devices.bannedTitle', values), ['count', 'date']);
    expect(banned({ count: '3', date: '2026-12-01' })).toBe(
      t('devices.bannedTitle', { count: '3', date: '2026-12-01' }),
    );
    const open = messageTemplate((values) => t('devices.openDevice', values), ['name']);
    expect(open({ name: '48:7a:55:{x}$&' })).toBe(t('devices.openDevice', { name: '48:7a:55:{x}$&' }));
  });

  it('fills placeholders in any order, repeated or not at all', () => {
    const fill = messageTemplate(
      (values: Record<'a' | 'b' | 'c', string>) => `${values.b}-${values.a}, ${values.b}!`,
      ['a', 'b', 'c'],
    );
    expect(fill({ a: 'one', b: 'two', c: 'three' })).toBe('two-one, two!');
  });
});
