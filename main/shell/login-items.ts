// Launch at login: the OS's login items on macOS and Windows (`app.setLoginItemSettings`), an XDG
// autostart entry (~/.config/autostart/<app id>.desktop) on Linux, where Electron has no API.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from 'electron';
import { APP_ID, APP_NAME } from '../app-info.js';

export interface LoginItemEnv {
  platform: NodeJS.Platform;
  /** What starts the app: the AppImage, the executable, or (unpackaged) Electron and the app folder. */
  command: string[];
  /** Linux: $XDG_CONFIG_HOME, else ~/.config. */
  configHome: string;
}

export function currentLoginItemEnv(): LoginItemEnv {
  // An AppImage runs from a temporary mount; $APPIMAGE is the file the user has, which stays put.
  const appImage = process.env['APPIMAGE'];
  const command = appImage ? [appImage] : app.isPackaged ? [process.execPath] : [process.execPath, app.getAppPath()];
  return { platform: process.platform, command, configHome: process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config') };
}

export function autostartPath(env: Pick<LoginItemEnv, 'configHome'>): string {
  return join(env.configHome, 'autostart', `${APP_ID}.desktop`);
}

export async function setLaunchAtLogin(enabled: boolean, env: LoginItemEnv = currentLoginItemEnv()): Promise<void> {
  if (env.platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  if (env.platform === 'win32') {
    const [path, ...args] = env.command;
    app.setLoginItemSettings({ openAtLogin: enabled, ...(path ? { path, args } : {}) });
    return;
  }
  const file = autostartPath(env);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, desktopEntry(env.command), { mode: 0o644 });
}

/** The autostart entry (freedesktop Desktop Entry Specification). */
export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${APP_NAME}`,
    'Comment=See what your Vast.ai GPUs cost, from the system tray',
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * One Exec argument: `%` doubled (field codes), quoted when it holds a reserved character, with
 * `"`, `` ` ``, `$` and `\` escaped inside the quotes; then the string-level escaping of the
 * whole value doubles every backslash (so a literal `\` is written as four).
 */
export function quoteExecArgument(argument: string): string {
  if (/[\r\n]/.test(argument)) throw new Error('A command line for autostart cannot contain a line break.');
  const text = argument.replace(/%/g, '%%');
  if (!/[\s"'\\<>~|&;$*?#()`]/.test(text)) return text;
  const quoted = `"${text.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
  return quoted.replace(/\\/g, '\\\\');
}
