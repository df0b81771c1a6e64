// Where the e2e servers listen and the secrets they use. Shared by playwright.config.ts, the server
// script and the specs. Test values only.
export const APP_PORT = 18767;
export const SIM_PORT = 18768;
export const CONTROL_PORT = 18769;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const SIM_URL = `http://127.0.0.1:${SIM_PORT}`;
/** A test-only helper beside the app: hands out one-time login links. Not part of the app. */
export const CONTROL_URL = `http://127.0.0.1:${CONTROL_PORT}`;
/** The local API token the e2e app starts with. */
export const LOCAL_TOKEN = 'e2e-local-api-token-0123456789abcdef';
/** The Vast key the simulator accepts. */
export const GOOD_KEY = 'e2e-good-vast-key-7a1c';

export const FLEET = {
  running: 24819031,
  paused: 24820377,
  scheduling: 24801166,
  crashed: 24822508,
  offline: 24825590,
  running2: 24826114,
  longPaused: 24790042,
} as const;
