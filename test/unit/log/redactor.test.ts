import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/services/log/logger';
import { Redactor } from '../../../src-main/services/log/redactor';

describe('Redactor', () => {
  it('removes every registered secret, wherever it stands', () => {
    const redactor = new Redactor();
    redactor.add('hunter2!');
    redactor.add('s3cr3t-app');
    expect(redactor.redact('password hunter2! and hunter2!, secret=s3cr3t-app')).toBe(
      'password [redacted] and [redacted], secret=[redacted]',
    );
  });

  it('removes credentials in header form and JWTs even when not registered', () => {
    const redactor = new Redactor();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjp7ImlkIjoiMSJ9fQ.c2lnbmF0dXJlLXZhbHVl';
    expect(redactor.redact(`Authorization: Bearer ${jwt}`)).toBe('Authorization: Bearer [redacted]');
    expect(redactor.redact('Basic dXNlcjpwYXNzd29yZA==')).toBe('Basic [redacted]');
    expect(redactor.redact(`token ${jwt} end`)).toBe('token [redacted] end');
  });

  it('forgets a secret once removed', () => {
    const redactor = new Redactor();
    redactor.add('temporary');
    redactor.remove('temporary');
    expect(redactor.redact('temporary')).toBe('temporary');
  });

  it('redacts log lines through the logger', () => {
    const lines: string[] = [];
    const redactor = new Redactor();
    redactor.add('pa55word');
    const log = createLogger('vault', { sink: (line) => lines.push(line), redactor });
    log.error('sign-in failed for pa55word', new Error('pa55word rejected'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ERROR \[vault\] sign-in failed for \[redacted\]/);
    expect(lines[0]).not.toContain('pa55word');
  });
});
