// Screenshots of the popover and the dashboard, light and dark, for the README (and for a person
// to look at): test/e2e/screenshots/{popover,dashboard}-{light,dark}.png.
import { openDashboard, openPopover } from './ui-helpers';
import { expect, test } from './fixtures';

const DIR = 'test/e2e/screenshots';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`popover and dashboard, ${colorScheme}`, async ({ loggedIn: page }) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await openPopover(page);
    await expect(page.getByText('train-llama-ft')).toBeVisible();
    await page.screenshot({ path: `${DIR}/popover-${colorScheme}.png` });

    await page.setViewportSize({ width: 1280, height: 720 });
    await openDashboard(page);
    await expect(page.getByRole('banner').getByText('Connected')).toBeVisible();
    await expect(page.getByRole('button', { name: 'train-llama-ft', exact: true })).toBeVisible();
    await page.screenshot({ path: `${DIR}/dashboard-${colorScheme}.png` });
  });
}
