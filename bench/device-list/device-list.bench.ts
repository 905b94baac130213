import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_SYSTEM_IDS } from '../../src-main/simulator';
import { expect, openSection, test as e2eTest } from '../../test/e2e/support/fixtures';
import { addProfile, profileRow } from '../../test/e2e/support/profile-form';
import { KEYSTROKES } from './keystrokes';
import { startSimulatorProcess, type SimulatorProcess } from './simulator-child';

const DEVICES = 10_000;

/** What measure-keystroke.js answers for one keystroke. */
interface KeystrokeTiming {
  key: string;
  /** From the input event to the list re-rendered and laid out: the main-thread work of the frame. */
  workMs: number;
  /** From the input event to the second animation frame after it: the update is on screen by then. */
  frameMs: number;
  shown: number;
}

function asTiming(value: unknown): KeystrokeTiming {
  const timing = value as Partial<KeystrokeTiming> | null;
  if (
    typeof timing?.workMs !== 'number' ||
    typeof timing.frameMs !== 'number' ||
    typeof timing.shown !== 'number'
  )
    throw new Error(`measureKeystroke answered ${JSON.stringify(value)}`);
  return { key: String(timing.key), workMs: timing.workMs, frameMs: timing.frameMs, shown: timing.shown };
}

/**
 * Waits until an element matches `selector` (and has `attribute` = `value`): until-shown.js checks each frame.
 * Answers when the page saw it, on the page's clock.
 */
async function untilInPage(
  page: Page,
  selector: string,
  attribute?: string,
  value?: string,
): Promise<number> {
  const parts = [selector, attribute, value].filter((part) => part !== undefined);
  return Number(await page.evaluate(`untilShown(${parts.map((part) => JSON.stringify(part)).join(', ')})`));
}

/** The seeded simulator runs in a process of its own, so serving pages never delays the test's clicks. */
const test = e2eTest.extend<{ rainbow: SimulatorProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  rainbow: async ({}, use) => {
    const simulator = await startSimulatorProcess(DEVICES);
    await use(simulator);
    await simulator.stop();
  },
});

const pageNow = async (page: Page): Promise<number> => Number(await page.evaluate('performance.now()'));

test('device list at 10,000 devices: sign-in, listing, search', async ({ page, shell, rainbow }) => {
  const total = rainbow.devices;
  await page.addInitScript({ path: join(import.meta.dirname, 'measure-keystroke.js') });
  await page.addInitScript({ path: join(import.meta.dirname, 'until-shown.js') });
  await page.goto(shell.launchUrl);
  await addProfile(page, { name: 'Technician', host: rainbow.url, ...rainbow.credentials });

  // Each span starts on the page's clock before the click is sent, so the click's own delay counts too.
  const signInStarted = await pageNow(page);
  await profileRow(page, 'Technician').getByTestId('sign-in-button').click();
  const signInMs = (await untilInPage(page, '[data-testid="system-row"]')) - signInStarted;

  const chosen = await pageNow(page);
  await openSection(page, DEMO_SYSTEM_IDS.lyon, 'devices');
  const firstRowsMs = (await untilInPage(page, '[data-testid="device-row"]')) - chosen;
  const listed = await untilInPage(page, '[data-testid="device-count"]', 'data-complete', 'true');
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-total', String(total));
  const listMs = listed - chosen;
  const signInToListMs = listed - signInStarted;

  const search = page.getByTestId('device-search');
  await search.focus();
  const timings: KeystrokeTiming[] = [];
  for (const key of KEYSTROKES) {
    timings.push(asTiming(await page.evaluate(`measureKeystroke(${JSON.stringify(key)})`)));
  }
  // The search really filtered: the last keystroke erased everything, so every device is listed again.
  await expect(page.getByTestId('device-count')).toHaveAttribute('data-shown', String(timings.at(-1)?.shown));
  expect(timings.some((timing) => timing.shown < DEVICES / 10)).toBe(true);
  const resultFile = process.env.FIELDKIT_BENCH_RESULT;
  if (resultFile)
    writeFileSync(
      resultFile,
      JSON.stringify({ devices: total, signInMs, firstRowsMs, listMs, signInToListMs, timings }, null, 2),
    );
});
