import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '../../../renderer/src/dashboard/DashboardApp';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { installBridge } from './fake-bridge';
import { running, settings, snapshot } from './fixtures';

async function openSettings() {
  window.location.hash = '#settings';
  const bridge = installBridge({ snapshot: snapshot([running()]) });
  render(<DashboardApp />);
  await screen.findByRole('heading', { name: 'Settings', level: 2 });
  return { bridge, user: userEvent.setup() };
}

describe('settings', () => {
  it('shows only the last 4 characters of the key', async () => {
    await openSettings();
    expect(screen.getByText('A key ending in ••••a1b2 is saved.')).toBeInTheDocument();
    expect(screen.getByText('It is kept in the system keychain.')).toBeInTheDocument();
  });

  it('sends each toggle to main as a patch', async () => {
    const { bridge, user } = await openSettings();
    await user.click(screen.getByRole('checkbox', { name: 'Start Vast Tray when I log in' }));
    expect(bridge.updateSettings).toHaveBeenLastCalledWith({ launchAtLogin: true });
    await user.click(screen.getByRole('checkbox', { name: 'A host went offline' }));
    expect(bridge.updateSettings).toHaveBeenLastCalledWith({ notifications: { kinds: { hostOffline: false } } });
    await user.click(screen.getByRole('checkbox', { name: 'Show notifications' }));
    expect(bridge.updateSettings).toHaveBeenLastCalledWith({ notifications: { enabled: false } });
    expect(await screen.findByText('Saved')).toBeInTheDocument();
  });

  it('commits a number only when it is in range', async () => {
    const { bridge, user } = await openSettings();
    const field = screen.getByRole('spinbutton', { name: 'While a window is open' });
    await user.clear(field);
    await user.type(field, '2{Enter}');
    expect(await screen.findByText('Enter a whole number from 5 to 600.')).toBeInTheDocument();
    expect(bridge.updateSettings).not.toHaveBeenCalled();

    await user.clear(field);
    await user.type(field, '30');
    await user.tab();
    expect(bridge.updateSettings).toHaveBeenCalledWith({ refresh: { normalSeconds: 30 } });

    const credit = screen.getByRole('spinbutton', { name: 'Low credit below' });
    await user.clear(credit);
    await user.type(credit, '12.5{Enter}');
    expect(bridge.updateSettings).toHaveBeenLastCalledWith({ lowCreditDollars: 12.5 });
  });

  it('switches the whole UI to Portuguese and back', async () => {
    const { bridge, user } = await openSettings();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'pt-BR');
    expect(bridge.updateSettings).toHaveBeenCalledWith({ language: 'pt-BR' });
    expect(await screen.findByRole('heading', { name: 'Configurações', level: 2 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Instâncias' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('pt-BR');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Idioma' }), 'en');
    expect(await screen.findByRole('heading', { name: 'Settings', level: 2 })).toBeInTheDocument();
  });

  it('follows a language change made elsewhere (another window)', async () => {
    const { bridge } = await openSettings();
    // The provider subscribes in an effect after its first render; the event comes after that.
    await waitFor(() => expect(bridge.onSettingsChanged).toHaveBeenCalled());
    act(() => bridge.emitSettings(settings({ language: 'pt-BR' })));
    expect(await screen.findByRole('heading', { name: 'Configurações', level: 2 })).toBeInTheDocument();
    expect(i18n.language).toBe('pt-BR');
  });

  it('shows, copies and regenerates the local API token', async () => {
    const { bridge, user } = await openSettings();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const section = screen.getByRole('region', { name: 'Local API and browser dashboard' });
    expect(await within(section).findByText('http://127.0.0.1:8766')).toBeInTheDocument();
    expect(within(section).queryByText('tok-123456789')).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Show' }));
    expect(within(section).getByText('tok-123456789')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Copy: Login token' }));
    expect(writeText).toHaveBeenCalledWith('tok-123456789');
    await user.click(within(section).getByRole('button', { name: 'New token' }));
    expect(bridge.regenerateLocalApiToken).toHaveBeenCalled();
    expect(await within(section).findByText('tok-NEW')).toBeInTheDocument();

    await user.click(within(section).getByRole('checkbox', { name: 'Turn on the local API' }));
    expect(bridge.updateSettings).toHaveBeenLastCalledWith({ localApi: { enabled: true } });
  });

  it('removes the key only after a confirmation, then shows onboarding', async () => {
    const { bridge, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove the API key?' });
    expect(bridge.clearKey).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Remove key' }));
    expect(bridge.clearKey).toHaveBeenCalled();
    expect(await screen.findByRole('heading', { name: 'Welcome to Vast Tray' })).toBeInTheDocument();
  });

  it('opens the key form at once when Vast rejected the key', async () => {
    window.location.hash = '#settings';
    installBridge({ snapshot: snapshot([], { connection: { status: 'auth_failed', message: 'rejected', since: 0, nextRetryAt: null } }) });
    render(<DashboardApp />);
    expect(await screen.findByLabelText('New API key')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Vast rejected your API key');
  });

  it('replaces the key through the same check', async () => {
    const { bridge, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Replace key…' }));
    await user.type(screen.getByLabelText('New API key'), 'new-key-wxyz');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(bridge.testKey).toHaveBeenCalledWith('new-key-wxyz');
    expect(await screen.findByText('A key ending in ••••wxyz is saved.')).toBeInTheDocument();
    expect(screen.getByText('New key saved.')).toBeInTheDocument();
  });
});
