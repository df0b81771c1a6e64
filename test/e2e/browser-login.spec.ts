// Browser mode: log in through the one-time link printed in the terminal and see the fleet.
import { APP_URL, CONTROL_URL } from './e2e-env';
import { expect, resetWorld, test } from './fixtures';

test('logs in through the one-time link and sees the fleet', async ({ page, request }) => {
  const link = await (await request.get(`${CONTROL_URL}/one-time-link`)).text();
  await page.goto(link);
  await expect(page).toHaveURL(/\/$/);
  await resetWorld(page);
  await page.reload();
  await expect(page.getByText('train-llama-ft').first()).toBeVisible();
  await expect(page.getByText('sd-xl-batch').first()).toBeVisible();

  // The link works once: a second visit does not log a fresh browser in.
  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  await other.goto(link);
  const reply = await other.request.get(`${APP_URL}/api/instances`);
  expect(reply.status()).toBe(401);
  await context.close();
});
