// Lint, plus import rules that enforce the layering of design.md: the core never imports
// electron, the renderer only talks to window.vast, the contract is pure, the client knows nothing
// of what sits above it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream'];

/** `no-restricted-imports` with a reason for every pattern. */
function forbid(...groups) {
  return {
    'no-restricted-imports': [
      'error',
      { patterns: groups.map(([group, message]) => ({ group, message })) },
    ],
  };
}

const noElectron = [['electron'], 'Only main/shell and preload/index.ts may import electron (design.md: the core is plain TypeScript).'];
const noShell = [['**/shell/*', '**/shell'], 'The shell sits on top of the core; nothing below it may import it.'];
const noServer = [['**/server/*', '**/server'], 'The local server is a face over the core; the core may not import it.'];
const noRenderer = [['**/renderer/**'], 'The renderer is a separate runtime; share code through preload/contract.ts.'];
const noMain = [['**/main/**', '../main/*'], 'The renderer and preload talk to main only through the contract (window.vast / IPC).'];
const noNode = [NODE_BUILTINS, 'The renderer runs in a sandboxed page: no Node modules.'];
const noVastHttp = [['axios', '**/vast/*'], 'Only main talks to Vast.'];
const noCoreFromVast = [['**/core/*', '**/secrets/*', '**/vast-sim/*', '**/commands'], 'main/vast is the bottom layer: it knows nothing above it.'];
const noSimFromCore = [['**/vast-sim/*'], 'The core must not depend on the simulator; the composition root wires it in demo mode.'];
const noClientFromSim = [['**/vast/*', '**/core/*', '**/secrets/*'], 'The simulator stands in for Vast and is independent of the app.'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'smart'],
      // Fastify and IPC handlers are async by contract, whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: ['main/vast/**'], rules: forbid(noElectron, noShell, noServer, noRenderer, noCoreFromVast) },
  { files: ['main/vast-sim/**'], rules: forbid(noElectron, noShell, noServer, noRenderer, noClientFromSim) },
  { files: ['main/core/**', 'main/commands.ts'], rules: forbid(noElectron, noShell, noServer, noRenderer, noSimFromCore) },
  { files: ['main/secrets/**'], ignores: ['main/secrets/safe-storage-secret-store.ts'], rules: forbid(noElectron, noShell, noServer, noRenderer) },
  { files: ['main/server/**'], rules: forbid(noElectron, noShell, noRenderer) },
  { files: ['main/shell/**', 'main/index.ts'], rules: forbid(noRenderer) },
  { files: ['preload/contract.ts', 'preload/models.ts'], rules: forbid(noElectron, noMain, noRenderer, noNode) },
  { files: ['preload/index.ts'], rules: forbid(noMain, noRenderer, noNode) },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, ...forbid(noElectron, noMain, noNode, noVastHttp) },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
