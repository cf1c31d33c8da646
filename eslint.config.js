// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layering of ARCHITECTURE.md, checked: imports point down, cli -> app -> domain. */
const restrict = (patterns) => ['error', { patterns }];
const NODE_BUILTINS = { group: ['node:*'], message: 'domain/ is pure: no I/O, no Node.js modules.' };
const CLI_ONLY = {
  group: ['commander', 'chalk', '@inquirer/*'],
  message: 'Only src/cli/ knows commander, chalk and inquirer.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='exit']",
          message: 'Set an exit code; let main.ts end the process.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrict([
        NODE_BUILTINS,
        CLI_ONLY,
        {
          group: [
            'better-sqlite3',
            'archiver',
            'handlebars',
            'file-type',
            '../app/*',
            '../cli/*',
            '../store/*',
            '../evidence/*',
            '../render/*',
            '../bundle/*',
          ],
          message: 'domain/ imports only domain/ and date-fns.',
        },
        {
          regex: '^date-fns$',
          message: 'Import date-fns one function at a time (date-fns/addDays): the root costs ~130 ms at start-up.',
        },
      ]),
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain/ never reads the clock: take `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain/ never reads the clock: take `now` as an argument.',
        },
      ],
    },
  },
  {
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': restrict([
        CLI_ONLY,
        {
          group: ['../cli/*', '../store/*', '../evidence/*', '../render/*', '../bundle/*'],
          message: 'app/ talks to the outside through the interfaces in app/deps.ts.',
        },
        {
          group: ['better-sqlite3', 'archiver', 'handlebars', 'file-type'],
          message: 'app/ talks to the outside through the interfaces in app/deps.ts.',
        },
      ]),
    },
  },
  {
    files: ['src/store/**', 'src/evidence/**', 'src/render/**', 'src/bundle/**'],
    rules: {
      'no-restricted-imports': restrict([
        CLI_ONLY,
        {
          group: ['../cli/*', '../../cli/*'],
          message: 'Adapters import only domain/ (and the interfaces of app/deps.ts).',
        },
        {
          regex: '^\\.\\.(/\\.\\.)?/app/(?!deps\\.js$)',
          message: 'Adapters implement app/deps.ts; they do not call use cases.',
        },
      ]),
    },
  },
  {
    files: ['src/cli/commands/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['./*', '!./*.js'], message: 'Commands never import each other.' },
        { regex: '^\\./', message: 'Commands never import each other.' },
      ]),
    },
  },
  {
    // Both are CommonJS: required, not imported, they load ~4 ms faster on every start.
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'commander',
              message: 'Take commander values from src/cli/commander.ts, which requires it.',
              allowTypeImports: true,
            },
            {
              name: 'better-sqlite3',
              message: 'Only src/store/open-store.ts loads better-sqlite3, with require.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/cli/main.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: 'Only src/cli/main.ts touches process.' }],
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringContaining, …) are typed `any`.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The benchmark: plain Node.js scripts, run after the build.
    files: ['bench/**/*.js'],
    languageOptions: {
      globals: {
        Buffer: 'readonly',
        URL: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        process: 'readonly',
      },
    },
  },
);
