import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { startBrowserShell, type BrowserShell } from './support/browser-shell';
import { addProfile, profileRow, type ProfileValues } from './support/profile-form';

let simulator: RunningSimulator;
let tlsSimulator: RunningSimulator;
let shell: BrowserShell;
let certDir: string;

test.beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  certDir = mkdtempSync(join(tmpdir(), 'fieldkit-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-days',
      '1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tlsSimulator = await startSimulator({
    port: 0,
    tls: {
      key: readFileSync(join(certDir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(certDir, 'cert.pem'), 'utf8'),
    },
  });
});

test.afterAll(async () => {
  await simulator.close();
  await tlsSimulator.close();
  rmSync(certDir, { recursive: true, force: true });
});

test.afterEach(async () => {
  await shell.stop();
});

function goodProfile(name: string): ProfileValues {
  return { name, host: simulator.url, ...simulator.credentials };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
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
