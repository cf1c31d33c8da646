/**
 * The layering of ARCHITECTURE.md is an ESLint zone per folder. Each probe is a few lines of source
 * placed, virtually, in a zone: a forbidden import must be reported by the rule that owns it, and
 * an allowed one by none, so a zone that goes blind or too wide fails here.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// The zones are syntactic: without type information a probe needs neither a file on disk nor a
// place in the tsconfig project, and the whole suite lints in well under a second.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] },
});

const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals']);
type LayeringRule = 'no-restricted-imports' | 'no-restricted-syntax' | 'no-restricted-globals';

/** The layering rules that report on `code` as if it were `file`, in order; throws on a parse error. */
async function layeringReports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  const messages = result?.messages ?? [];
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return messages.flatMap(({ ruleId }) => (ruleId && LAYERING_RULES.has(ruleId) ? [ruleId] : []));
}

const IMPORTS: LayeringRule = 'no-restricted-imports';
const SYNTAX: LayeringRule = 'no-restricted-syntax';
const GLOBALS: LayeringRule = 'no-restricted-globals';

interface Probe {
  name: string;
  file: string;
  code: string;
}

const forbidden: (Probe & { reports: LayeringRule[] })[] = [
  // domain/
  {
    name: 'domain imports node:fs',
    file: 'src/domain/__probe__.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;",
    reports: [IMPORTS],
  },
  {
    name: 'domain imports fs without node:',
    file: 'src/domain/__probe__.ts',
    code: "import { readFileSync } from 'fs';\nexport const read = readFileSync;",
    reports: [IMPORTS],
  },
  {
    name: 'domain imports the store',
    file: 'src/domain/__probe__.ts',
    code: "import { openStore } from '../store/open-store.js';\nexport const open = openStore;",
    reports: [IMPORTS],
  },
  {
    name: 'domain import()s a use case',
    file: 'src/domain/__probe__.ts',
    code: "export const load = () => import('../app/create-claim.js');",
    reports: [SYNTAX],
  },
  {
    name: 'domain import()s node:fs',
    file: 'src/domain/__probe__.ts',
    code: "export const load = () => import('node:fs');",
    reports: [SYNTAX],
  },
  {
    name: 'domain imports the root of date-fns',
    file: 'src/domain/__probe__.ts',
    code: "import { addDays } from 'date-fns';\nexport const add = addDays;",
    reports: [IMPORTS],
  },
  {
    name: 'domain, nested, imports an adapter two levels up',
    file: 'src/domain/rules/__probe__.ts',
    code: "import { hash } from '../../evidence/hash.js';\nexport const h = hash;",
    reports: [IMPORTS],
  },
  {
    name: 'domain still never reads the clock (its zone keeps its own syntax rules)',
    file: 'src/domain/__probe__.ts',
    code: 'export const now = () => new Date();',
    reports: [SYNTAX],
  },
  {
    name: 'domain still never calls process.exit (the shared syntax rules reach every zone)',
    file: 'src/domain/__probe__.ts',
    code: 'export const stop = () => process.exit(1);',
    reports: [GLOBALS, SYNTAX],
  },
  {
    name: 'domain imports fs/, the low-level layer',
    file: 'src/domain/__probe__.ts',
    code: "import { errnoCode } from '../fs/errno.js';\nexport const code = errnoCode;",
    reports: [IMPORTS],
  },
  // app/
  {
    name: 'app imports fs/ (it reaches files through app/deps.ts)',
    file: 'src/app/__probe__.ts',
    code: "import { AtomicFile } from '../fs/atomic-file.js';\nexport const A = AtomicFile;",
    reports: [IMPORTS],
  },
  {
    name: 'app import()s fs/',
    file: 'src/app/__probe__.ts',
    code: "export const load = () => import('../fs/chunks.js');",
    reports: [SYNTAX],
  },
  {
    name: 'app imports the store',
    file: 'src/app/__probe__.ts',
    code: "import { SqliteClaimStore } from '../store/claim-store.js';\nexport const S = SqliteClaimStore;",
    reports: [IMPORTS],
  },
  {
    name: 'app import()s evidence',
    file: 'src/app/__probe__.ts',
    code: "export const load = () => import('../evidence/evidence-store.js');",
    reports: [SYNTAX],
  },
  {
    name: 'app import()s the store through a template literal',
    file: 'src/app/__probe__.ts',
    code: 'export const load = (name: string) => import(`../store/${name}.js`);',
    reports: [SYNTAX],
  },
  {
    name: 'app imports the cli',
    file: 'src/app/__probe__.ts',
    code: "import { CommandContext } from '../cli/context.js';\nexport const C = CommandContext;",
    reports: [IMPORTS],
  },
  {
    name: 'app import()s archiver',
    file: 'src/app/__probe__.ts',
    code: "export const load = () => import('archiver');",
    reports: [SYNTAX],
  },
  // cli/
  {
    name: 'a command imports the store',
    file: 'src/cli/commands/__probe__.ts',
    code: "import { openStore } from '../../store/open-store.js';\nexport const open = openStore;",
    reports: [IMPORTS],
  },
  {
    name: 'a command import()s render',
    file: 'src/cli/commands/__probe__.ts',
    code: "export const load = () => import('../../render/templates.js');",
    reports: [SYNTAX],
  },
  {
    name: 'a command import()s the store spelled in another case (it resolves on macOS)',
    file: 'src/cli/commands/__probe__.ts',
    code: "export const load = () => import('../../Store/open-store.js');",
    reports: [SYNTAX],
  },
  {
    name: 'a command imports another command',
    file: 'src/cli/commands/__probe__.ts',
    code: "import { defineShow } from './show.js';\nexport const define = defineShow;",
    reports: [IMPORTS],
  },
  {
    name: 'a command import()s another command',
    file: 'src/cli/commands/__probe__.ts',
    code: "export const load = () => import('./show.js');",
    reports: [SYNTAX],
  },
  {
    name: 'a command loads the CSV writer itself instead of asking the adapters',
    file: 'src/cli/commands/export.ts',
    code: "export const load = () => import('../../render/csv.js');",
    reports: [SYNTAX],
  },
  {
    name: 'cli/context.ts imports the store',
    file: 'src/cli/context.ts',
    code: "import { openStore } from '../store/sqlite/open-store.js';\nexport const open = openStore;",
    reports: [IMPORTS],
  },
  {
    name: 'cli/output imports an adapter',
    file: 'src/cli/output/__probe__.ts',
    code: "import { zipBundles } from '../../bundle/zip-bundles.js';\nexport const zip = zipBundles;",
    reports: [IMPORTS],
  },
  {
    name: 'cli/output import()s an adapter',
    file: 'src/cli/output/__probe__.ts',
    code: "export const load = () => import('../../evidence/hash.js');",
    reports: [SYNTAX],
  },
  {
    name: 'a cli file other than main.ts import()s the store',
    file: 'src/cli/__probe__.ts',
    code: "export const load = () => import('../store/open-store.js');",
    reports: [SYNTAX],
  },
  {
    name: 'a cli file names an adapter type through typeof import()',
    file: 'src/cli/__probe__.ts',
    code: "export type Open = typeof import('../store/open-store.js');",
    reports: [SYNTAX],
  },
  // The adapters.
  {
    name: 'store/sqlite imports evidence',
    file: 'src/store/sqlite/__probe__.ts',
    code: "import { sha256File } from '../../evidence/hash.js';\nexport const hash = sha256File;",
    reports: [IMPORTS],
  },
  {
    name: 'store/sqlite imports bundle',
    file: 'src/store/sqlite/__probe__.ts',
    code: "import { writeBundle } from '../../bundle/write-bundle.js';\nexport const write = writeBundle;",
    reports: [IMPORTS],
  },
  {
    name: 'store/postgres import()s bundle',
    file: 'src/store/postgres/__probe__.ts',
    code: "export const load = () => import('../../bundle/write-bundle.js');",
    reports: [SYNTAX],
  },
  {
    name: 'evidence imports render',
    file: 'src/evidence/__probe__.ts',
    code: "import { loadTemplates } from '../render/templates.js';\nexport const load = loadTemplates;",
    reports: [IMPORTS],
  },
  {
    name: 'render imports bundle',
    file: 'src/render/__probe__.ts',
    code: "import { parseManifest } from '../bundle/manifest.js';\nexport const parse = parseManifest;",
    reports: [IMPORTS],
  },
  {
    name: 'bundle imports the store',
    file: 'src/bundle/__probe__.ts',
    code: "import type { ClaimRow } from '../store/rows.js';\nexport type Row = ClaimRow;",
    reports: [IMPORTS],
  },
  {
    name: 'bundle import()s the store',
    file: 'src/bundle/__probe__.ts',
    code: "export const load = () => import('../store/open-store.js');",
    reports: [SYNTAX],
  },
  {
    name: 'mail imports the evidence store (it gets the type detector from main.ts)',
    file: 'src/mail/__probe__.ts',
    code: "import { detectContentType } from '../evidence/detect-type.js';\nexport const detect = detectContentType;",
    reports: [IMPORTS],
  },
  {
    name: 'the cli imports the mail reader',
    file: 'src/cli/commands/__probe__.ts',
    code: "import { createMailReader } from '../../mail/read-email.js';\nexport const read = createMailReader;",
    reports: [IMPORTS],
  },
  {
    name: 'an adapter imports a use case',
    file: 'src/evidence/__probe__.ts',
    code: "import { attachEvidence } from '../app/attach-evidence.js';\nexport const attach = attachEvidence;",
    reports: [IMPORTS],
  },
  {
    name: 'a nested adapter import()s a use case',
    file: 'src/store/sqlite/__probe__.ts',
    code: "export const load = () => import('../../app/create-claim.js');",
    reports: [SYNTAX],
  },
  {
    name: 'an adapter imports the cli',
    file: 'src/render/__probe__.ts',
    code: "import { CommandContext } from '../cli/context.js';\nexport const C = CommandContext;",
    reports: [IMPORTS],
  },
  // fs/, the low-level layer
  {
    name: 'fs imports an adapter',
    file: 'src/fs/__probe__.ts',
    code: "import { sha256File } from '../evidence/hash.js';\nexport const hash = sha256File;",
    reports: [IMPORTS],
  },
  {
    name: 'fs imports app/deps.ts',
    file: 'src/fs/__probe__.ts',
    code: "import type { Clock } from '../app/deps.js';\nexport type C = Clock;",
    reports: [IMPORTS],
  },
  {
    name: 'fs import()s the cli',
    file: 'src/fs/__probe__.ts',
    code: "export const load = () => import('../cli/files.js');",
    reports: [SYNTAX],
  },
  {
    name: 'fs, nested, imports the bundle writer',
    file: 'src/fs/nested/__probe__.ts',
    code: "import { writeBundle } from '../../bundle/write-bundle.js';\nexport const write = writeBundle;",
    reports: [IMPORTS],
  },
  {
    name: 'fs imports a package',
    file: 'src/fs/__probe__.ts',
    code: "import { ZipArchive } from 'archiver';\nexport const Z = ZipArchive;",
    reports: [IMPORTS],
  },
  {
    name: 'fs import()s a Node.js module without node:',
    file: 'src/fs/__probe__.ts',
    code: "export const load = () => import('fs/promises');",
    reports: [SYNTAX],
  },
  // process
  {
    name: 'process outside main.ts',
    file: 'src/cli/output/__probe__.ts',
    code: 'export const cwd = () => process.cwd();',
    reports: [GLOBALS],
  },
  {
    name: 'process in a use case',
    file: 'src/app/__probe__.ts',
    code: 'export const env = () => process.env;',
    reports: [GLOBALS],
  },
];

const allowed: Probe[] = [
  {
    name: 'domain imports domain and one date-fns function',
    file: 'src/domain/__probe__.ts',
    code: [
      "import { addDays } from 'date-fns/addDays';",
      "import { formatMoney } from './money.js';",
      'export const both = [addDays, formatMoney];',
      "export const load = () => import('./dates.js');",
    ].join('\n'),
  },
  {
    name: 'app imports domain and its own deps.ts',
    file: 'src/app/__probe__.ts',
    code: [
      "import type { Clock } from './deps.js';",
      "import { formatMoney } from '../domain/money.js';",
      'export const f = (clock: Clock) => [clock, formatMoney];',
      "export const load = () => import('../domain/dates.js');",
    ].join('\n'),
  },
  {
    name: 'a command imports app, domain and the rest of the cli',
    file: 'src/cli/commands/__probe__.ts',
    code: [
      "import { createClaim } from '../../app/create-claim.js';",
      "import { UserError } from '../../domain/errors.js';",
      "import type { CommandContext } from '../context.js';",
      "import { formatJson } from '../output/json.js';",
      'export const all = (context: CommandContext) => [context, createClaim, UserError, formatJson];',
      "export const load = () => import('../../app/report.js');",
    ].join('\n'),
  },
  {
    name: 'cli/output imports app and domain',
    file: 'src/cli/output/__probe__.ts',
    code: [
      "import { formatTimeline } from '../../app/timeline.js';",
      "import { formatMoney } from '../../domain/money.js';",
      'export const both = [formatTimeline, formatMoney];',
    ].join('\n'),
  },
  {
    name: 'program.ts import()s the commands',
    file: 'src/cli/__probe__.ts',
    code: "export const load = () => import('./commands/show.js');",
  },
  {
    name: 'main.ts, the composition root, builds the adapters and ends the process',
    file: 'src/cli/main.ts',
    code: [
      "import { openStore } from '../store/open-store.js';",
      'export const open = openStore;',
      "export const load = () => import('../evidence/evidence-store.js');",
      'process.exitCode = 1;',
    ].join('\n'),
  },
  {
    name: 'store/sqlite imports domain, app/deps.ts and the rest of the store',
    file: 'src/store/sqlite/__probe__.ts',
    code: [
      "import type { ClaimStore } from '../../app/deps.js';",
      "import { foldEvents } from '../../domain/lifecycle.js';",
      "import { migrate } from '../migrate.js';",
      "import type { ClaimRow } from './rows.js';",
      'export const all = (store: ClaimStore, row: ClaimRow) => [store, row, foldEvents, migrate];',
    ].join('\n'),
  },
  {
    name: 'evidence imports app/deps.ts and itself',
    file: 'src/evidence/__probe__.ts',
    code: [
      "import type { Clock } from '../app/deps.js';",
      "import { sha256File } from './hash.js';",
      'export const all = (clock: Clock) => [clock, sha256File];',
      "export const load = () => import('file-type');",
    ].join('\n'),
  },
  {
    name: 'mail imports app/deps.ts, domain/ and postal-mime',
    file: 'src/mail/__probe__.ts',
    code: [
      "import type { MailReader } from '../app/deps.js';",
      "import { skippedPart } from '../domain/email.js';",
      "import PostalMime from 'postal-mime';",
      'export const all = (reader: MailReader) => [reader, skippedPart, PostalMime];',
    ].join('\n'),
  },
  {
    name: 'evidence imports fs/, the low-level layer',
    file: 'src/evidence/__probe__.ts',
    code: [
      "import { AtomicFile } from '../fs/atomic-file.js';",
      "import { errnoCode } from '../fs/errno.js';",
      'export const all = [AtomicFile, errnoCode];',
      "export const load = () => import('../fs/chunks.js');",
    ].join('\n'),
  },
  {
    name: 'a nested adapter (store/sqlite) imports fs/',
    file: 'src/store/sqlite/__probe__.ts',
    code: "import { errnoCode } from '../../fs/errno.js';\nexport const code = errnoCode;",
  },
  {
    name: 'fs imports Node.js, domain/ and itself',
    file: 'src/fs/__probe__.ts',
    code: [
      "import { open } from 'node:fs/promises';",
      "import { UserError } from '../domain/errors.js';",
      "import { errnoCode } from './errno.js';",
      'export const all = [open, UserError, errnoCode];',
      "export const load = () => import('node:crypto');",
    ].join('\n'),
  },
  {
    name: 'cli files and commands import fs/',
    file: 'src/cli/commands/__probe__.ts',
    code: [
      "import { errnoCode } from '../../fs/errno.js';",
      "import { writeFileAtomic } from '../../fs/atomic-file.js';",
      'export const all = [errnoCode, writeFileAtomic];',
    ].join('\n'),
  },
  {
    name: 'render import()s its packages',
    file: 'src/render/__probe__.ts',
    code: [
      "import { formatDay } from '../domain/dates.js';",
      'export const format = formatDay;',
      "export const load = () => import('handlebars');",
      "export const loadCsv = () => import('csv-stringify/sync');",
    ].join('\n'),
  },
  {
    name: 'bundle imports app/deps.ts and import()s archiver',
    file: 'src/bundle/__probe__.ts',
    code: [
      "import type { BundleWriter } from '../app/deps.js';",
      'export type Writer = BundleWriter;',
      "export const load = () => import('archiver');",
    ].join('\n'),
  },
];

describe('layering zones', () => {
  it.each(forbidden)('rejects: $name', async ({ file, code, reports }) => {
    expect(await layeringReports(file, code)).toEqual(reports);
  });

  it.each(allowed)('allows: $name', async ({ file, code }) => {
    expect(await layeringReports(file, code)).toEqual([]);
  });
});
