// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Layering of ARCHITECTURE.md, checked: imports point down, cli -> app -> domain; the adapters
 * (store, evidence, render, bundle, mail) implement app/deps.ts and import only domain; only
 * src/cli/main.ts, the composition root, builds them. Below the adapters and cli/, fs/ holds the
 * Node.js-level helpers they share (atomic writes, pooled chunks, errno codes); it imports only
 * domain/ and Node.js, and neither app/ nor domain/ may use it.
 *
 * A ban is a regex on the import specifier. Relative specifiers are matched at any depth
 * (`(../)+store/`), so a folder can nest (src/store/sqlite/) without its zone going blind.
 */
const ADAPTERS = ['store', 'evidence', 'render', 'bundle', 'mail'];
/** The low-level layer every adapter and cli/ may import. */
const LOW_LEVEL = 'fs';
const ban = (regex, message) => ({ regex, message });
/** A layer's folder reached by going up: `../store/x.js`, `../../store/sqlite/x.js`. */
const layers = (names) => `^(\\./)?(\\.\\./)+(${names.join('|')})/`;
const packages = (names) => `^(${names.join('|')})(/|$)`;

const CLI_PACKAGES = ban(
  packages(['commander', 'chalk', '@inquirer/[^/]+']),
  'Only src/cli/ knows commander, chalk and inquirer.',
);

/** Every zone repeats these: its own no-restricted-syntax would otherwise replace them. */
const SYNTAX_EVERYWHERE = [
  {
    selector: "MemberExpression[object.name='process'][property.name='exit']",
    message: 'Set an exit code; let main.ts end the process.',
  },
];

/**
 * no-restricted-imports sees static imports and re-exports, not `import()` (nor a type's
 * `typeof import()`), so each ban is also written as no-restricted-syntax selectors. A template
 * literal is checked by its text before the first `${`. Case-insensitive like the static rule's
 * default: `../Store/` reaches the store on macOS.
 */
const importExpressionSelectors = ({ regex, message }) => {
  const re = `/${regex.replaceAll('/', '\\/')}/i`;
  return [
    { selector: `:matches(ImportExpression, TSImportType)[source.value=${re}]`, message },
    { selector: `ImportExpression[source.quasis.0.value.cooked=${re}]`, message },
  ];
};

/**
 * One zone per set of files, stating every ban of that set: a later config object matching the
 * same file replaces no-restricted-imports and no-restricted-syntax rather than merging them,
 * so zones must not overlap unless the later one repeats the earlier one's bans.
 */
const zone = ({ files, ignores = [], bans, syntax = [] }) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': ['error', { patterns: bans }],
    'no-restricted-syntax': ['error', ...SYNTAX_EVERYWHERE, ...syntax, ...bans.flatMap(importExpressionSelectors)],
  },
});

const DOMAIN = zone({
  files: ['src/domain/**'],
  bans: [
    ban(
      '^(?![./]|date-fns(/|$)|string-width$)',
      'domain/ is pure: it imports only domain/, date-fns and string-width (no Node.js modules, no I/O).',
    ),
    ban(layers(['app', 'cli', LOW_LEVEL, ...ADAPTERS]), 'domain/ imports only domain/ and date-fns.'),
    ban('^date-fns$', 'Import date-fns one function at a time (date-fns/addDays): the root costs ~130 ms at start-up.'),
  ],
  syntax: [
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'domain/ never reads the clock: take `now` as an argument.',
    },
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'domain/ never reads the clock: take `now` as an argument.',
    },
  ],
});

const APP = zone({
  files: ['src/app/**'],
  bans: [
    CLI_PACKAGES,
    ban(layers(['cli', LOW_LEVEL, ...ADAPTERS]), 'app/ talks to the outside through the interfaces in app/deps.ts.'),
    ban(
      packages(['better-sqlite3', 'archiver', 'handlebars', 'file-type', 'csv-stringify', 'ical-generator']),
      'app/ talks to the outside through the interfaces in app/deps.ts.',
    ),
  ],
});

const FS = zone({
  files: [`src/${LOW_LEVEL}/**`],
  bans: [
    ban('^(?![./]|node:)', 'fs/ is the low-level layer: it imports Node.js built-ins and domain/, no package.'),
    ban(
      layers(['app', 'cli', ...ADAPTERS]),
      'fs/ imports only domain/: the adapters and cli/ build on it, not the other way round.',
    ),
  ],
});

const ADAPTER_ZONES = ADAPTERS.map((adapter) =>
  zone({
    files: [`src/${adapter}/**`],
    bans: [
      CLI_PACKAGES,
      ban(layers(['cli']), 'Adapters import only domain/ (and the interfaces of app/deps.ts).'),
      ban(`${layers(['app'])}(?!deps\\.js$)`, 'Adapters implement app/deps.ts; they do not call use cases.'),
      ban(
        layers(ADAPTERS.filter((other) => other !== adapter)),
        'Adapters never import each other: each implements app/deps.ts and imports only domain/.',
      ),
    ],
  }),
);

const CLI_BANS = [
  ban(
    layers(ADAPTERS),
    'Only src/cli/main.ts, the composition root, imports an adapter; elsewhere use the interfaces of app/deps.ts.',
  ),
];
const COMMAND_BANS = [ban('^\\./|^\\.\\./commands/', 'Commands never import each other.')];

const CLI_ZONES = [
  zone({ files: ['src/cli/**'], ignores: ['src/cli/main.ts'], bans: CLI_BANS }),
  zone({ files: ['src/cli/commands/**'], bans: [...CLI_BANS, ...COMMAND_BANS] }),
];

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
      'no-restricted-syntax': ['error', ...SYNTAX_EVERYWHERE],
    },
  },
  DOMAIN,
  APP,
  FS,
  ...ADAPTER_ZONES,
  ...CLI_ZONES,
  {
    // commander comes through one module, which the build bundles into the start chunk;
    // better-sqlite3, a native addon left out of the bundle, is required in one place.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/commander.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'commander',
              message: 'Take commander values from src/cli/commander.ts.',
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
    // The benchmark, the build and the launcher: plain Node.js scripts.
    files: ['bench/**/*.js', 'scripts/**/*.js', 'bin/**/*.js'],
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
