import { expect, test } from './support/fixtures';
import { addProfile, profileRow } from './support/profile-form';

/** Reads the browser shell's event stream from outside the page, with the page's own session cookie. */
function recordEvents(origin: string, cookie: string) {
  const controller = new AbortController();
  let text = '';
  const done = fetch(`${origin}/events`, { headers: { cookie }, signal: controller.signal })
    .then(async (response) => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) text += decoder.decode(chunk);
    })
    .catch(() => undefined);
  return {
    stop: async () => {
      controller.abort();
      await done;
      return text;
    },
  };
}

test('passwords, app secrets and tokens never reach the renderer or a log line', async ({
  page,
  context,
  shell,
  simulator,
}) => {
  const payloads: string[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/rpc/')) payloads.push(await response.text());
  });
  await page.goto(shell.launchUrl);
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  const events = recordEvents(shell.origin, cookie);

  await addProfile(page, { name: 'Lyon site', host: simulator.url, ...simulator.credentials });
  await profileRow(page, 'Lyon site').getByTestId('test-profile').click();
  await expect(profileRow(page, 'Lyon site').getByTestId('profile-test-result')).toHaveAttribute(
    'data-ok',
    'true',
  );
  await profileRow(page, 'Lyon site').getByTestId('sign-in-button').click();
  await page.getByTestId('system-row').filter({ hasText: 'Lyon HQ' }).click();
  await expect(page.getByTestId('models-table')).toContainText('M5');
  await expect(page.getByTestId('subscriber-count')).toContainText('44');
  await page.getByTestId('sign-out').click();
  await page.getByTestId('open-demo').click();
  await page.getByTestId('system-row').filter({ hasText: 'Lyon HQ' }).click();
  await expect(page.getByTestId('models-table')).toContainText('M5');

  const stored = await page.evaluate(() => {
    const { localStorage, sessionStorage } = globalThis as unknown as Record<string, Record<string, string>>;
    return JSON.stringify({ ...localStorage, ...sessionStorage });
  });
  const everything = [...payloads, await events.stop(), await page.content(), stored, ...shell.output].join(
    '\n',
  );

  expect(payloads.length).toBeGreaterThan(10);
  expect(shell.output.some((line) => line.includes('/cloudpbxs'))).toBe(true);
  for (const secret of [simulator.credentials.password, simulator.credentials.appSecret]) {
    expect(everything).not.toContain(secret);
  }
  expect(everything).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}/);
  expect(everything).not.toMatch(/peer-secret-|agent-secret-/);
});
