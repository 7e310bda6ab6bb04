// Lint rules, and the architecture's boundaries as import restrictions: which
// runtime each folder may reach (see ARCHITECTURE.md). Not type-checked, to stay fast.
const { builtinModules } = require('node:module');
const js = require('@eslint/js');
const globals = require('globals');
const reactHooks = require('eslint-plugin-react-hooks');
const tseslint = require('typescript-eslint');

/** Node built-ins, with and without the node: prefix. */
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));
const nodeImports = (message) => [
  { regex: '^node:', message },
  { regex: `^(${nodeBuiltins.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?$`, message },
];
const folder = (name, message) => ({ regex: `(^|/)${name}(/|$)`, message });

const SHARED_IS_PURE = 'src-shared is pure TypeScript shared by every runtime: no Node, Electron, React, React Flow, SQLite or store imports.';
const RENDERER_IS_A_WEB_PAGE = 'src-renderer runs as a sandboxed web page: reach the backend through api.call, and host features through Host.';
const ELECTRON_AT_THE_EDGE = 'Only src-main/electron/, src-main/index.ts and the preload may import electron; the backend also runs without it.';

const IN_THE_SESSION = 'Take it from the EditorSession (useApi(), useHost(), useSaver(), useEditorSession()): the window has one session, built in main.tsx, and tests build their own.';
const SINGLETON_NAMES = '/^(api|host|flushSave|startSaver|theSaver|appJournal|installSession|installedSession|installedHost)$/';
/** Calls of the old module-level accessors (api(), host(), flushSave()…). */
const SINGLETON_CALLS = [{ selector: `CallExpression[callee.type='Identifier'][callee.name=${SINGLETON_NAMES}]`, message: IN_THE_SESSION }];
/** A module exporting such an accessor, as a function or a constant. */
const SINGLETON_EXPORTS = [
  { selector: `Program > ExportNamedDeclaration > FunctionDeclaration[id.name=${SINGLETON_NAMES}]`, message: IN_THE_SESSION },
  { selector: `Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=${SINGLETON_NAMES}]`, message: IN_THE_SESSION },
];
const PER_SESSION = 'Module-level state is shared by every session in the window (and every test): keep it in the EditorSession (src-renderer/session/editor-session.ts).';
/** Mutable module state: a top-level let, or a bound zustand store (create) instead of one made by the session (createStore). */
const MODULE_STATE = [
  { selector: "Program > VariableDeclaration[kind='let']", message: PER_SESSION },
  { selector: "ImportDeclaration[source.value='zustand'] > ImportSpecifier[imported.name='create']", message: PER_SESSION },
];

module.exports = tseslint.config(
  // ESLint does not read .gitignore; these mirror it.
  {
    ignores: ['out/', 'dist/', 'node_modules/', '.electron-native/', 'test-results/', 'playwright-report/', 'coverage/', '.tmp/'],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },

  // Runtimes, for globals.
  { files: ['src-main/**', 'scripts/**', 'tests/**', '*.config.{js,ts,mjs}', '.ci/**'], languageOptions: { globals: globals.node } },
  { files: ['src-renderer/**'], languageOptions: { globals: globals.browser } },
  { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  {
    // CommonJS files (this config, scripts) load their dependencies with require.
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    // Strips ANSI colour codes from tool output: control characters are the point.
    files: ['scripts/test-summary.mjs'],
    rules: { 'no-control-regex': 'off' },
  },

  // React hooks in the renderer.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      // A warning, not an error: it also flags loading data on mount (state set
      // after an await) and React Flow's local node state mirrored from the store.
      'react-hooks/set-state-in-effect': 'warn',
    },
  },

  // Architecture boundaries.
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', '@xyflow/react', 'better-sqlite3', 'zustand'].map((name) => ({
            name,
            message: SHARED_IS_PURE,
          })),
          patterns: [
            ...nodeImports(SHARED_IS_PURE),
            { regex: '^(react|react-dom|@xyflow/react|zustand)/', message: SHARED_IS_PURE },
            folder('src-main', SHARED_IS_PURE),
            folder('src-renderer', SHARED_IS_PURE),
          ],
        },
      ],
    },
  },
  {
    // Imports are not the only way out of purity: host globals are refused too
    // (tsconfig.shared.json, without DOM or Node types, refuses them to the type checker).
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate', 'clearImmediate'].map((name) => ({
          name,
          message: `${SHARED_IS_PURE} (${name} is Node's.)`,
        })),
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'self'].map(
          (name) => ({ name, message: `${SHARED_IS_PURE} (${name} is the browser's.)` }),
        ),
      ],
      // The same globals reached through globalThis.
      'no-restricted-properties': [
        'error',
        ...['process', 'Buffer', 'require', 'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch'].map(
          (property) => ({ object: 'globalThis', property, message: `${SHARED_IS_PURE} (globalThis.${property} belongs to one host.)` }),
        ),
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3'].map((name) => ({ name, message: RENDERER_IS_A_WEB_PAGE })),
          patterns: [...nodeImports(RENDERER_IS_A_WEB_PAGE), folder('src-main', RENDERER_IS_A_WEB_PAGE)],
        },
      ],
    },
  },
  // One EditorSession per window owns the API client, the host, the saver and the
  // stores (src-renderer/session/): a module-level singleton would be shared by every
  // session and test, so these forms are refused (tests/unit/renderer/no-singletons.test.ts).
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...SINGLETON_CALLS, ...SINGLETON_EXPORTS],
    },
  },
  {
    // The canvas keeps window-wide facts of the screen (focus, measured label sizes) apart from the session.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/canvas/**'],
    rules: {
      'no-restricted-syntax': ['error', ...SINGLETON_CALLS, ...SINGLETON_EXPORTS, ...MODULE_STATE],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**', 'src-main/index.ts', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_AT_THE_EDGE }],
          patterns: [
            { regex: '^electron/', message: ELECTRON_AT_THE_EDGE },
            folder('src-renderer', 'src-main may not import the renderer: share code through src-shared.'),
          ],
        },
      ],
    },
  },
);
