// DOM test setup: jest-dom matchers, a clean DOM and bridge after each test, English by default,
// and the bits of layout jsdom does not do.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setBridge } from '../../../renderer/src/bridge';
import { i18n } from '../../../renderer/src/i18n/i18n';

// jsdom lays nothing out, so every element measures 0×0 and a virtualized list would render no
// rows. Give scroll containers a window-sized viewport; the virtualizer then renders what fits.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });

beforeEach(async () => {
  await i18n.changeLanguage('en');
  window.location.hash = '';
});

afterEach(() => {
  cleanup();
  setBridge(null);
});
