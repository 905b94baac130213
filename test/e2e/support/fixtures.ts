import { test as base, expect, type Page } from '@playwright/test';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../../src-main/simulator';
import { startBrowserShell, type BrowserShell } from './browser-shell';
import { addProfile, profileRow } from './profile-form';

export interface ShellOptions {
  /** Command-line arguments of the browser-shell host, e.g. `['--demo']`. */
  args: string[];
  /** Environment added to the host's. */
  env: NodeJS.ProcessEnv;
}

/** The simulator's clock: real time, which a test can move ahead (a phone's registration delay passes at once). */
export class SimulatorTime {
  #ahead = 0;

  readonly now = (): number => Date.now() + this.#ahead;

  advance(ms: number): void {
    this.#ahead += ms;
  }
}

export interface FieldkitFixtures {
  /** How this test's simulator is started (`test.use({ simulatorOptions })`); its port is always a free one. */
  simulatorOptions: Omit<SimulatorOptions, 'port' | 'now'>;
  /** The clock of this test's simulator. */
  simulatorTime: SimulatorTime;
  /** A simulated CloudPBX of this test alone, on its own port, closed after it. */
  simulator: RunningSimulator;
  /** How this test's browser shell is started (`test.use({ shellOptions })`). */
  shellOptions: ShellOptions;
  /** The real browser-shell host of this test alone, with its own data folder and port, stopped after it. */
  shell: BrowserShell;
  /** The page opened on the shell, signed in to the simulator as its technician: the CloudPBX picker shows. */
  signedIn: Page;
  /** The page opened on the shell's launch URL (with `--demo`, the demo's CloudPBX picker). */
  launched: Page;
}

/** The name of the profile `signedIn` saves. */
const TECHNICIAN = 'Technician';

/**
 * Every end-to-end test of the browser shell starts from these: a simulator, a shell and, when asked, a page
 * already signed in. Each is test-scoped, so no test sees another's data folder, port or CloudPBX state.
 */
export const test = base.extend<FieldkitFixtures>({
  simulatorOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  simulatorTime: async ({}, use) => {
    await use(new SimulatorTime());
  },
  simulator: async ({ simulatorOptions, simulatorTime }, use) => {
    const simulator = await startSimulator({ ...simulatorOptions, port: 0, now: simulatorTime.now });
    await use(simulator);
    await simulator.close();
  },
  shellOptions: [{ args: [], env: {} }, { option: true }],
  shell: async ({ shellOptions }, use) => {
    const shell = await startBrowserShell(shellOptions.args, shellOptions.env);
    await use(shell);
    await shell.stop();
  },
  launched: async ({ page, shell }, use) => {
    await page.goto(shell.launchUrl);
    await use(page);
  },
  signedIn: async ({ launched: page, simulator }, use) => {
    await signIn(page, simulator);
    await use(page);
  },
});

/** Saves a profile for the simulator's technician on the sign-in screen, signs in and waits for the picker. */
export async function signIn(page: Page, simulator: RunningSimulator): Promise<void> {
  await addProfile(page, { name: TECHNICIAN, host: simulator.url, ...simulator.credentials });
  await profileRow(page, TECHNICIAN).getByTestId('sign-in-button').click();
  await expect(page.getByTestId('system-row').first()).toBeVisible();
}

/** Opens a CloudPBX from the picker, then one section of its menu. */
export async function openSection(page: Page, systemId: string, section: string): Promise<void> {
  await page.locator(`[data-testid="system-row"][data-system-id="${systemId}"]`).click();
  await page.getByTestId(`nav-${section}`).click();
}

export { expect };
