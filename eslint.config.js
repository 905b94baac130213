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
    },
  },
  {
    // Services are plain Node: they run under the CLI and the browser shell, where there is no Electron.
    files: [
      'src-main/services/**',
      'src-main/simulator/**',
      'src-main/api/**',
      'src-main/cli/**',
      'src-main/app/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only src-main/shell/electron may import electron.' }] },
      ],
    },
  },
  {
    // The renderer is a web page: no Node, no Electron, and nothing from the main side but types.
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
              group: ['@api/*', '**/src-main/**'],
              allowTypeImports: true,
              message: 'The renderer imports types only from the main side.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
