import type { Page } from '@playwright/test';
import type { RunningSimulator } from '../../src-main/simulator';
import { closedPort } from '../support/ports';
import { selfSignedCertificate } from '../support/self-signed-certificate';
import { expect, test } from './support/fixtures';
import { addProfile, profileRow, type ProfileValues } from './support/profile-form';

function goodProfile(simulator: RunningSimulator, name: string): ProfileValues {
  return { name, host: simulator.url, ...simulator.credentials };
}

const failures: {
  title: string;
  profile: (simulator: RunningSimulator) => Promise<ProfileValues>;
  message: RegExp;
}[] = [
  {
    title: 'a wrong password',
    profile: async (simulator) => ({
      ...goodProfile(simulator, 'Wrong password'),
      password: 'not-the-password',
    }),
    message: /Wrong login or password/,
  },
  {
    title: 'a wrong application secret',
    profile: async (simulator) => ({
      ...goodProfile(simulator, 'Wrong secret'),
      appSecret: 'not-the-app-secret',
    }),
    message: /application id or secret was not accepted/,
  },
  {
    title: 'an unreachable host',
    profile: async (simulator) => ({
      ...goodProfile(simulator, 'Unreachable'),
      host: `http://127.0.0.1:${await closedPort()}`,
    }),
    message: /could not be reached/,
  },
];

for (const failure of failures) {
  test(`signing in with ${failure.title} says so`, async ({ launched: page, simulator }) => {
    await expectRefused(page, await failure.profile(simulator), failure.message);
  });
}

test.describe('a simulator serving https with a self-signed certificate', () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  test.use({ simulatorOptions: async ({}, use) => use({ tls: selfSignedCertificate() }) });

  test('signing in with a certificate that cannot be verified says so', async ({
    launched: page,
    simulator,
  }) => {
    await expectRefused(page, goodProfile(simulator, 'Bad certificate'), /certificate could not be verified/);
  });
});

async function expectRefused(page: Page, profile: ProfileValues, message: RegExp): Promise<void> {
  await addProfile(page, profile);
  await profileRow(page, profile.name).getByTestId('sign-in-button').click();
  await expect(page.getByTestId('sign-in-error')).toContainText(message);
  await expect(page).toHaveURL(/#\/sign-in$/);
}

test('a saved profile signs in and reaches the CloudPBX picker', async ({ launched: page, simulator }) => {
  await addProfile(page, goodProfile(simulator, 'Lyon site'));
  await page.reload();
  await profileRow(page, 'Lyon site').getByTestId('sign-in-button').click();
  await expect(page.getByTestId('system-row')).toHaveCount(2);
  await expect(page.getByTestId('demo-tag')).toHaveCount(0);
});

test.describe('without a keychain', () => {
  test.use({
    shellOptions: { args: [], env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/fieldkit-bus' } },
  });

  test('without a keychain the screen says so and how to fix it, and the demo still works', async ({
    launched: page,
  }) => {
    await expect(page.getByTestId('keychain-alert')).toContainText('keychain');
    await expect(page.getByTestId('keychain-alert')).toContainText('gnome-keyring');
    await page.getByTestId('open-demo').click();
    await expect(page.getByTestId('system-row')).toHaveCount(2);
  });
});
