// The one way the UI reaches main: `window.vast`. In Electron the preload script puts it there;
// in a plain browser (the local server's dashboard) we build it over HTTP + SSE.
import type { BridgeApi } from '../../../preload/contract';
import { createWebBridge } from './web';

declare global {
  interface Window {
    vast?: BridgeApi;
  }
}

/** True in the browser dashboard, false in an Electron window. */
export function isWebMode(): boolean {
  return typeof window !== 'undefined' && window.vast === undefined;
}

let bridge: BridgeApi | null = null;

export function getBridge(): BridgeApi {
  if (!bridge) bridge = window.vast ?? createWebBridge();
  return bridge;
}

/** Tests install a fake bridge. */
export function setBridge(next: BridgeApi | null): void {
  bridge = next;
}

export { loginWithToken, logout } from './web';
