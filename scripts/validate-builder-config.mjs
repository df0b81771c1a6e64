// Validates electron-builder.yml without packaging anything:
//   1. against app-builder-lib's own JSON schema (node_modules/app-builder-lib/scheme.json), with
//      ajv — the same check electron-builder runs before a build, here without the build;
//   2. against this project's rules (design.md, issue 6): appId = APP_ID, LSUIElement, AppImage +
//      deb with libsecret-1-0, dmg, nsis, keytar unpacked, npmRebuild false, tray icons in
//      extraResources, the release fuses.
// Prints every problem and exits non-zero when there is any.
//   node scripts/validate-builder-config.mjs [path/to/electron-builder.yml]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import yaml from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const configPath = resolve(process.argv[2] ?? join(root, 'electron-builder.yml'));
const shown = relative(process.cwd(), configPath) || configPath;

/** Loads a YAML file the way electron-builder does (js-yaml), or explains why it cannot. */
function loadConfig(path) {
  const config = yaml.load(readFileSync(path, 'utf8'), { filename: path });
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Error('the file does not hold a mapping of options');
  return config;
}

/** Schema errors as readable lines ("/mac/extendInfo: must be object"). */
function schemaProblems(config) {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (validate(config)) return [];
  const errors = validate.errors ?? [];
  // An anyOf that failed reports every branch; keep the specific errors unless that is all there is.
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  // Options typed "X or null" also fail their null branch: that says nothing when X's branch did.
  const isNullBranch = (e) => e.keyword === 'type' && e.params.type === 'null';
  const informative = specific.filter(
    (e) => !isNullBranch(e) || !specific.some((other) => other !== e && !isNullBranch(other) && other.instancePath.startsWith(e.instancePath)),
  );
  const chosen = informative.length ? informative : errors;
  const lines = chosen.map((e) => {
    const where = e.instancePath || '(top level)';
    const extra = e.keyword === 'additionalProperties' ? ` '${e.params.additionalProperty}'` : e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : '';
    return `${where}: ${e.message}${extra}`;
  });
  return [...new Set(lines)];
}

const asArray = (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const targetNames = (target) => asArray(target).map((t) => (typeof t === 'string' ? t : t?.target)).filter(Boolean);

/** The project's own rules. */
function policyProblems(config) {
  const problems = [];
  const expect = (ok, message) => {
    if (!ok) problems.push(message);
  };
  const appInfo = readFileSync(join(root, 'main', 'app-info.ts'), 'utf8');
  const appId = /APP_ID\s*=\s*'([^']+)'/.exec(appInfo)?.[1];
  const productName = /APP_NAME\s*=\s*'([^']+)'/.exec(appInfo)?.[1];
  expect(config.appId === appId, `appId must be ${appId} (APP_ID in main/app-info.ts), not ${JSON.stringify(config.appId)}`);
  expect(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(String(config.appId)), 'appId must be reverse-DNS (ai.vasttray.app)');
  expect(config.productName === productName, `productName must be "${productName}"`);

  const files = asArray(config.files);
  expect(files.some((f) => typeof f === 'string' && f.startsWith('dist/')), 'files must include dist/** (the built app)');
  expect(files.includes('package.json'), 'files must include package.json');
  expect(config.asar !== false, 'asar must stay on (the fuses only load the app from app.asar)');
  expect(asArray(config.asarUnpack).some((p) => /node_modules\/keytar/.test(p)), 'asarUnpack must unpack node_modules/keytar (its .node cannot load from inside the archive)');
  expect(config.npmRebuild === false, 'npmRebuild must be false (keytar is N-API; a rebuild would download Electron headers)');

  const tray = asArray(config.extraResources).find((r) => r && typeof r === 'object' && r.from === 'main/assets/tray');
  expect(tray?.to === 'tray', 'extraResources must copy main/assets/tray to "tray" (the shell reads process.resourcesPath/tray)');

  const fuses = config.electronFuses ?? {};
  const wanted = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
  };
  for (const [fuse, value] of Object.entries(wanted)) expect(fuses[fuse] === value, `electronFuses.${fuse} must be ${value}`);

  expect(targetNames(config.mac?.target).includes('dmg'), 'mac.target must include dmg');
  expect(config.mac?.extendInfo?.LSUIElement === true, 'mac.extendInfo.LSUIElement must be true (a menu bar app has no Dock icon)');
  expect(targetNames(config.win?.target).includes('nsis'), 'win.target must include nsis');
  const linux = targetNames(config.linux?.target);
  expect(linux.includes('AppImage') && linux.includes('deb'), 'linux.target must include AppImage and deb');
  expect(asArray(config.deb?.depends).includes('libsecret-1-0'), 'deb.depends must include libsecret-1-0 (keytar needs the Secret Service library)');
  return problems;
}

function main() {
  let config;
  try {
    config = loadConfig(configPath);
  } catch (error) {
    console.error(`✗ ${shown}: cannot be read as YAML: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const schema = schemaProblems(config);
  const policy = policyProblems(config);
  for (const line of schema) console.error(`✗ ${shown} (schema) ${line}`);
  for (const line of policy) console.error(`✗ ${shown} (project rule) ${line}`);
  if (schema.length || policy.length) {
    console.error(`${shown}: ${schema.length} schema problem(s), ${policy.length} project rule problem(s).`);
    process.exit(1);
  }
  const version = JSON.parse(readFileSync(require.resolve('app-builder-lib/package.json'), 'utf8')).version;
  console.log(`✓ ${shown} matches app-builder-lib ${version}'s schema and the project's packaging rules.`);
}

main();
