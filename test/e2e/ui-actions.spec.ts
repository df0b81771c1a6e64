// The UI against the simulator: pause, resume through "waiting for GPU", destroy behind a typed id.
import { popoverRow, tableRow, openDashboard, openPopover } from './ui-helpers';
import { expect, FLEET, sim, test } from './fixtures';

test('pauses a running instance from the dashboard and sees it paused', async ({ loggedIn: page }) => {
  await openDashboard(page);
  const row = tableRow(page, FLEET.running);
  await row.getByRole('button', { name: 'Pause train-llama-ft' }).click();
  // Pending at once, the button disabled until the outcome.
  await expect(row.getByRole('button', { name: 'Pausing… train-llama-ft' })).toBeDisabled();
  await expect(row.getByText('Pausing', { exact: true })).toBeVisible();
  // Then what Vast reports.
  await expect(row.getByText('Paused', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Resume train-llama-ft' })).toBeEnabled();
  await page.goto('/#history');
  await expect(page.getByRole('row', { name: /train-llama-ft.*Pause.*Done/ })).toBeVisible();
});

test('pauses from the popover, where the row moves to Paused', async ({ loggedIn: page }) => {
  await openPopover(page);
  const row = popoverRow(page, FLEET.running2);
  await row.getByRole('button', { name: /^Pause / }).click();
  await expect(row.getByText('Pausing', { exact: true })).toBeVisible();
  const paused = page.getByRole('region', { name: /^Paused/ });
  await expect(paused.locator(`li[data-instance="${FLEET.running2}"]`).getByText('Paused', { exact: true })).toBeVisible();
});

test('resumes a paused instance into "waiting for GPU", then ready once the GPU is free', async ({ loggedIn: page }) => {
  await sim(page.request, `instances/${FLEET.paused}`, { event: 'take_gpu' });
  await openDashboard(page);
  const row = tableRow(page, FLEET.paused);
  await row.getByRole('button', { name: 'Resume sd-xl-batch' }).click();
  // Vast answers at once that the GPU is taken, so "Resuming" may be too brief to see.
  await expect(row.getByText('Waiting for GPU', { exact: true })).toBeVisible();
  await expect(row.getByText(/^waiting \d+m$/)).toBeVisible();

  await sim(page.request, `instances/${FLEET.paused}`, { event: 'free_gpu' });
  await expect(row.getByText('Running', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Pause sd-xl-batch' })).toBeEnabled();
});

test('destroys an instance only after its id is typed', async ({ loggedIn: page }) => {
  await openDashboard(page, `#instance/${FLEET.longPaused}`);
  const details = page.getByRole('complementary', { name: 'old-finetune' });
  await details.getByRole('button', { name: 'Destroy…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Destroy old-finetune?' });
  await expect(dialog).toContainText('everything on its disk');
  await expect(dialog.getByRole('button', { name: 'Take a snapshot first…' })).toBeVisible();
  const confirm = dialog.getByRole('button', { name: `Destroy ${FLEET.longPaused}` });
  const field = dialog.getByRole('textbox', { name: /type the instance id/ });
  await expect(confirm).toBeDisabled();
  await field.fill(String(FLEET.longPaused).slice(0, -1));
  await expect(confirm).toBeDisabled();
  await field.fill(String(FLEET.paused));
  await expect(confirm).toBeDisabled();
  await field.fill(String(FLEET.longPaused));
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(tableRow(page, FLEET.longPaused)).toHaveCount(0);
  await expect(tableRow(page, FLEET.paused)).toBeVisible();
});
