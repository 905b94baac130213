import { describe, expect, it } from 'vitest';
import { appHandlers } from '../../../src-main/app/handlers/session';
import { checkExternalUrl } from '../../../src-main/app/external-links';
import type { AppInfo } from '../../../src-main/api/types';

const appInfo = async (): Promise<AppInfo> => ({
  version: '0',
  shell: 'electron',
  startInDemo: false,
  keychain: { available: true },
});

describe('checkExternalUrl', () => {
  it.each(['https://198.18.0.11/', 'https://phone.local:8443/admin'])('accepts %s', (url) => {
    expect(checkExternalUrl(url).protocol).toBe('https:');
  });

  it.each([
    ['http://198.18.0.11/', /Only https/],
    ['file:///etc/passwd', /Only https/],
    ['javascript:alert(1)', /Only https/],
    ['https://admin:secret@198.18.0.11/', /user name or password/],
    ['not a url', /not a web address/],
  ])('refuses %s', (url, message) => {
    expect(() => checkExternalUrl(url)).toThrow(message);
  });
});

describe('app.openExternal', () => {
  it('hands a checked address to the shell', async () => {
    const opened: string[] = [];
    const handlers = appHandlers(appInfo, async (url) => {
      opened.push(url);
    });
    expect(await handlers['app.openExternal']({ url: 'https://198.18.0.11' })).toEqual({
      opened: true,
      url: 'https://198.18.0.11/',
    });
    expect(opened).toEqual(['https://198.18.0.11/']);
  });

  it('lets the page open it where the shell cannot (browser shell)', async () => {
    const handlers = appHandlers(appInfo);
    expect(await handlers['app.openExternal']({ url: 'https://198.18.0.11' })).toEqual({
      opened: false,
      url: 'https://198.18.0.11/',
    });
  });

  it('never hands a refused address to the shell', async () => {
    const opened: string[] = [];
    const handlers = appHandlers(appInfo, async (url) => {
      opened.push(url);
    });
    await expect(handlers['app.openExternal']({ url: 'file:///etc/passwd' })).rejects.toThrow();
    expect(opened).toEqual([]);
  });
});
