import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Runs a diagnosis from the Diagnose screen, as the technician types it. */
export async function diagnose(page: Page, kind: 'device' | 'number', text: string): Promise<void> {
  await page
    .getByTestId('diagnose-kind')
    .getByText(kind === 'device' ? /Device/ : /Number/)
    .click();
  await page.getByTestId('diagnose-input').fill(text);
  await page.getByTestId('diagnose-run').click();
}

/** One check of the ladder on screen, by id. */
export function ladderCheck(page: Page, id: string): Locator {
  return page.locator(`[data-testid="check"][data-check="${id}"]`);
}

export async function expectVerdict(page: Page, verdict: 'ok' | 'problem' | 'unknown'): Promise<void> {
  await expect(page.getByTestId('check-verdict')).toHaveAttribute('data-verdict', verdict);
}

/** The check fails (or warns) with its fix on screen. */
export async function expectFault(
  page: Page,
  id: string,
  status: 'fail' | 'warn',
  fix: string | RegExp,
): Promise<void> {
  await expect(ladderCheck(page, id)).toHaveAttribute('data-status', status);
  await expect(ladderCheck(page, id).getByTestId('check-fix')).toContainText(fix);
}

/** Runs the same diagnosis again and waits for the check to be ok. */
export async function againUntilOk(page: Page, id: string): Promise<void> {
  await page.getByTestId('diagnose-again').click();
  await expect(ladderCheck(page, id)).toHaveAttribute('data-status', 'ok');
}
