// Debian's Chromium, as every browser test here launches it: no browser download, and the flags
// this machine's closed network needs (without the background-networking ones, Chromium keeps
// trying to reach Google and gets refused).
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
