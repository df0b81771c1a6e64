import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DisplayState } from '../../../preload/models';
import { PopoverApp } from '../../../renderer/src/popover/PopoverApp';
import { deferred, installBridge, ok, outcome } from './fake-bridge';
import { DAY, NOW, NO_KEY, instance, paused, running, snapshot } from './fixtures';

/** Each display state: its badge text, its button, and whether the button can be pressed. */
const STATES: [DisplayState, string, string, boolean][] = [
  ['running', 'Running', 'Pause', true],
  ['starting', 'Starting', 'Pause', true],
  ['scheduling', 'Waiting for GPU', 'Pause', true],
  ['pausing', 'Pausing', 'Pausing…', false],
  ['resuming', 'Resuming', 'Resuming…', false],
  ['paused', 'Paused', 'Resume', true],
  ['crashed', 'Crashed', 'Pause', true],
  ['rebooting', 'Rebooting', 'Rebooting…', false],
  ['frozen', 'Frozen', 'Pause', true],
  ['offline', 'Host offline', 'Pause', true],
  ['unknown', 'Unknown', 'Pause', true],
];

function row(name: string): HTMLElement {
  const item = screen.getByText(name, { selector: '.prow-name' }).closest('li');
  if (!item) throw new Error(`no row for ${name}`);
  return item;
}

describe('popover', () => {
  it.each(STATES)('shows a %s instance with its badge and the right button', async (state, badge, button, enabled) => {
    installBridge({ snapshot: snapshot([instance({ id: 101, label: 'box', name: 'box', state })]) });
    render(<PopoverApp />);
    await screen.findByText('box', { selector: '.prow-name' });
    const item = row('box');
    expect(within(item).getByText(badge)).toBeInTheDocument();
    const pressable = within(item).getByRole('button', { name: new RegExp(`^${button} box$`) });
    if (enabled) expect(pressable).toBeEnabled();
    else expect(pressable).toBeDisabled();
  });

  it('groups rows under Running, Needs attention and Paused', async () => {
    installBridge({
      snapshot: snapshot([
        running({ label: 'trainer', name: 'trainer' }),
        instance({ label: 'broken', name: 'broken', state: 'crashed', statusMessage: 'CUDA error: out of memory' }),
        instance({ label: 'queued', name: 'queued', state: 'scheduling', waitingSince: NOW - 12 * 60_000 }),
        paused({ label: 'idle', name: 'idle' }),
      ]),
    });
    render(<PopoverApp />);
    const section = (name: RegExp) => screen.getByRole('region', { name });
    await screen.findByText('trainer');
    expect(within(section(/^Running/)).getByText('trainer')).toBeInTheDocument();
    expect(within(section(/^Needs attention/)).getByText('broken')).toBeInTheDocument();
    expect(within(section(/^Needs attention/)).getByText('queued')).toBeInTheDocument();
    expect(within(section(/^Paused/)).getByText('idle')).toBeInTheDocument();
    // A crashed row says why; a queued resume says how long it has waited; a paused one for how long.
    expect(within(row('broken')).getByText('CUDA error: out of memory')).toBeInTheDocument();
    expect(within(row('queued')).getByText('waiting 12m')).toBeInTheDocument();
    expect(within(row('idle')).getByText('paused 3d')).toBeInTheDocument();
    expect(within(row('trainer')).getByText('up 5h 12m')).toBeInTheDocument();
  });

  it('shows the pending state the moment Pause is clicked, then settles on the outcome', async () => {
    const target = running({ id: 24819031, label: 'train-llama-ft', name: 'train-llama-ft' });
    const bridge = installBridge({ snapshot: snapshot([target]) });
    const pending = deferred<ReturnType<typeof ok<ReturnType<typeof outcome>>>>();
    bridge.pauseInstance.mockReturnValueOnce(pending.promise);
    render(<PopoverApp />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Pause train-llama-ft' }));

    // The command has not answered, and no fleet event has come: the row already says Pausing.
    expect(bridge.pauseInstance).toHaveBeenCalledWith(24819031);
    expect(within(row('train-llama-ft')).getByText('Pausing')).toBeInTheDocument();
    expect(within(row('train-llama-ft')).getByRole('button', { name: 'Pausing… train-llama-ft' })).toBeDisabled();

    await waitFor(() => expect(bridge.onFleetChanged).toHaveBeenCalled());
    await act(async () => {
      bridge.emitFleet(snapshot([{ ...target, state: 'paused', pausedSince: NOW, price: { ...target.price, burnPerHour: 0.03 } }]));
      pending.resolve(ok(outcome(24819031, 'pause')));
    });
    expect(await screen.findByRole('button', { name: 'Resume train-llama-ft' })).toBeEnabled();
    expect(within(screen.getByRole('region', { name: /^Paused/ })).getByText('train-llama-ft')).toBeInTheDocument();
  });

  it('explains a failed action under the row instead of dropping it', async () => {
    const bridge = installBridge({ snapshot: snapshot([paused({ id: 777, label: 'sd', name: 'sd' })]) });
    bridge.resumeInstance.mockResolvedValueOnce(
      ok(outcome(777, 'resume', 'failed', { code: 'busy', message: 'Another action is already running on instance 777' })),
    );
    render(<PopoverApp />);
    await userEvent.click(await screen.findByRole('button', { name: 'Resume sd' }));
    expect(await within(row('sd')).findByRole('alert')).toHaveTextContent('Could not resume sd: Another action is already running on instance 777');
    expect(within(row('sd')).getByRole('button', { name: 'Resume sd' })).toBeEnabled();
  });

  it('sums burn, credit and runway in the footer and opens the dashboard through the bridge', async () => {
    const bridge = installBridge({ snapshot: snapshot([running({ price: { runningPerHour: 1.24, storagePerHour: 0.02, storagePerGbMonth: 0.2, burnPerHour: 1.24 } })]) });
    render(<PopoverApp />);
    const footer = (await screen.findByText('Burn')).closest('footer') as HTMLElement;
    expect(within(footer).getByText('$1.24/h')).toBeInTheDocument();
    expect(within(footer).getByText('$42.17')).toBeInTheDocument();
    expect(within(footer).getByText('≈ 34h')).toBeInTheDocument();
    await userEvent.click(within(footer).getByRole('link', { name: 'Open dashboard' }));
    expect(bridge.openDashboard).toHaveBeenCalledTimes(1);
  });

  it('labels demo data', async () => {
    installBridge({ snapshot: snapshot([running()], { demo: true }) });
    render(<PopoverApp />);
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
  });

  describe('never shows a blank list', () => {
    const since = NOW - DAY;
    it('says so when the fleet is empty', async () => {
      installBridge({ snapshot: snapshot([]) });
      render(<PopoverApp />);
      expect(await screen.findByText('No instances on this account.')).toBeInTheDocument();
    });

    it('says Vast cannot be reached when offline, with the retry time', async () => {
      installBridge({
        snapshot: snapshot([], { connection: { status: 'offline', message: 'getaddrinfo ENOTFOUND console.vast.ai', since, nextRetryAt: Date.now() + 30_000 } }),
      });
      render(<PopoverApp />);
      const banner = await screen.findByText("Can't reach Vast");
      expect(banner.closest('[data-connection]')).toHaveTextContent(/getaddrinfo ENOTFOUND console\.vast\.ai Retrying in (29|30) s\./);
    });

    it('says the key was rejected, with a way to enter a new one', async () => {
      const bridge = installBridge({
        snapshot: snapshot([], { connection: { status: 'auth_failed', message: 'Vast rejected the API key. Enter a new key in Settings.', since, nextRetryAt: null } }),
      });
      render(<PopoverApp />);
      expect(await screen.findByRole('alert')).toHaveTextContent('Vast rejected your API key');
      await userEvent.click(screen.getByRole('link', { name: 'Enter a new key' }));
      expect(bridge.openDashboard).toHaveBeenCalledWith({ view: 'settings' });
    });

    it('tells a missing permission (403) apart from a rejected key', async () => {
      installBridge({
        snapshot: snapshot([], {
          connection: {
            status: 'auth_failed',
            message: 'The API key lacks a permission Vast Tray needs (instance_read, instance_write, user_read).',
            since,
            nextRetryAt: null,
          },
        }),
      });
      render(<PopoverApp />);
      expect(await screen.findByRole('alert')).toHaveTextContent('Your API key lacks a permission');
    });

    it('says Vast is rate limiting, and keeps showing the last known rows', async () => {
      installBridge({
        snapshot: snapshot([running({ label: 'still-here', name: 'still-here' })], {
          connection: { status: 'rate_limited', message: 'HTTP 429', since, nextRetryAt: Date.now() + 10_000 },
        }),
      });
      render(<PopoverApp />);
      expect(await screen.findByText('Vast asked us to slow down')).toBeInTheDocument();
      expect(screen.getByText('still-here')).toBeInTheDocument();
    });

    it('asks for a key when there is none', async () => {
      installBridge({ keyStatus: NO_KEY, snapshot: snapshot([], { connection: { status: 'no_key', message: null, since, nextRetryAt: null } }) });
      render(<PopoverApp />);
      expect(await screen.findByText('Add your Vast API key to start watching your GPUs.')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Set up Vast Tray' })).toBeInTheDocument();
    });
  });
});
