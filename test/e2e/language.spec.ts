// The language setting switches every face at once, and back.
import { openPopover } from './ui-helpers';
import { expect, test } from './fixtures';

test('switches the dashboard and the popover to Portuguese and back', async ({ loggedIn: page }) => {
  await page.goto('/#settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pt-BR');
  await expect(page.getByRole('heading', { name: 'Configurações', level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Instâncias' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');

  // The setting lives in main: a fresh page, and the popover, speak Portuguese too.
  await page.getByRole('link', { name: 'Instâncias' }).click();
  await expect(page.getByRole('columnheader', { name: 'Estado' })).toBeVisible();
  await expect(page.getByText('Travou').first()).toBeVisible();
  await openPopover(page);
  await expect(page.getByRole('heading', { name: /^Rodando/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Precisam de atenção/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Abrir painel' })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#settings');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
});
