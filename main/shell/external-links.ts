// The only way anything leaves the app for the browser: https:// links, opened by main.
import { shell } from 'electron';

/** https:// with a host and no credentials; everything else (http, file, javascript, custom schemes) is refused. */
export function isOpenableExternally(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Opens `url` in the user's browser when it is https://; says whether it did. */
export async function openExternalHttps(url: string): Promise<boolean> {
  if (!isOpenableExternally(url)) return false;
  await shell.openExternal(url);
  return true;
}
