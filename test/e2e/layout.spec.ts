// The popover fits 360×480 without horizontal scrolling, even with many instances, and the
// dashboard stays responsive with 1,000 (measured in Chromium).
import { openDashboard, openPopover } from './ui-helpers';
import { expect, rpc, sim, test } from './fixtures';

test('the popover fits 360×480 with 30 instances: no horizontal scroll, the list scrolls', async ({ loggedIn: page }) => {
  await sim(page.request, 'seed', { fleet: 'large:30', credit: 120 });
  await rpc(page.request, 'refresh');
  await openPopover(page);
  await expect(page.locator('li.prow')).toHaveCount(30);
  const sizes = await page.evaluate(() => {
    const list = document.querySelector('.popover-list') as HTMLElement;
    return { page: document.documentElement.scrollWidth, list: list.scrollWidth, listWidth: list.clientWidth, listHeight: list.clientHeight, content: list.scrollHeight, body: document.documentElement.scrollHeight };
  });
  expect(sizes.page).toBeLessThanOrEqual(360);
  expect(sizes.list).toBeLessThanOrEqual(sizes.listWidth);
  expect(sizes.body).toBeLessThanOrEqual(480);
  expect(sizes.content).toBeGreaterThan(sizes.listHeight);
  // The footer stays in view.
  await expect(page.getByRole('link', { name: 'Open dashboard' })).toBeInViewport();
});

test('the dashboard stays responsive with 1,000 instances', async ({ loggedIn: page }) => {
  await sim(page.request, 'seed', { fleet: 'large:1000', credit: 5000 });
  await rpc(page.request, 'refresh');
  await openDashboard(page);
  await expect(page.getByText('1000 of 1000 instances')).toBeVisible();
  const rendered = page.locator('table.fleet-table tr[data-instance]');
  expect(await rendered.count()).toBeLessThan(80);

  // Sorting re-orders the whole fleet but still renders only a window of rows.
  const priceHeader = page.getByRole('columnheader', { name: /\$\/h now/ });
  await priceHeader.getByRole('button').click();
  await expect(priceHeader).toHaveAttribute('aria-sort', /ascending|descending/);
  expect(await rendered.count()).toBeLessThan(80);
  // Filtering: type, and the count answers. (How fast: `npm run bench`, not a timed test.)
  await page.getByRole('searchbox', { name: 'Filter instances' }).fill('job-0999');
  await expect(page.getByText('1 of 1000 instances')).toBeVisible();
  // Scrolling to the end renders the last rows, still only a window of them.
  await page.getByRole('searchbox', { name: 'Filter instances' }).fill('');
  await page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('table.fleet-table tr[data-instance]').last()).toBeInViewport();
  expect(await rendered.count()).toBeLessThan(80);
});
