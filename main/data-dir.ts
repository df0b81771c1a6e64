// Where the app keeps its files: the same folder Electron's `app.getPath('userData')` gives for
// productName "Vast Tray", so browser mode and the desktop app share settings and history.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAME } from './app-info.js';

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_NAME);
}
