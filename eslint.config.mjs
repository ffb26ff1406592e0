// ESLint (flat config) with typescript-eslint's type-aware rules. `npm run lint`
// runs it (and knip); `npm test` runs `npm run lint` first.
import js from '@eslint/js';
import tseslint from '@ai-provenance/typescript-eslint';
import globals from 'globals';

/** Core folders the extension and the CLI import, each through its index.ts only. */
const coreDeepImport = {
  group: ['**/core/*/*', '!**/core/*/index'],
  message: "Import core through its folder's public entry (e.g. ../core/store), not a file inside it; export what you need from that index.ts.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'tools/*/node_modules/',
      'dist/',
      'dist-vsix/',
      'out/',
      '.demo/',
      '.test-artifacts/',
      'bench/.work/',
      'test/fixtures/',
      'demo/workspace/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `_name` marks a binding kept on purpose (e.g. a property left out of a rest spread).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure: it never imports vscode (adapters live in src/extension).' }],
          patterns: [{ group: ['**/extension/**', '**/cli/**'], message: 'src/core does not depend on the extension or the CLI.' }],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
          patterns: [coreDeepImport, { group: ['**/extension/**'], message: 'The CLI does not depend on the extension.' }],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreDeepImport] }] },
  },
);
