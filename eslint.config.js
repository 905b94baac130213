import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'dgram',
];

const electron = { name: 'electron', message: 'Only src-main/shell/electron may import electron.' };

/**
 * Layer rules. A later config object replaces a rule's options instead of adding to them, so each layer lists
 * everything it may not import in one place, and a narrower layer comes after the wider one it sits in.
 */
const restrictImports = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
});

/** Matches an import of any of `folders` of src-main (or of the renderer), however deep the relative path. */
const folders = (...names) => `(^|/)(${names.join('|')})(/|$)`;

const outsideShared = (layer) => ({
  regex: folders(layer),
  message: `src-main/shared is pure code for main, preload and renderer alike: nothing from ${layer}.`,
});

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Links leave the app through one door: the Electron shell hands shell.openExternal to the core, which
      // calls it only after checkExternalUrl (src-main/app/external-links.ts) accepted the address.
      'no-restricted-properties': [
        'error',
        {
          object: 'shell',
          property: 'openExternal',
          message:
            'Only src-main/shell/electron/main.ts opens links, through the guard in app/external-links.ts.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='shell'][property.name='openExternal']",
          message:
            'Only src-main/shell/electron/main.ts opens links, through the guard in app/external-links.ts.',
        },
      ],
    },
  },
  {
    files: ['src-main/shell/electron/main.ts'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  // Pure code shared by main, preload and renderer: zod and other shared files only.
  restrictImports(['src-main/shared/**'], {
    paths: [{ name: 'electron', message: 'src-main/shared runs in the renderer too: no Electron.' }],
    patterns: [
      { group: nodeBuiltins, message: 'src-main/shared runs in the renderer too: no Node modules.' },
      {
        regex: '^(?!zod$|\\.)',
        message: 'src-main/shared imports only zod and other shared files.',
      },
      ...['services', 'app', 'shell', 'cli', 'simulator', 'src-renderer'].map(outsideShared),
      { ...outsideShared('api'), allowTypeImports: true },
    ],
  }),
  // Services are plain Node: they run under the CLI and the browser shell, where there is no Electron, and
  // they are what the shells are built from, never the other way round.
  restrictImports(['src-main/services/**'], {
    paths: [electron],
    patterns: [
      {
        regex: folders('app', 'shell', 'cli', 'simulator', 'src-renderer'),
        message: 'Services never import the app, a shell, the CLI, the simulator or the renderer.',
      },
    ],
  }),
  // The simulator is an independent Rainbow: it serves the API's wire shapes but runs none of the client.
  restrictImports(['src-main/simulator/**'], {
    paths: [electron],
    patterns: [
      {
        regex: '(^|/)services/rainbow(/(?!types$)|$)',
        message: 'The simulator never imports the Rainbow client (its wire types, as types, are fine).',
      },
      {
        regex: '(^|/)services/rainbow/types$',
        allowTypeImports: true,
        message: 'The simulator never imports the Rainbow client (its wire types, as types, are fine).',
      },
    ],
  }),
  restrictImports(['src-main/api/**', 'src-main/cli/**', 'src-main/app/**'], { paths: [electron] }),
  // The contract is bundled into the sandboxed preload: code from shared only, types from anywhere.
  restrictImports(['src-main/api/contract.ts'], {
    paths: [electron],
    patterns: [
      {
        regex: folders('services', 'app', 'shell', 'cli', 'simulator'),
        allowTypeImports: true,
        message: 'The contract is bundled into the preload: only src-main/shared as code, the rest as types.',
      },
    ],
  }),
  // The sandboxed preload can only hold what is bundled into it: the contract, shared code, its channel names.
  restrictImports(['src-main/shell/electron/preload.ts'], {
    patterns: [
      { group: nodeBuiltins, message: 'The preload is sandboxed: no Node modules.' },
      {
        regex: '^\\.\\./\\.\\./(?!api/contract$|shared/)',
        allowTypeImports: true,
        message: 'The preload imports the contract and src-main/shared only.',
      },
    ],
  }),
  // The renderer is a web page: no Node, no Electron, and from the main side only types and src-main/shared.
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the core only through window.fieldkit.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer is a sandboxed web page: no Node modules.' },
            {
              regex: '^@api/|(^|/)src-main/(?!shared/)',
              allowTypeImports: true,
              message: 'The renderer imports types only from the main side, and code from @shared/*.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
