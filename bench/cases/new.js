/**
 * `refund-claim new --no-input` with five 5 MB screenshots, against what the files alone cost to
 * read and hash: `node -e ""` plus `sha256sum` of the same files. Every run adds the claim to the
 * same small existing database, restored before each run (untimed).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../lib/data-dir.js';
import { largePngBytes } from '../lib/files.js';
import { quote, row } from '../lib/format.js';

const FILES = 5;
const FILE_BYTES = 5 * 1024 * 1024;

const CLAIM = [
  '--reason technical-issue',
  '--advertiser-id 7012345678901',
  '--account-name Acme',
  '--email ads@acme.test',
  '--promotion-id 1790000042',
  '--start 2026-11-02',
  '--end 2026-11-06',
  '--charged 1250.00',
  "--description 'Delivery stopped after two hours because of an ad review error; spend kept being reserved.'",
].join(' ');

/** `sha256sum`, or `shasum -a 256` where coreutils is not installed (macOS). */
function hashCommand() {
  if (spawnSync('sha256sum', ['--version'], { stdio: 'ignore' }).status === 0) return 'sha256sum';
  if (spawnSync('shasum', ['-a', '256', '/dev/null'], { stdio: 'ignore' }).status === 0) return 'shasum -a 256';
  throw new Error('neither sha256sum nor shasum is installed');
}

export async function run(ctx) {
  const node = quote(process.execPath);
  const { env, dataDir } = defaultDataDir(ctx.workDir);
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined),
  );

  const filesDir = join(ctx.workDir, 'screenshots');
  mkdirSync(filesDir);
  const files = Array.from({ length: FILES }, (_, n) => join(filesDir, `spend-${n + 1}.png`));
  for (const file of files) writeFileSync(file, largePngBytes(FILE_BYTES));
  ctx.log(`${FILES} files of ${FILE_BYTES / 1024 / 1024} MB`);

  // An existing database with one claim in it, kept aside and put back before every run.
  const seed = spawnSync(
    'sh',
    [
      '-c',
      `${node} ${quote(ctx.bin)} new --no-input ${CLAIM.replace('1790000042', '1790000001')} --screenshot ${quote(files[0])}`,
    ],
    { env: childEnv, encoding: 'utf8' },
  );
  if (seed.status !== 0) throw new Error(`refund-claim new exited with ${seed.status}: ${seed.stderr}`);
  const saved = join(ctx.workDir, 'data-before');
  cpSync(dataDir, saved, { recursive: true });
  const restore = `rm -rf ${quote(dataDir)} && cp -R ${quote(saved)} ${quote(dataDir)}`;

  const hash = hashCommand();
  const screenshots = files.map((file) => `--screenshot ${quote(file)}`).join(' ');
  const [baseline, subject] = ctx.hyperfine(
    [
      {
        name: `node -e "" && ${hash} ×${FILES}`,
        command: `${node} -e "" && ${hash} ${files.map(quote).join(' ')} >/dev/null`,
      },
      { name: 'new --no-input', command: `${node} ${quote(ctx.bin)} new --no-input ${CLAIM} ${screenshots}` },
    ],
    { env, prepare: restore, runs: 15 },
  );
  return [
    row(
      `refund-claim new --no-input, ${FILES} × ${FILE_BYTES / 1024 / 1024} MB`,
      `node -e "" + ${hash.split(' ')[0]}`,
      baseline,
      'new',
      subject,
      null,
      'new also copies every file into the evidence store and fsyncs it',
    ),
  ];
}
