import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DashboardApp } from '../../../renderer/src/dashboard/DashboardApp';
import { installBridge, ok } from './fake-bridge';
import { NO_KEY, NOW, STORED_KEY, running, snapshot } from './fixtures';

const noKeyFleet = () => snapshot([], { connection: { status: 'no_key', message: null, since: NOW, nextRetryAt: null } });

describe('onboarding', () => {
  it('explains where to create a key and the three scopes it needs', async () => {
    const bridge = installBridge({ keyStatus: NO_KEY, snapshot: noKeyFleet() });
    render(<DashboardApp />);
    expect(await screen.findByRole('heading', { name: 'Welcome to Vast Tray' })).toBeInTheDocument();
    for (const scope of ['instance_read', 'instance_write', 'user_read']) expect(screen.getByText(scope)).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /Keys page/ });
    expect(link).toHaveAttribute('href', 'https://cloud.vast.ai/manage-keys/');
    await userEvent.click(link);
    expect(bridge.openExternal).toHaveBeenCalledWith('https://cloud.vast.ai/manage-keys/');
    // The key field is masked until the user asks to see it.
    expect(screen.getByLabelText('Vast API key')).toHaveAttribute('type', 'password');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByLabelText('Vast API key')).toHaveAttribute('type', 'text');
  });

  it('refuses a wrong key with the reason, then accepts the right one and shows the fleet', async () => {
    const bridge = installBridge({ keyStatus: NO_KEY, snapshot: noKeyFleet() });
    const reason = "Vast rejected this key (401). Check that you copied all of it, or create a new one on Vast's Keys page.";
    bridge.testKey.mockResolvedValueOnce(ok({ valid: false, code: 'auth', message: reason, account: null }));
    render(<DashboardApp />);
    const user = userEvent.setup();
    const field = await screen.findByLabelText('Vast API key');

    await user.type(field, 'wrong-key-123');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(reason);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.testKey).toHaveBeenCalledWith('wrong-key-123');
    expect(bridge.setKey).not.toHaveBeenCalled();

    // The right key: checked, stored, and the dashboard replaces the welcome screen.
    bridge.refresh.mockResolvedValue(ok(snapshot([running({ label: 'train-llama-ft', name: 'train-llama-ft' })])));
    await user.clear(field);
    await user.type(field, '  right-key-abcd  ');
    await user.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(bridge.testKey).toHaveBeenLastCalledWith('right-key-abcd');
    expect(bridge.setKey).toHaveBeenCalledWith('right-key-abcd');
    expect(await screen.findByRole('button', { name: 'train-llama-ft' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Welcome to Vast Tray' })).not.toBeInTheDocument();
  });

  it('leaves onboarding when a key is set elsewhere (another window, the tray, the local API)', async () => {
    const bridge = installBridge({ keyStatus: NO_KEY, snapshot: noKeyFleet() });
    render(<DashboardApp />);
    expect(await screen.findByRole('heading', { name: 'Welcome to Vast Tray' })).toBeInTheDocument();
    bridge.state.keyStatus = STORED_KEY;
    act(() => bridge.emitFleet(snapshot([running({ label: 'set-elsewhere', name: 'set-elsewhere' })])));
    expect(await screen.findByRole('button', { name: 'set-elsewhere' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Welcome to Vast Tray' })).not.toBeInTheDocument();
  });

  it('explains a 403 (a missing scope) in the words the core gives', async () => {
    const bridge = installBridge({ keyStatus: NO_KEY, snapshot: noKeyFleet() });
    const reason = 'This key works but lacks a permission Vast Tray needs (403). Give it instance_read, instance_write and user_read.';
    bridge.testKey.mockResolvedValueOnce(ok({ valid: false, code: 'auth', message: reason, account: null }));
    render(<DashboardApp />);
    await userEvent.type(await screen.findByLabelText('Vast API key'), 'scoped-key-0000');
    await userEvent.click(screen.getByRole('button', { name: 'Check and save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('(403)');
  });

  it('asks for a key before calling Vast', async () => {
    const bridge = installBridge({ keyStatus: NO_KEY, snapshot: noKeyFleet() });
    render(<DashboardApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Check and save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Paste your API key first.');
    expect(bridge.testKey).not.toHaveBeenCalled();
  });

  it('starts the demo, clearly labelled', async () => {
    const bridge = installBridge({ keyStatus: NO_KEY, snapshot: noKeyFleet() });
    bridge.refresh.mockResolvedValue(ok(snapshot([running({ label: 'demo-box', name: 'demo-box' })], { demo: true })));
    render(<DashboardApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try the demo' }));
    expect(bridge.startDemo).toHaveBeenCalled();
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'demo-box' })).toBeInTheDocument();
  });
});
