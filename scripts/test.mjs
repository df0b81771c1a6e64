// `npm test`: every kind of test, in order, each for real. Fails if any part fails, and ends with
// one line: `tests: N passed, N failed, N skipped`. A missing system package stops it with the
// apt-get command to run, rather than skipping what needs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const APT = 'sudo apt-get install -y chromium xvfb xauth dbus gnome-keyring libsecret-1-dev libsecret-tools python3 make g++ pkg-config';

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function preflight() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  for (const command of ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool']) if (!has(command)) missing.push(command);
  if (!existsSync('node_modules/keytar/build/Release/keytar.node')) {
    missing.push('keytar native build (needs libsecret-1-dev, python3, make, g++, pkg-config; then `npm rebuild keytar`)');
  }
  if (missing.length > 0) {
    console.error(`npm test: missing ${missing.join(', ')}.\nInstall with:\n  ${APT}\n(or run \`bash .ci/run\`, which does it), then run npm test again.`);
    process.exit(2);
  }
}

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

/** A step that is one check (typecheck, lint, config validation). */
function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds} s)`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A Vitest run; its counts come from its JSON report. */
function vitest(label, args, wrapper = []) {
  const report = `test-results/${label}.json`;
  rmSync(report, { force: true });
  const command = wrapper.length ? wrapper[0] : 'npx';
  const full = [...wrapper.slice(1), ...(wrapper.length ? ['npx'] : []), 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const { ok, seconds } = run(label, command, full);
  const json = readJson(report);
  const counts = json
    ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
    : { passed: 0, failed: 1, skipped: 0 };
  if (!ok && counts.failed === 0) counts.failed = 1; // it failed outside a test (e.g. a crash)
  add(label, counts, seconds);
}

/** A Playwright run; counts from its JSON report. */
function playwright(label, args, report) {
  rmSync(report, { force: true });
  const { ok, seconds } = run(label, 'npx', ['playwright', 'test', ...args]);
  const stats = readJson(report)?.stats;
  const counts = stats
    ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
    : { passed: 0, failed: 1, skipped: 0 };
  if (!ok && counts.failed === 0) counts.failed = 1;
  add(label, counts, seconds);
}

function add(label, counts, seconds, note = '') {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  summary.push(`${counts.failed ? 'FAIL' : 'ok  '} ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)${note}`);
}

/** The `_electron` suite runs only where Electron's binary is installed; elsewhere it is reported as skipped. */
function electronSuite() {
  const binary = existsSync('node_modules/electron/path.txt');
  if (binary) {
    playwright('electron', ['-c', 'test/electron/playwright.config.ts'], 'test-results/electron-report.json');
    return;
  }
  const listed = spawnSync('npx', ['playwright', 'test', '-c', 'test/electron/playwright.config.ts', '--list'], { encoding: 'utf8' });
  const match = /Total: (\d+) tests?/.exec(listed.stdout ?? '');
  const count = match ? Number(match[1]) : 0;
  if (!match) {
    console.error(listed.stdout, listed.stderr);
    add('electron (list)', { passed: 0, failed: 1, skipped: 0 }, '0.0');
    return;
  }
  console.log(`\n=== electron: ${count} tests skipped: Electron's binary is not installed here (it is downloaded from GitHub, which this machine cannot reach). Run \`npm run test:electron\` where it is.`);
  add('electron', { passed: 0, failed: 0, skipped: count }, '0.0', ' — no Electron binary on this machine');
}

preflight();
mkdirSync('test-results', { recursive: true });
check('typecheck', 'npx', ['tsc', '-b']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('electron-builder.yml schema', 'node', ['scripts/validate-builder-config.mjs']);
vitest('unit', ['--project', 'node', '--project', 'dom']);
vitest('keychain', ['--project', 'keychain'], ['bash', 'scripts/with-keyring.sh']);
check('build', 'node', ['scripts/build.mjs']);
check('packaging (electron-builder --dir, stand-in Electron)', 'node', ['scripts/check-packaging.mjs']);
playwright('e2e', [], 'test-results/e2e-report.json');
electronSuite();

console.log(`\n${summary.join('\n')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
