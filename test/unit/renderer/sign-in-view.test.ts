// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { ErrorCode } from '@api/types';
import { ApiError } from '@renderer/api/api';
import { appInfo, createFakeApi, profile } from './support/fake-api';
import { showingFormErrors } from './support/form-errors';
import { byTestId, mountApp } from './support/mount-app';

let wrapper: VueWrapper | undefined;
afterEach(() => {
  vi.useRealTimers();
  wrapper?.unmount();
  document.body.innerHTML = '';
});

async function signInPage(fake = createFakeApi(), locale: 'en' | 'fr' = 'en') {
  const app = await mountApp('/sign-in', { fake, locale });
  wrapper = app.wrapper;
  return app;
}

describe('sign-in page', () => {
  it('opens the demo at once when the app was started with --demo', async () => {
    const fake = createFakeApi();
    fake.api.app.info.mockResolvedValue(appInfo({ startInDemo: true }));
    const { router } = await signInPage(fake);
    expect(fake.api.session.openDemo).toHaveBeenCalledTimes(1);
    expect(router.currentRoute.value.name).toBe('systems');
  });

  it('shows why the --demo start failed and still lists the saved profiles', async () => {
    const fake = createFakeApi();
    fake.api.app.info.mockResolvedValue(appInfo({ startInDemo: true }));
    fake.api.session.openDemo.mockRejectedValue(
      new ApiError({ code: 'internal', message: 'Simulator did not start.' }),
    );
    fake.api.profiles.list.mockResolvedValue([profile('Lyon')]);
    const { wrapper: page, router } = await signInPage(fake);
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(page.get(byTestId('sign-in-error')).text()).toContain('Simulator did not start.');
    expect(page.findAll(byTestId('profile-row'))).toHaveLength(1);
  });

  it('offers the demo prominently when no profile is saved', async () => {
    const fake = createFakeApi();
    const { wrapper: page, router } = await signInPage(fake);
    expect(page.find(byTestId('demo-card')).exists()).toBe(true);
    expect(page.findAll(byTestId('profile-row'))).toHaveLength(0);
    await page.get(byTestId('open-demo')).trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.name).toBe('systems');
  });

  it('lists saved profiles and signs in with the chosen one', async () => {
    const fake = createFakeApi();
    fake.api.profiles.list.mockResolvedValue([profile('Lyon'), profile('Paris')]);
    const { wrapper: page, router } = await signInPage(fake);
    const rows = page.findAll(byTestId('profile-row'));
    expect(rows.map((row) => row.attributes('data-profile'))).toEqual(['Lyon', 'Paris']);
    expect(page.find(byTestId('demo-card')).exists()).toBe(false);
    await rows[1]?.get(byTestId('sign-in-button')).trigger('click');
    await flushPromises();
    expect(fake.api.session.signIn).toHaveBeenCalledWith({ profile: 'Paris' });
    expect(router.currentRoute.value.name).toBe('systems');
  });

  it.each<[ErrorCode, string]>([
    ['auth-failed', 'Wrong login or password.'],
    ['app-auth-failed', 'The application id or secret was not accepted.'],
    ['tls', 'The server certificate could not be verified.'],
    ['api-error', 'Rainbow answered 400 Bad Request.'],
  ])('shows a specific message for a %s sign-in failure, with the hint', async (code, expected) => {
    const fake = createFakeApi();
    fake.api.profiles.list.mockResolvedValue([profile('Lyon')]);
    fake.api.session.signIn.mockRejectedValue(
      new ApiError({ code, message: 'Rainbow answered 400 Bad Request.', hint: 'Try this.' }),
    );
    const { wrapper: page, router } = await signInPage(fake);
    await page.get(byTestId('sign-in-button')).trigger('click');
    await flushPromises();
    const alert = page.get(byTestId('sign-in-error'));
    expect(alert.get('.el-alert__title').text()).toBe(expected);
    expect(alert.get(byTestId('error-hint')).text()).toBe('What to do: Try this.');
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('translates the sign-in error into French', async () => {
    const fake = createFakeApi();
    fake.api.profiles.list.mockResolvedValue([profile('Lyon')]);
    fake.api.session.signIn.mockRejectedValue(new ApiError({ code: 'unreachable', message: 'No answer.' }));
    const { wrapper: page } = await signInPage(fake, 'fr');
    await page.get(byTestId('sign-in-button')).trigger('click');
    await flushPromises();
    expect(page.get(`${byTestId('sign-in-error')} .el-alert__title`).text()).toBe('L’hôte est injoignable.');
  });

  it('explains a missing keychain and hides the profile form, keeping the demo', async () => {
    const fake = createFakeApi();
    fake.api.app.info.mockResolvedValue(
      appInfo({
        keychain: {
          available: false,
          error: { code: 'keychain-unavailable', message: 'No D-Bus.', hint: 'Start gnome-keyring.' },
        },
      }),
    );
    const { wrapper: page } = await signInPage(fake);
    const alert = page.get(byTestId('keychain-alert'));
    expect(alert.text()).toContain('Profiles cannot be saved');
    expect(alert.text()).toContain('No D-Bus.');
    expect(alert.text()).toContain('Start gnome-keyring.');
    expect(page.find(byTestId('add-profile-form')).exists()).toBe(false);
    expect(page.find(byTestId('open-demo')).exists()).toBe(true);
    expect(fake.api.profiles.list).not.toHaveBeenCalled();
  });

  it('tests a profile and shows who answered, or why it failed', async () => {
    const fake = createFakeApi();
    fake.api.profiles.list.mockResolvedValue([profile('Lyon'), profile('Paris')]);
    fake.api.profiles.test
      .mockResolvedValueOnce({ ok: true, user: { loginEmail: 'a@b.fr', displayName: 'Ada Tech' } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'timeout', message: 'Waited 10 s.' } });
    const { wrapper: page } = await signInPage(fake);
    const [lyonRow, parisRow] = page.findAll(byTestId('profile-row'));
    await lyonRow?.get(byTestId('test-profile')).trigger('click');
    await parisRow?.get(byTestId('test-profile')).trigger('click');
    await flushPromises();
    expect(fake.api.profiles.test).toHaveBeenCalledWith({ name: 'Lyon' });
    expect(lyonRow?.get(byTestId('profile-test-result')).text()).toContain('Connection OK: Ada Tech');
    const failure = parisRow?.get(byTestId('profile-test-result'));
    expect(failure?.attributes('data-ok')).toBe('false');
    expect(failure?.text()).toContain('The server took too long to answer.');
  });

  it('removes a profile only after confirmation', async () => {
    const fake = createFakeApi();
    fake.api.profiles.list.mockResolvedValue([profile('Lyon')]);
    const { wrapper: page } = await signInPage(fake);
    await page.get(byTestId('remove-profile')).trigger('click');
    await flushPromises();
    expect(fake.api.profiles.remove).not.toHaveBeenCalled();
    document.querySelector<HTMLButtonElement>(byTestId('confirm-remove'))?.click();
    await flushPromises();
    expect(fake.api.profiles.remove).toHaveBeenCalledWith({ name: 'Lyon' });
    expect(page.findAll(byTestId('profile-row'))).toHaveLength(0);
  });
});

describe('add-profile form', () => {
  const values = {
    'profile-name': 'Lyon',
    'profile-host': 'openrainbow.com',
    'profile-login': 'tech@example.com',
    'profile-password': 'secret-pass',
    'profile-app-id': 'app-id',
    'profile-app-secret': 'app-secret',
  };

  async function submitAndShowErrors(page: VueWrapper): Promise<void> {
    await showingFormErrors(() => page.get(byTestId('add-profile-form')).trigger('submit'));
  }

  function errorUnder(page: VueWrapper, testId: string): string | undefined {
    const item = page.get(`input${byTestId(testId)}`).element.closest('.el-form-item');
    return item?.querySelector('.el-form-item__error')?.textContent?.trim();
  }

  async function fillForm(page: VueWrapper, overrides: Partial<typeof values> = {}): Promise<void> {
    for (const [id, value] of Object.entries({ ...values, ...overrides })) {
      await page.get(`input${byTestId(id)}`).setValue(value);
    }
  }

  it('saves the profile with the typed values and lists it', async () => {
    const fake = createFakeApi();
    const { wrapper: page } = await signInPage(fake);
    await fillForm(page);
    await page.get(byTestId('add-profile-form')).trigger('submit');
    await flushPromises();
    expect(fake.api.profiles.save).toHaveBeenCalledWith({
      name: 'Lyon',
      host: 'openrainbow.com',
      login: 'tech@example.com',
      password: 'secret-pass',
      appId: 'app-id',
      appSecret: 'app-secret',
    });
    expect(page.findAll(byTestId('profile-row')).map((row) => row.attributes('data-profile'))).toEqual([
      'Lyon',
    ]);
    expect(page.get<HTMLInputElement>(`input${byTestId('profile-password')}`).element.value).toBe('');
  });

  it('does not call the core while a required field is empty', async () => {
    const fake = createFakeApi();
    const { wrapper: page } = await signInPage(fake);
    await fillForm(page, { 'profile-app-secret': '', 'profile-login': 'not-an-address' });
    await submitAndShowErrors(page);
    expect(fake.api.profiles.save).not.toHaveBeenCalled();
    expect(errorUnder(page, 'profile-app-secret')).toBe('This field is required.');
    expect(errorUnder(page, 'profile-login')).toBe('Enter an e-mail address.');
    expect(errorUnder(page, 'profile-name')).toBeUndefined();
  });

  it('shows field issues from the core under the matching input', async () => {
    const fake = createFakeApi();
    fake.api.profiles.save.mockRejectedValue(
      new ApiError({
        code: 'insecure-host',
        message: 'Fieldkit only talks to example.com over https.',
        issues: [{ field: 'host', message: 'http is only allowed for this computer (localhost).' }],
      }),
    );
    const { wrapper: page } = await signInPage(fake);
    await fillForm(page, { 'profile-host': 'http://example.com' });
    await submitAndShowErrors(page);
    expect(errorUnder(page, 'profile-host')).toBe('http is only allowed for this computer (localhost).');
    expect(errorUnder(page, 'profile-name')).toBeUndefined();
    expect(page.find(byTestId('add-profile-error')).exists()).toBe(false);
  });

  it('shows an error without field issues above the save button', async () => {
    const fake = createFakeApi();
    fake.api.profiles.save.mockRejectedValue(
      new ApiError({ code: 'keychain-unavailable', message: 'Keyring locked.', hint: 'Unlock it.' }),
    );
    const { wrapper: page } = await signInPage(fake);
    await fillForm(page);
    await page.get(byTestId('add-profile-form')).trigger('submit');
    await flushPromises();
    const alert = page.get(byTestId('add-profile-error'));
    expect(alert.text()).toContain('The system keychain is not available.');
    expect(alert.text()).toContain('Unlock it.');
  });
});
