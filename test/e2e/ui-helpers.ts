// Helpers for the UI specs: where things are on the dashboard and popover pages, and axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** A row of the dashboard's fleet table. */
export function tableRow(page: Page, id: number): Locator {
  return page.locator(`table.fleet-table tr[data-instance="${id}"]`);
}

/** A row of the popover. */
export function popoverRow(page: Page, id: number): Locator {
  return page.locator(`li.prow[data-instance="${id}"]`);
}

export async function openDashboard(page: Page, hash = ''): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.locator('.dashboard')).toBeVisible();
}

export async function openPopover(page: Page): Promise<void> {
  await page.setViewportSize({ width: 360, height: 480 });
  await page.goto('/popover.html');
  await expect(page.getByRole('heading', { name: 'Vast Tray', level: 1 })).toBeVisible();
}

/** Serious and critical axe violations (WCAG 2.1 A/AA), described so a failure says what to fix. */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
