/**
 * Team mode against solo, side by side in one run: `status` at 100,000 claims from PostgreSQL
 * against the same from SQLite, and `bundle` of 500 MB from PostgreSQL against from the evidence
 * folder, with each bundle's peak RSS. Ratios are reported, not held to a target: the network
 * round trips of a team server are the price of sharing.
 *
 * The server is REFUND_CLAIM_TEST_DATABASE_URL's, else a throwaway cluster started here
 * (scripts/pg-cluster.sh) and always stopped; without PostgreSQL installed the case is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateClaims, productModules } from '../lib/claims-dataset.js';
import { quote, row } from '../lib/format.js';

const CLAIMS = 100_000;
const MB = 1_000_000;
const SCRIPT = fileURLToPath(new URL('../../scripts/pg-cluster.sh', import.meta.url));
const require = createRequire(import.meta.url);

export async function run(ctx) {
  let server = process.env.REFUND_CLAIM_TEST_DATABASE_URL;
  let stop = () => undefined;
  if (!server) {
    if (!postgresInstalled()) return [skipped('team: PostgreSQL is not installed')];
    const base = join(ctx.workDir, 'pg');
    const started = spawnSync('bash', [SCRIPT, 'start', base], { encoding: 'utf8' });
    if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
    server = started.stdout.trim();
    stop = () => spawnSync('bash', [SCRIPT, 'stop', base], { stdio: 'inherit' });
  }
  try {
    return [...(await statusRows(ctx, server)), ...(await bundleRows(ctx, server))];
  } finally {
    stop();
  }
}

async function statusRows(ctx, server) {
  const dataDir = join(ctx.workDir, 'solo');
  ctx.log(`team: generating ${CLAIMS.toLocaleString('en')} claims in SQLite…`);
  await generateClaims(dataDir, { count: CLAIMS, log: ctx.log });
  const url = await freshSchema(server, 'bench_status');
  ctx.log('team: copying them into PostgreSQL (table by table)…');
  await copyTables(join(dataDir, 'claims.db'), url);

  const node = quote(process.execPath);
  const solo = { REFUND_CLAIM_HOME: dataDir, NO_COLOR: '1', REFUND_CLAIM_DATABASE_URL: undefined };
  const team = { ...solo, REFUND_CLAIM_DATABASE_URL: url };
  const command = `${node} ${quote(ctx.bin)} status --json`;
  const soloOut = once(ctx.bin, ['status', '--json'], solo);
  const teamOut = once(ctx.bin, ['status', '--json'], team);
  if (soloOut !== teamOut) throw new Error('status --json differs between SQLite and PostgreSQL');
  const [sqlite] = ctx.hyperfine([{ name: 'SQLite', command }], { env: solo, runs: 10 });
  const [postgres] = ctx.hyperfine([{ name: 'PostgreSQL', command }], { env: team, runs: 10 });
  const open = JSON.parse(soloOut).length;
  return [
    row(
      'status --json, team vs solo',
      'on SQLite',
      sqlite,
      'on PostgreSQL',
      postgres,
      null,
      `${CLAIMS.toLocaleString('en')} claims, ${open.toLocaleString('en')} open; identical output`,
    ),
  ];
}

async function bundleRows(ctx, server) {
  const home = join(ctx.workDir, 'bundle');
  mkdirSync(home, { recursive: true });
  writeMp4(join(home, 'recording.mp4'), 500 * MB);
  writeFileSync(join(home, 'invoice.pdf'), '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const url = await freshSchema(server, 'bench_bundle');
  const solo = { REFUND_CLAIM_HOME: join(home, 'data'), NO_COLOR: '1', REFUND_CLAIM_DATABASE_URL: undefined };
  const team = { ...solo, REFUND_CLAIM_DATABASE_URL: url };
  const claim = [
    'new',
    '--no-input',
    '--advertiser-id',
    '7012345678901',
    '--account-name',
    'Acme Shoes',
    '--email',
    'ads@acme.test',
    '--promotion-id',
    '1790000001',
    '--charged',
    '500.00',
    '--expected',
    '300.00',
    '--reason',
    'incorrect-charge',
    '--description',
    'We were billed twice for the budget increase on 3 November.',
    '--receipt',
    'invoice.pdf',
    '--recording',
    'recording.mp4',
  ];
  ctx.log('team: attaching 500 MB to a claim in each store…');
  once(ctx.bin, claim, solo, home);
  once(ctx.bin, claim, team, home);
  const rss = (env) => peakRssMb(ctx.bin, ['bundle', '1', '--force', '--out', 'rss.zip'], env, home);
  const soloRss = rss(solo);
  const teamRss = rss(team);
  const node = quote(process.execPath);
  const command = `${node} ${quote(ctx.bin)} bundle 1 --force --out out.zip`;
  const [sqlite] = ctx.hyperfine([{ name: 'folder', command }], { env: solo, runs: 3, warmup: 1, cwd: home });
  const [postgres] = ctx.hyperfine([{ name: 'PostgreSQL', command }], { env: team, runs: 3, warmup: 1, cwd: home });
  rmSync(join(home, 'recording.mp4'), { force: true });
  return [
    row(
      'bundle 500 MB, team vs solo',
      'from the evidence folder',
      sqlite,
      'from PostgreSQL',
      postgres,
      null,
      `peak RSS ${soloRss.toFixed(0)} MB from the folder, ${teamRss.toFixed(0)} MB from PostgreSQL`,
    ),
  ];
}

function once(bin, args, env, cwd) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: withEnv(env),
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0)
    throw new Error(`refund-claim ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** The process's own peak RSS, written at exit (process.resourceUsage), in MB. */
function peakRssMb(bin, args, env, cwd) {
  const out = join(cwd, 'rss.txt');
  const hook = join(cwd, 'rss-hook.mjs');
  writeFileSync(
    hook,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, bin, ...args], {
    env: withEnv(env),
    cwd,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`refund-claim ${args.join(' ')}: ${result.stderr}`);
  return (Number(readFileSync(out, 'utf8')) * 1024) / MB;
}

const withEnv = (env) =>
  Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));

/** A new schema on the server, as a URL whose tables go there. */
async function freshSchema(server, name) {
  const postgres = (await import('postgres')).default;
  const schema = `${name}_${process.pid}`;
  const sql = postgres(server, { max: 1, onnotice: () => undefined });
  await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await sql.end();
  const url = new URL(server);
  url.searchParams.set('search_path', schema);
  return url.toString();
}

/**
 * The SQLite database's rows into the team schema (which the product creates first), table by
 * table in batches: the same column names on both sides.
 */
async function copyTables(dbPath, url) {
  // The product's own store creates the schema (dist/ holds chunks, so it is bundled from src/).
  const { openPostgresStore } = await productModules();
  const opened = await openPostgresStore(url, { actor: null, release: 'bench' });
  await opened.claims.close();
  const Database = require('better-sqlite3');
  const db = new Database(dbPath, { readonly: true });
  const postgres = (await import('postgres')).default;
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    for (const table of ['claims', 'events', 'evidence']) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all();
      // 1,000 rows of 43 columns stay under the protocol's 65,535 parameters a statement.
      for (let at = 0; at < rows.length; at += 1000)
        await sql`INSERT INTO ${sql(table)} ${sql(rows.slice(at, at + 1000))}`;
    }
    const accounts = db.prepare('SELECT name, advertiser_id, email, agency, sales_rep, updated_at FROM accounts').all();
    if (accounts.length > 0) await sql`INSERT INTO accounts ${sql(accounts)}`;
    await sql`ANALYZE`;
  } finally {
    db.close();
    await sql.end();
  }
}

function postgresInstalled() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian) && readdirSync(debian).some((v) => existsSync(join(debian, v, 'bin', 'initdb')))) return true;
  return spawnSync('sh', ['-c', 'command -v initdb'], { stdio: 'ignore' }).status === 0;
}

function skipped(name) {
  return { name, baseline: '-', subject: '-', ratio: NaN, target: null, note: 'skipped' };
}

/** An MP4 (ftyp + mdat of pseudo-random bytes) of `bytes` bytes, as test/helpers/zip.ts makes one. */
function writeMp4(path, bytes) {
  const header = Buffer.alloc(32);
  header.writeUInt32BE(24, 0);
  header.write('ftypisom', 4, 'ascii');
  header.writeUInt32BE(0x200, 12);
  header.write('isomiso2', 16, 'ascii');
  header.writeUInt32BE(bytes - 24, 24);
  header.write('mdat', 28, 'ascii');
  const block = Buffer.alloc(MB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32BE((i * 2654435761) >>> 0, i);
  const { openSync, writeSync, closeSync } = require('node:fs');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    for (let left = bytes - header.length, n = 0; left > 0; n++) {
      const chunk = block.subarray(0, Math.min(block.length, left));
      chunk.writeUInt32BE(n, 0);
      left -= writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}
