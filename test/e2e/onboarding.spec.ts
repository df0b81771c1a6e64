// First run: a wrong key is refused with the reason, the right one opens the dashboard.
import { GOOD_KEY } from './e2e-env';
import { expect, rpc, test } from './fixtures';

test('onboarding refuses a wrong key, then accepts the right one', async ({ loggedIn: page }) => {
  await rpc(page.request, 'clearKey');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Vast Tray' })).toBeVisible();
  for (const scope of ['instance_read', 'instance_write', 'user_read']) await expect(page.getByText(scope, { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /Keys page/ })).toHaveAttribute('href', 'https://cloud.vast.ai/manage-keys/');

  const field = page.getByLabel('Vast API key');
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill('definitely-not-a-vast-key');
  await page.getByRole('button', { name: 'Check and save' }).click();
  await expect(page.getByRole('alert')).toContainText('401');
  await expect(page.getByRole('heading', { name: 'Welcome to Vast Tray' })).toBeVisible();

  await field.fill(GOOD_KEY);
  await page.getByRole('button', { name: 'Check and save' }).click();
  await expect(page.getByRole('table', { name: 'Instances' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'train-llama-ft', exact: true })).toBeVisible();
  await page.goto('/#settings');
  await expect(page.getByText(`A key ending in ••••${GOOD_KEY.slice(-4)} is saved.`)).toBeVisible();
});

test('the demo runs on simulated data, clearly labelled', async ({ loggedIn: page }) => {
  await rpc(page.request, 'clearKey');
  await page.goto('/');
  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByRole('banner').getByText('Demo data')).toBeVisible();
  await expect(page.getByRole('button', { name: 'train-llama-ft', exact: true })).toBeVisible();
});
