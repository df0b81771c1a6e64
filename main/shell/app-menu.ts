// The application menu. macOS needs one for the Edit shortcuts (⌘C in the SSH command field,
// ⌘V in the API key field) to work at all; Windows and Linux windows need none (copy and paste
// work without it, and the default one would offer a reload and the developer tools).
import { Menu } from 'electron';

export function installAppMenu(platform: NodeJS.Platform): void {
  if (platform !== 'darwin') {
    Menu.setApplicationMenu(null);
    return;
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
}
