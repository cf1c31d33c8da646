/**
 * Team mode end to end, in-process: the same command script against SQLite and against a
 * PostgreSQL database prints the same thing, byte for byte, for every command (the `--json` ones
 * included); bundles check with `sha256sum -c`; exports move claims and evidence between stores.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import type { CliResult } from '../helpers/in-process.js';
import { APPROVAL, INFO_REQUEST } from '../helpers/emails.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { freshDatabaseUrl, postgresServer, withDatabase } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

const at = (day: string) => `${day}T12:00:00.000Z`;

/** A claim's life and every read command, each with the day it runs on. */
const SCRIPT: [string, string[]][] = [
  ['2026-11-02', [...claimFlags(), '--receipt', 'invoice.pdf::The second charge', '--screenshot', 'dashboard.png']],
  ['2026-11-02', promoteFlags('7100000001')],
  ['2026-11-02', ['attach', '1', 'notes.txt', '--kind', 'correspondence', '--caption', 'Chat with the manager']],
  ['2026-11-02', ['caption', '1', '2', 'Billing page on 3 November']],
  ['2026-11-03', ['submit', '1', '--ticket', '7301928374', '--on', '2026-11-03']],
  ['2026-11-05', ['log', '1', '--from', 'support', '--info-requested', '--message', 'Send the invoice.']],
  ['2026-11-06', ['log', '1', '--from', 'me', '--message', 'Attached.', '--attach', 'report.csv']],
  ['2026-11-18', ['log', '1', '--message-file', 'info.eml']],
  ['2026-11-18', ['log', '1', '--message-file', 'info.eml']],
  ['2026-11-20', ['decision', '1', 'approved', '--expect-by', '2026-12-15', '--on', '2026-11-20']],
  ['2026-11-21', ['edit', '2', '--email', 'owner@bakery.test']],
  ['2026-11-21', ['status', '--json']],
  ['2026-11-21', ['status']],
  ['2026-11-21', ['list', '--json']],
  ['2026-11-21', ['list']],
  ['2026-11-21', ['show', '1', '--json']],
  ['2026-11-21', ['show', '1']],
  ['2026-11-21', ['show', '2', '--json']],
  ['2026-11-21', ['check', '1', '--json']],
  ['2026-11-21', ['verify', '1']],
  ['2026-11-21', ['report', '--json']],
  ['2026-11-21', ['ticket', '1']],
  ['2026-11-21', ['calendar']],
  ['2026-11-21', ['inbox', 'approval.eml', '--json']],
  ['2026-11-21', ['accounts', 'edit', 'Acme Shoes', '--sales-rep', 'Dana Li']],
  ['2026-11-21', ['accounts', '--json']],
  ['2026-11-21', ['accounts', 'show', 'Acme Shoes', '--json']],
  ['2026-11-21', ['status', '--account', '7012345678901']],
  ['2026-11-21', ['report', '--by', 'account', '--json']],
  ['2026-11-25', ['calendar']],
  ['2026-12-02', ['close', '1', '--outcome', 'refunded', '--on', '2026-12-01']],
  ['2026-12-02', ['show', '1', '--json']],
  ['2026-12-02', ['export']],
  ['2026-12-02', ['bundle', '1', '--out', 'bundle.zip']],
  ['2026-12-02', ['verify', 'bundle.zip']],
];

async function runScript(home: string, env: Record<string, string>): Promise<CliResult[]> {
  writeEvidenceFiles(home);
  writeFileSync(join(home, 'info.eml'), INFO_REQUEST);
  writeFileSync(join(home, 'approval.eml'), APPROVAL);
  const results: CliResult[] = [];
  for (const [day, args] of SCRIPT) {
    const result = await runCli(args, { home, now: at(day), env });
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    results.push(result);
  }
  return results;
}

const teamAvailable = postgresServer() !== '';

describe.runIf(teamAvailable)('the same commands on SQLite and on PostgreSQL', () => {
  it('print the same output, byte for byte, and bundles that sha256sum -c accepts', async () => {
    const solo = tempDir();
    const team = tempDir();
    const url = await freshDatabaseUrl();
    const onSqlite = await runScript(solo, {});
    const onPostgres = await runScript(team, { REFUND_CLAIM_DATABASE_URL: url });
    // Paths differ only by the home folder each ran in; `new` names where the claim is stored.
    const same = (text: string, home: string) =>
      text
        .split(home)
        .join('<home>')
        .replace(/^Stored in .*\.$/m, 'Stored in <store>.');
    for (const [index, [, args]] of SCRIPT.entries()) {
      expect(same(onPostgres[index]!.stdout, team), args.join(' ')).toBe(same(onSqlite[index]!.stdout, solo));
      expect(same(onPostgres[index]!.stderr, team), args.join(' ')).toBe(same(onSqlite[index]!.stderr, solo));
    }
    expect(onPostgres[0]!.stderr).toMatch(/^Stored in the team database "[^"]+" on 127\.0\.0\.1:\d+\.$/m);
    expect(onPostgres[0]!.stderr).not.toContain('claims.db');
    // The team store kept nothing in the data directory but what both keep.
    const unzipped = join(team, 'unzipped');
    mkdirSync(unzipped);
    execFileSync('unzip', ['-q', join(team, 'bundle.zip'), '-d', unzipped]);
    const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: unzipped, encoding: 'utf8' });
    expect(checked).toMatch(/evidence\/01-.*: OK/);
    // Who recorded each event, as each member's REFUND_CLAIM_USER says.
    const show = JSON.parse(onPostgres[SCRIPT.findIndex(([, args]) => args.join(' ') === 'show 1 --json')]!.stdout) as {
      events: { actor: string | null }[];
    };
    expect(new Set(show.events.map((event) => event.actor))).toEqual(new Set(['ana']));
  });

  it('moves claims with their evidence from SQLite to PostgreSQL and back with export and import', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    writeFileSync(join(home, 'info.eml'), INFO_REQUEST);
    writeFileSync(join(home, 'approval.eml'), APPROVAL);
    const url = await freshDatabaseUrl();
    const solo = { now: at('2026-11-02') };
    const team = { ...solo, env: { REFUND_CLAIM_DATABASE_URL: url } };
    expect((await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home, ...solo })).code).toBe(0);
    expect((await runCli(['attach', '1', 'dashboard.png', '--kind', 'screenshot'], { home, ...solo })).code).toBe(0);
    const out = await runCli(['export', '--out', 'claims.json', '--with-evidence', 'ev'], { home, ...solo });
    expect(out.code, out.stderr).toBe(0);
    const imported = await runCli(['import', 'claims.json', '--with-evidence', 'ev'], { home, ...team });
    expect(imported.code, imported.stderr).toBe(0);
    const soloShow = await runCli(['show', '1', '--json'], { home, ...solo });
    const teamShow = await runCli(['show', '1', '--json'], { home, ...team });
    expect(teamShow.stdout).toBe(soloShow.stdout);
    expect((await runCli(['verify', '1'], { home, ...team })).code).toBe(0);

    // And back into an empty data directory, evidence included.
    const back = await runCli(['export', '--out', 'team.json', '--with-evidence', 'team-ev'], { home, ...team });
    expect(back.code, back.stderr).toBe(0);
    const other = tempDir();
    const restored = await runCli(['import', join(home, 'team.json'), '--with-evidence', join(home, 'team-ev')], {
      home: other,
      ...solo,
    });
    expect(restored.code, restored.stderr).toBe(0);
    expect((await runCli(['show', '1', '--json'], { home: other, ...solo })).stdout).toBe(soloShow.stdout);
    expect((await runCli(['verify', '1'], { home: other, ...solo })).code).toBe(0);
    // The team's export is the solo one, byte for byte.
    expect(readFileSync(join(home, 'team.json'), 'utf8')).toBe(readFileSync(join(home, 'claims.json'), 'utf8'));
  });

  it('stores a file two members attach once, and finds a damaged copy with check and verify', async () => {
    const url = await freshDatabaseUrl();
    const ana = tempDir();
    const ben = tempDir();
    writeEvidenceFiles(ana);
    writeEvidenceFiles(ben);
    const env = { REFUND_CLAIM_DATABASE_URL: url };
    expect((await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home: ana, env })).code).toBe(0);
    const second = [...promoteFlags('7100000002'), '--receipt', 'invoice.pdf'];
    expect((await runCli(second, { home: ben, env: { ...env, REFUND_CLAIM_USER: 'ben' } })).code).toBe(0);
    const stored = await withDatabase(url, (sql) => sql`SELECT count(*)::int AS n FROM evidence_contents`);
    expect(stored[0]?.n).toBe(1);
    expect((await runCli(['verify', '2'], { home: ana, env })).code).toBe(0);

    await withDatabase(url, (sql) => sql`UPDATE evidence_chunks SET data = '\\x00'::bytea`);
    const verify = await runCli(['verify', '1'], { home: ana, env });
    expect(verify.code).toBe(1);
    expect(verify.stdout + verify.stderr).toMatch(/altered|no longer matches|does not match/);
    const bundle = await runCli(['bundle', '1', '--out', 'b.zip'], { home: ana, env });
    expect(bundle.code).toBe(1);
    expect(bundle.stderr).toContain('no longer matches its SHA-256');
  });
});

describe.runIf(teamAvailable)('team database failures', () => {
  const server = () => new URL(postgresServer());

  it.each([
    [
      'a wrong password',
      (u: URL) => void (u.password = 'not-the-password'),
      /refused the password of the role "postgres"/,
    ],
    [
      'a missing database',
      (u: URL) => void (u.pathname = '/no_such_db'),
      /"no_such_db" does not exist on 127\.0\.0\.1/,
    ],
    [
      'a port nobody listens on',
      (u: URL) => void (u.port = '9'),
      /Cannot reach the team database at 127\.0\.0\.1:9: the connection was refused/,
    ],
    [
      'sslmode=require on a server without TLS',
      (u: URL) => void u.searchParams.set('sslmode', 'require'),
      /does not accept TLS connections, and the URL says sslmode=require/,
    ],
  ])('%s: one line saying which, exit 1, no password even with --debug', async (_, change, message) => {
    const url = server();
    change(url);
    const home = tempDir();
    for (const args of [['status'], ['status', '--debug'], ['--database', url.toString(), 'list', '--debug']]) {
      const result = await runCli(args, { home, env: { REFUND_CLAIM_DATABASE_URL: url.toString() } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain(url.password);
      expect(result.stderr).not.toContain(decodeURIComponent(url.password));
      if (!args.includes('--debug')) expect(result.stderr.trim().split('\n')).toHaveLength(2);
    }
  });

  it('a role without the privilege to create the schema: one line naming the role, exit 1', async () => {
    const url = new URL(await freshDatabaseUrl());
    const role = `rc_${Math.random().toString(36).slice(2, 10)}`;
    const schema = url.searchParams.get('search_path') ?? '';
    await withDatabase(url.toString(), (sql) =>
      sql.unsafe(`CREATE ROLE ${role} LOGIN PASSWORD 'limited-pw-9'; GRANT USAGE ON SCHEMA ${schema} TO ${role}`),
    );
    url.username = role;
    url.password = 'limited-pw-9';
    const result = await runCli(['status'], { home: tempDir(), env: { REFUND_CLAIM_DATABASE_URL: url.toString() } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^error: The role "${role}" lacks a privilege in the team database: permission denied`),
    );
    expect(result.stderr).not.toContain('limited-pw-9');
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('refuses a URL that is not PostgreSQL with exit 2, without printing it', async () => {
    const result = await runCli(['--database', 'mysql://root:hunter2@db/claims', 'status'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--database must be a PostgreSQL URL');
    expect(result.stderr).not.toContain('hunter2');
  });

  it('prefers --database to REFUND_CLAIM_DATABASE_URL, and that to SQLite', async () => {
    const home = tempDir();
    const team = await freshDatabaseUrl();
    const broken = server();
    broken.port = '9';
    expect((await runCli(claimFlags(), { home, env: { REFUND_CLAIM_DATABASE_URL: team } })).code).toBe(0);
    // SQLite in the data directory has no claim; the environment's database has it.
    expect((await runCli(['show', '1'], { home })).code).toBe(1);
    expect((await runCli(['show', '1'], { home, env: { REFUND_CLAIM_DATABASE_URL: team } })).code).toBe(0);
    const flag = await runCli(['--database', team, 'show', '1'], {
      home,
      env: { REFUND_CLAIM_DATABASE_URL: broken.toString() },
    });
    expect(flag.code, flag.stderr).toBe(0);
  });
});
