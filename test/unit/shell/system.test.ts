// Sleep/wake reaches the core; launch at login uses the OS login items on macOS and Windows and an
// XDG autostart entry on Linux (written to a temporary XDG_CONFIG_HOME here).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autostartPath, desktopEntry, quoteExecArgument, setLaunchAtLogin } from '../../../main/shell/login-items.js';
import { followPower } from '../../../main/shell/power.js';
import { installAppMenu } from '../../../main/shell/app-menu.js';
import { FakeMenu, app, powerMonitor, resetFakeElectron } from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

beforeEach(() => {
  resetFakeElectron();
});

describe('followPower', () => {
  it('suspends the fleet on sleep and wakes it on resume, until stopped', () => {
    const fleet = { suspend: vi.fn(), wake: vi.fn() };
    const stop = followPower(fleet);
    powerMonitor.emit('suspend');
    expect(fleet.suspend).toHaveBeenCalledTimes(1);
    expect(fleet.wake).not.toHaveBeenCalled();
    powerMonitor.emit('resume');
    expect(fleet.wake).toHaveBeenCalledTimes(1);
    stop();
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    expect(fleet.suspend).toHaveBeenCalledTimes(1);
    expect(fleet.wake).toHaveBeenCalledTimes(1);
  });
});

describe('setLaunchAtLogin', () => {
  let configHome: string;

  beforeEach(async () => {
    configHome = await mkdtemp(join(tmpdir(), 'vast-tray-autostart-'));
  });

  afterEach(async () => {
    await rm(configHome, { recursive: true, force: true });
  });

  it('macOS: the login item', async () => {
    await setLaunchAtLogin(true, { platform: 'darwin', command: ['/Applications/Vast Tray.app/Contents/MacOS/Vast Tray'], configHome });
    await setLaunchAtLogin(false, { platform: 'darwin', command: [], configHome });
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('Windows: the login item, for this executable', async () => {
    await setLaunchAtLogin(true, { platform: 'win32', command: ['C:\\Program Files\\Vast Tray\\Vast Tray.exe'], configHome });
    expect(app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({ openAtLogin: true, path: 'C:\\Program Files\\Vast Tray\\Vast Tray.exe', args: [] });
  });

  it('Linux: writes and removes an XDG autostart entry', async () => {
    const env = { platform: 'linux' as const, command: ['/home/ada/Apps/Vast Tray-0.1.0.AppImage'], configHome };
    await setLaunchAtLogin(true, env);
    const file = autostartPath(env);
    expect(file).toBe(join(configHome, 'autostart', 'ai.vasttray.app.desktop'));
    expect(await readFile(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Vast Tray',
        'Comment=See what your Vast.ai GPUs cost, from the system tray',
        'Exec="/home/ada/Apps/Vast Tray-0.1.0.AppImage"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect((await stat(file)).mode & 0o022).toBe(0); // nobody else may rewrite what runs at login
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();

    await setLaunchAtLogin(false, env);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(setLaunchAtLogin(false, env)).resolves.toBeUndefined();
  });

  it('quotes Exec arguments the way the Desktop Entry spec says', () => {
    expect(quoteExecArgument('/usr/bin/vast-tray')).toBe('/usr/bin/vast-tray');
    expect(quoteExecArgument('/opt/Vast Tray/vast-tray')).toBe('"/opt/Vast Tray/vast-tray"');
    expect(quoteExecArgument('/home/ada/100%/app')).toBe('/home/ada/100%%/app');
    expect(quoteExecArgument('/tmp/$HOME/a"b')).toBe('"/tmp/\\\\$HOME/a\\\\"b"');
    expect(quoteExecArgument('C:\\x')).toBe('"C:\\\\\\\\x"');
    expect(() => quoteExecArgument('/tmp/a\nb')).toThrow();
    expect(desktopEntry(['/usr/lib/electron', '/home/ada/vast tray'])).toContain('Exec=/usr/lib/electron "/home/ada/vast tray"');
  });
});

describe('installAppMenu', () => {
  it('macOS gets an Edit menu (for ⌘C/⌘V); the others none', () => {
    installAppMenu('darwin');
    const menu = FakeMenu.setApplicationMenu.mock.calls[0]![0];
    expect(menu?.template).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
    installAppMenu('linux');
    installAppMenu('win32');
    expect(FakeMenu.setApplicationMenu.mock.calls.slice(1)).toEqual([[null], [null]]);
  });
});
