import type { Page } from '@playwright/test';

export interface ProfileValues {
  name: string;
  host: string;
  login: string;
  password: string;
  appId: string;
  appSecret: string;
}

/** Fills and submits the sign-in screen's "Add a profile" form, as a technician would. */
export async function addProfile(page: Page, profile: ProfileValues): Promise<void> {
  const form = page.getByTestId('add-profile-form');
  await form.getByTestId('profile-name').fill(profile.name);
  await form.getByTestId('profile-host').fill(profile.host);
  await form.getByTestId('profile-login').fill(profile.login);
  await form.getByTestId('profile-password').fill(profile.password);
  await form.getByTestId('profile-app-id').fill(profile.appId);
  await form.getByTestId('profile-app-secret').fill(profile.appSecret);
  await form.getByTestId('save-profile').click();
  await page.getByTestId('profile-row').filter({ hasText: profile.name }).waitFor();
}

export function profileRow(page: Page, name: string) {
  return page.getByTestId('profile-row').filter({ hasText: name });
}
