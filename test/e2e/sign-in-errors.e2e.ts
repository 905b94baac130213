import { expect, test } from '@playwright/test';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { startBrowserShell, type BrowserShell } from './support/browser-shell';
import { addProfile, profileRow, type ProfileValues } from './support/profile-form';
import { closedPort } from '../support/ports';
import { selfSignedCertificate } from '../support/self-signed-certificate';

let simulator: RunningSimulator;
let tlsSimulator: RunningSimulator;
let shell: BrowserShell;

test.beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  tlsSimulator = await startSimulator({ port: 0, tls: selfSignedCertificate() });
});

test.afterAll(async () => {
  await simulator.close();
  await tlsSimulator.close();
});

test.afterEach(async () => {
  await shell.stop();
});

function goodProfile(name: string): ProfileValues {
  return { name, host: simulator.url, ...simulator.credentials };
}

const failures: { title: string; profile: () => Promise<ProfileValues>; message: RegExp }[] = [
  {
    title: 'a wrong password',
    profile: async () => ({ ...goodProfile('Wrong password'), password: 'not-the-password' }),
    message: /Wrong login or password/,
  },
  {
    title: 'a wrong application secret',
    profile: async () => ({ ...goodProfile('Wrong secret'), appSecret: 'not-the-app-secret' }),
    message: /application id or secret was not accepted/,
  },
  {
    title: 'an unreachable host',
    profile: async () => ({ ...goodProfile('Unreachable'), host: `http://127.0.0.1:${await closedPort()}` }),
    message: /could not be reached/,
  },
  {
    title: 'a certificate that cannot be verified',
    profile: async () => ({ ...goodProfile('Bad certificate'), host: tlsSimulator.url }),
    message: /certificate could not be verified/,
  },
];

for (const failure of failures) {
  test(`signing in with ${failure.title} says so`, async ({ page }) => {
    shell = await startBrowserShell();
    await page.goto(shell.launchUrl);
    const profile = await failure.profile();
    await addProfile(page, profile);
    await profileRow(page, profile.name).getByTestId('sign-in-button').click();
    await expect(page.getByTestId('sign-in-error')).toContainText(failure.message);
    await expect(page).toHaveURL(/#\/sign-in$/);
  });
}

test('a saved profile signs in and reaches the CloudPBX picker', async ({ page }) => {
  shell = await startBrowserShell();
  await page.goto(shell.launchUrl);
  await addProfile(page, goodProfile('Lyon site'));
  await page.reload();
  await profileRow(page, 'Lyon site').getByTestId('sign-in-button').click();
  await expect(page.getByTestId('system-row')).toHaveCount(2);
  await expect(page.getByTestId('demo-tag')).toHaveCount(0);
});

test('without a keychain the screen says so and how to fix it, and the demo still works', async ({
  page,
}) => {
  shell = await startBrowserShell([], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/fieldkit-bus' });
  await page.goto(shell.launchUrl);
  await expect(page.getByTestId('keychain-alert')).toContainText('keychain');
  await expect(page.getByTestId('keychain-alert')).toContainText('gnome-keyring');
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('system-row')).toHaveCount(2);
});
