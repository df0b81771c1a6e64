// axe-core on every face, in light and dark: no serious or critical violations.
import { GOOD_KEY } from './e2e-env';
import { openDashboard, openPopover, seriousViolations } from './ui-helpers';
import { expect, FLEET, rpc, test } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('popover', async ({ loggedIn: page }) => {
      await openPopover(page);
      await expect(page.getByText('train-llama-ft')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('dashboard with details panel', async ({ loggedIn: page }) => {
      await openDashboard(page, `#instance/${FLEET.running}`);
      await expect(page.getByRole('complementary', { name: 'train-llama-ft' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('destroy and label dialogs', async ({ loggedIn: page }) => {
      await openDashboard(page, `#instance/${FLEET.paused}`);
      await page.getByRole('button', { name: 'Destroy…' }).click();
      await page.getByRole('button', { name: 'Take a snapshot first…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await seriousViolations(page, '.modal')).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Edit label' }).click();
      await expect(page.getByRole('dialog', { name: /Edit the label/ })).toBeVisible();
      expect(await seriousViolations(page, '.modal')).toEqual([]);
    });

    test('settings and history', async ({ loggedIn: page }) => {
      await page.goto('/#settings');
      await expect(page.getByText('http://127.0.0.1:18767')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto('/#history');
      await expect(page.getByRole('heading', { name: 'Action history' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('onboarding, with an error shown', async ({ loggedIn: page }) => {
      await rpc(page.request, 'clearKey');
      await page.goto('/');
      await page.getByLabel('Vast API key').fill('not-a-real-key-0000');
      await page.getByRole('button', { name: 'Check and save' }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await rpc(page.request, 'setKey', GOOD_KEY);
    });

    test('login screen', async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Log in to Vast Tray' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  });
}
