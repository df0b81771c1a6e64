// Facts about the app that more than one module needs. The version comes from package.json so
// that the User-Agent, the About text and the installer never disagree.
import packageJson from '../package.json' with { type: 'json' };

export const APP_NAME = 'Vast Tray';
export const APP_ID = 'ai.vasttray.app';
export const APP_VERSION: string = packageJson.version;
