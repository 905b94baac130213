import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SYSTEM_IDS, seedBulkDevices } from '../../src-main/simulator';
import { openDeviceList } from '../../test/e2e/support/devices-app';
import { expect, signIn, test } from '../../test/e2e/support/fixtures';
import { KEYSTROKES } from './keystrokes';

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

test('device list search at 10,000 devices', async ({ page, shell, simulator }) => {
  seedBulkDevices(simulator.tenant, DEMO_SYSTEM_IDS.lyon, DEVICES);
  await page.addInitScript({ path: join(import.meta.dirname, 'measure-keystroke.js') });
  await page.goto(shell.launchUrl);
  await signIn(page, simulator);
  const started = Date.now();
  await openDeviceList(page, simulator, DEMO_SYSTEM_IDS.lyon, 120_000);
  const loadMs = Date.now() - started;
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
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ devices: DEVICES, loadMs, timings }, null, 2));
});
