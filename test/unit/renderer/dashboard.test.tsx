import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ActionRecord } from '../../../preload/models';
import { DashboardApp } from '../../../renderer/src/dashboard/DashboardApp';
import { deferred, installBridge, ok, outcome } from './fake-bridge';
import { DAY, NOW, instance, paused, running, settings, snapshot } from './fixtures';

const fleet = () => [
  running({ id: 24819031, label: 'train-llama-ft', name: 'train-llama-ft', price: { runningPerHour: 0.74, storagePerHour: 0.03, storagePerGbMonth: 0.2, burnPerHour: 0.74 } }),
  running({ id: 24826114, label: 'cheap-runner', name: 'cheap-runner', price: { runningPerHour: 0.2, storagePerHour: 0.01, storagePerGbMonth: 0.2, burnPerHour: 0.2 } }),
  paused({ id: 24820377, label: 'sd-xl-batch', name: 'sd-xl-batch' }),
  paused({
    id: 24790042,
    label: 'old-finetune',
    name: 'old-finetune',
    pausedSince: NOW - 12 * DAY,
    disk: { sizeGb: 200, usedGb: 150, utilFraction: 0.75 },
    price: { runningPerHour: 1.1, storagePerHour: 0.0556, storagePerGbMonth: 0.2, burnPerHour: 0.0556 },
  }),
  instance({ id: 24822508, label: 'h100-eval', name: 'h100-eval', state: 'crashed', statusMessage: 'Error: CUDA out of memory' }),
];

/** The names in table order. */
function tableNames(): string[] {
  const table = screen.getByRole('table', { name: 'Instances' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-instance'))
    .filter((id): id is string => id !== null)
    .map((id) => within(table).getByText(`#${id}`).previousElementSibling?.textContent ?? '');
}

async function renderDashboard(instances = fleet()) {
  const bridge = installBridge({ snapshot: snapshot(instances) });
  render(<DashboardApp />);
  await screen.findByRole('table', { name: 'Instances' });
  return bridge;
}

describe('dashboard', () => {
  it('shows burn, credit, runway and the connection state in the header, and refreshes on demand', async () => {
    const bridge = await renderDashboard();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Credit').nextElementSibling).toHaveTextContent('$42.17');
    expect(within(header).getByText('Connected')).toBeInTheDocument();
    await userEvent.click(within(header).getByRole('button', { name: 'Refresh now' }));
    expect(bridge.refresh).toHaveBeenCalled();
  });

  it('sorts by a column and filters by text and by group', async () => {
    await renderDashboard();
    const user = userEvent.setup();
    // Default order: what needs attention first, paused last.
    expect(tableNames()[0]).toBe('h100-eval');

    await user.click(screen.getByRole('button', { name: /\$\/h now/ }));
    expect(screen.getByRole('columnheader', { name: /\$\/h now/ })).toHaveAttribute('aria-sort', 'descending');
    expect(tableNames().slice(0, 2)).toEqual(['train-llama-ft', 'h100-eval']);
    await user.click(screen.getByRole('button', { name: /\$\/h now/ }));
    expect(screen.getByRole('columnheader', { name: /\$\/h now/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(tableNames()[0]).toBe('sd-xl-batch');

    await user.type(screen.getByRole('searchbox', { name: 'Filter instances' }), 'llama');
    expect(tableNames()).toEqual(['train-llama-ft']);
    await user.clear(screen.getByRole('searchbox', { name: 'Filter instances' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'paused');
    expect(tableNames().sort()).toEqual(['old-finetune', 'sd-xl-batch']);
    expect(screen.getByText('2 of 5 instances')).toBeInTheDocument();
  });

  it('pauses only the selected instances that can be paused, in one bulk call', async () => {
    const bridge = await renderDashboard();
    const user = userEvent.setup();
    const slow = deferred<ReturnType<typeof ok<{ outcomes: ReturnType<typeof outcome>[] }>>>();
    bridge.pauseInstances.mockReturnValueOnce(slow.promise);
    await user.click(screen.getByRole('checkbox', { name: 'Select train-llama-ft' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select cheap-runner' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select sd-xl-batch' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('3 selected')).toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Resume 1' })).toBeEnabled();
    await user.click(within(bar).getByRole('button', { name: 'Pause 2' }));

    expect(bridge.pauseInstances).toHaveBeenCalledWith([24819031, 24826114]);
    // Both rows show Pausing at once, before the bulk call answers.
    const table = screen.getByRole('table', { name: 'Instances' });
    const rowOf = (id: number) => table.querySelector(`tr[data-instance="${id}"]`) as HTMLElement;
    expect(within(rowOf(24819031)).getByText('Pausing')).toBeInTheDocument();
    expect(within(rowOf(24826114)).getByText('Pausing')).toBeInTheDocument();
    await act(async () => slow.resolve(ok({ outcomes: [outcome(24819031, 'pause'), outcome(24826114, 'pause')] })));
  });

  it('selects every shown row with the header checkbox', async () => {
    const bridge = await renderDashboard();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'paused');
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown instances' }));
    await user.click(screen.getByRole('button', { name: 'Resume 2' }));
    expect(bridge.resumeInstances.mock.calls[0]?.[0]).toEqual(expect.arrayContaining([24820377, 24790042]));
  });

  it('shows the details of an instance: SSH with copy, ports, image, disk and storage costs', async () => {
    await renderDashboard();
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await user.click(screen.getByRole('button', { name: 'train-llama-ft' }));
    const details = screen.getByRole('complementary', { name: 'train-llama-ft' });
    expect(window.location.hash).toBe('#instance/24819031');
    expect(within(details).getByText('ssh -p 40022 root@ssh4.vast.ai')).toBeInTheDocument();
    await user.click(within(details).getByRole('button', { name: 'Copy: SSH' }));
    expect(writeText).toHaveBeenCalledWith('ssh -p 40022 root@ssh4.vast.ai');
    expect(await within(details).findByText('Copied')).toBeInTheDocument();
    expect(within(details).getByText('22/tcp')).toBeInTheDocument();
    expect(within(details).getByText('203.0.113.7:40022')).toBeInTheDocument();
    expect(within(details).getByText('pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime')).toBeInTheDocument();
    expect(within(details).getByText('42.5 of 100 GB used')).toBeInTheDocument();
    // 100 GB × $0.20/GB/month = $20/month; the listed hourly price is $0.03/h.
    expect(within(details).getByText('$0.03/h · $20.00/mo')).toBeInTheDocument();
  });

  it('shows paused-since, cost so far and the destroy-after-snapshot saving once paused long enough', async () => {
    await renderDashboard();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'old-finetune' }));
    const details = screen.getByRole('complementary', { name: 'old-finetune' });
    // $0.0556/h × 288 h = $16.01; 200 GB × $0.20 = $40/month.
    expect(within(details).getByText('Cost while paused').nextElementSibling).toHaveTextContent('$16.01');
    expect(within(details).getByText(/Paused for 12 days\..*would save \$40\.00\/mo\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'sd-xl-batch' }));
    const recent = screen.getByRole('complementary', { name: 'sd-xl-batch' });
    expect(within(recent).queryByText(/would save/)).not.toBeInTheDocument();
  });

  it('opens the instance named in the URL hash (notification click, tray)', async () => {
    window.location.hash = '#instance/24822508';
    await renderDashboard();
    expect(screen.getByRole('complementary', { name: 'h100-eval' })).toHaveTextContent('Error: CUDA out of memory');
  });

  it('reboots from the details panel with the pending state shown at once', async () => {
    const bridge = await renderDashboard();
    const slow = deferred<ReturnType<typeof ok<ReturnType<typeof outcome>>>>();
    bridge.rebootInstance.mockReturnValueOnce(slow.promise);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'h100-eval' }));
    const details = screen.getByRole('complementary', { name: 'h100-eval' });
    await user.click(within(details).getByRole('button', { name: 'Reboot' }));
    expect(bridge.rebootInstance).toHaveBeenCalledWith(24822508);
    expect(within(details).getByRole('button', { name: 'Rebooting…' })).toBeDisabled();
    expect(within(details).getByRole('button', { name: 'Destroy…' })).toBeDisabled();
    await act(async () => slow.resolve(ok(outcome(24822508, 'reboot'))));
    expect(within(details).getByRole('button', { name: 'Reboot' })).toBeEnabled();
  });

  it('edits a label', async () => {
    const bridge = await renderDashboard();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'cheap-runner' }));
    await user.click(screen.getByRole('button', { name: 'Edit label' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit the label of cheap-runner' });
    const field = within(dialog).getByRole('textbox', { name: 'Label' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'whisper-api{Enter}');
    expect(bridge.labelInstance).toHaveBeenCalledWith({ id: 24826114, label: 'whisper-api' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  describe('destroy', () => {
    async function openDestroy() {
      const bridge = await renderDashboard();
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'sd-xl-batch' }));
      await user.click(screen.getByRole('button', { name: 'Destroy…' }));
      const dialog = screen.getByRole('dialog', { name: 'Destroy sd-xl-batch?' });
      return { bridge, user, dialog };
    }

    it('says the data is lost and cannot be confirmed without the exact id', async () => {
      const { bridge, user, dialog } = await openDestroy();
      expect(dialog).toHaveTextContent('deletes the instance and everything on its disk');
      const confirm = within(dialog).getByRole('button', { name: 'Destroy 24820377' });
      const field = within(dialog).getByRole('textbox', { name: /type the instance id: 24820377/ });
      expect(confirm).toBeDisabled();

      await user.type(field, '2482037');
      expect(confirm).toBeDisabled();
      await user.type(field, '8');
      expect(confirm).toBeDisabled();
      // Enter in the field does not get around the disabled button.
      await user.type(field, '{Enter}');
      expect(bridge.destroyInstance).not.toHaveBeenCalled();

      await user.clear(field);
      await user.type(field, '24820377');
      expect(confirm).toBeEnabled();
      await user.click(confirm);
      expect(bridge.destroyInstance).toHaveBeenCalledWith({ id: 24820377, confirmation: '24820377' });
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('offers a snapshot first and sends it to the registry given', async () => {
      const { bridge, user, dialog } = await openDestroy();
      await user.click(within(dialog).getByRole('button', { name: 'Take a snapshot first…' }));
      await user.type(within(dialog).getByLabelText('Repository (user/name:tag)'), 'ada/sd-backup:v1');
      await user.type(within(dialog).getByLabelText('Registry username'), 'ada');
      await user.type(within(dialog).getByLabelText('Registry password or access token'), 's3cret');
      await user.click(within(dialog).getByRole('button', { name: 'Start snapshot' }));
      expect(bridge.snapshotInstance).toHaveBeenCalledWith({ id: 24820377, repo: 'ada/sd-backup:v1', registry: undefined, username: 'ada', password: 's3cret' });
      expect(await within(dialog).findByRole('status')).toHaveTextContent('Snapshot of instance 24820377 started');
      expect(bridge.destroyInstance).not.toHaveBeenCalled();
    });

    it('keeps the dialog open with the reason when Vast refuses', async () => {
      const { bridge, user, dialog } = await openDestroy();
      bridge.destroyInstance.mockResolvedValueOnce(ok(outcome(24820377, 'destroy', 'failed', { code: 'network', message: 'Could not reach Vast.' })));
      await user.type(within(dialog).getByRole('textbox', { name: /type the instance id/ }), '24820377');
      await user.click(within(dialog).getByRole('button', { name: 'Destroy 24820377' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('Could not reach Vast.');
    });

    it('moves focus into the snapshot form, and Escape still closes the dialog', async () => {
      const { user, dialog } = await openDestroy();
      await user.click(within(dialog).getByRole('button', { name: 'Take a snapshot first…' }));
      expect(within(dialog).getByLabelText('Repository (user/name:tag)')).toHaveFocus();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      // The details panel behind it stays open.
      expect(screen.getByRole('complementary', { name: 'sd-xl-batch' })).toBeInTheDocument();
    });

    it('closes on Escape and returns focus', async () => {
      const { user } = await openDestroy();
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Destroy…' })).toHaveFocus();
    });
  });

  it('lists the action history, newest first, in words', async () => {
    const records: ActionRecord[] = [
      { actionId: '2', instanceId: 24820377, instanceName: 'sd-xl-batch', kind: 'resume', status: 'queued', code: null, message: 'Instance 24820377 queued: waiting for a GPU', requestedAt: NOW - 60_000, finishedAt: NOW },
      { actionId: '1', instanceId: 24819031, instanceName: 'train-llama-ft', kind: 'pause', status: 'failed', code: 'timeout', message: 'Instance 24819031 did not pause within 5 min', requestedAt: NOW - 3_600_000, finishedAt: NOW - 3_000_000 },
    ];
    const bridge = installBridge({ snapshot: snapshot(fleet()) });
    bridge.getHistory.mockResolvedValue(ok(records));
    window.location.hash = '#history';
    render(<DashboardApp />);
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows[0]).toHaveTextContent('sd-xl-batch');
    expect(rows[0]).toHaveTextContent('Queued');
    expect(rows[1]).toHaveTextContent('Failed');
    expect(rows[1]).toHaveTextContent('did not pause within 5 min');
  });

  it("shows the core's notices as toasts", async () => {
    const bridge = await renderDashboard();
    await waitFor(() => expect(bridge.onNotice).toHaveBeenCalled());
    act(() =>
      bridge.emitNotice({ id: 'n1', kind: 'ready', title: 'sd-xl-batch is running', body: 'Resumed and ready.', instanceId: 24820377, severity: 'success', dedupeKey: 'ready:24820377', at: NOW }),
    );
    const toasts = screen.getByRole('region', { name: 'Notifications' });
    expect(within(toasts).getByText('sd-xl-batch is running')).toBeInTheDocument();
    await userEvent.click(within(toasts).getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('complementary', { name: 'sd-xl-batch' })).toBeInTheDocument();
  });

  it('says so when the fleet is empty, and when Vast is unreachable', async () => {
    installBridge({ snapshot: snapshot([]) });
    const { unmount } = render(<DashboardApp />);
    expect(await screen.findByText('No instances on this account.')).toBeInTheDocument();
    unmount();
    installBridge({ snapshot: snapshot([], { connection: { status: 'offline', message: 'timeout', since: NOW, nextRetryAt: null } }) });
    render(<DashboardApp />);
    expect(await screen.findByText("Can't reach Vast")).toBeInTheDocument();
    expect(screen.getByText('Offline')).toBeInTheDocument();
  });

  it('stays responsive with 1,000 instances: only the visible rows are in the DOM', async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      i % 3 === 0 ? paused({ id: 40_000_000 + i, label: `node-${i}`, name: `node-${i}` }) : running({ id: 40_000_000 + i, label: `node-${i}`, name: `node-${i}`, price: { runningPerHour: i / 100, storagePerHour: 0.01, storagePerGbMonth: 0.2, burnPerHour: i / 100 } }),
    );
    const started = performance.now();
    await renderDashboard(many);
    const firstRender = performance.now() - started;
    const rendered = () => screen.getByRole('table', { name: 'Instances' }).querySelectorAll('tr[data-instance]').length;
    expect(rendered()).toBeGreaterThan(10);
    expect(rendered()).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Instances' })).toHaveAttribute('aria-rowcount', '1001');

    const sortStart = performance.now();
    fireEvent.click(screen.getByRole('button', { name: /\$\/h now/ }));
    const sortTime = performance.now() - sortStart;
    expect(tableNames()[0]).toBe('node-998');
    expect(rendered()).toBeLessThan(60);
    // jsdom is far slower than Chromium; this only catches an accidental O(n²) or full render.
    expect(sortTime).toBeLessThan(1000);
    console.info(`[bench] 1,000 instances: first render ${firstRender.toFixed(0)} ms, sort ${sortTime.toFixed(0)} ms (jsdom)`);
  });

  it('shows the login screen when the local API needs a login, then loads', async () => {
    const bridge = installBridge({ snapshot: snapshot(fleet()), settings: settings() });
    bridge.getSnapshot.mockResolvedValueOnce({ ok: false, code: 'unauthenticated', message: 'Log in to the local API first.' });
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      render(<DashboardApp />);
      const user = userEvent.setup();
      await user.type(await screen.findByLabelText('Local API token'), 'tok-123456789');
      await user.click(screen.getByRole('button', { name: 'Log in' }));
      expect(fetchMock).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: 'tok-123456789' }) }));
      expect(await screen.findByRole('table', { name: 'Instances' })).toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
