/**
 * Old IDs after `import --on-conflict renumber`: a ticket sent before the import quotes the claim's
 * old ID, which here is another claim's. Every command takes the old ID (a claim's own ID wins,
 * with a note), `show` names it, `inbox` tells the two apart by what else the email says, and the
 * same script prints the same on PostgreSQL as on SQLite.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClaimJson } from '../../src/app/formats/claim-json.js';
import type { InboxProposalJson } from '../../src/app/formats/inbox-json.js';
import { claimFlags, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import type { CliResult } from '../helpers/in-process.js';
import { freshDatabaseUrl, postgresServer } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';

/** A plain reply from support, as a mail program saves it. */
const supportEmail = (n: number, subject: string, body: string): string =>
  [
    'From: TikTok Ads Support <no-reply@support.tiktok.com>',
    'To: ads@acme.test',
    `Subject: ${subject}`,
    'Date: Thu, 19 Nov 2026 10:00:00 +0000',
    `Message-ID: <alias-${n}@support.tiktok.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');

/** Another member's data directory: Acme's claim RC-0001, filed as ticket 7301999999, exported. */
async function exportedElsewhere(): Promise<string> {
  const home = tempDir();
  const steps = [
    claimFlags({ '--promotion-id': '1790000077' }),
    ['submit', '1', '--ticket', '7301999999', '--on', '2026-11-18'],
    ['export', '--out', 'claims.json'],
  ];
  for (const args of steps) {
    const result = await runCli(args, { home });
    expect(result.code, result.stderr).toBe(0);
  }
  return join(home, 'claims.json');
}

/** The commands of one store: its own RC-0001 (a Promote claim), then the other member's import. */
async function renumberedScript(home: string, file: string, env: Record<string, string>): Promise<CliResult[]> {
  writeFileSync(join(home, 'ticket.eml'), supportEmail(1, 'Re: your request [RC-0001]', 'About ticket 7301999999.'));
  writeFileSync(join(home, 'promo.eml'), supportEmail(2, 'Re: your request [RC-0001]', 'About promotion 1790000077.'));
  writeFileSync(join(home, 'vague.eml'), supportEmail(3, 'Re: your request [RC-0001]', 'We are looking into it.'));
  const script = [
    promoteFlags('7100000001'),
    ['import', file, '--on-conflict', 'renumber'],
    ['show', '1'],
    ['show', '1', '--json'],
    ['show', '2'],
    ['show', '2', '--json'],
    ['ticket', '1'],
    ['inbox', 'ticket.eml', '--json'],
    ['inbox', 'promo.eml', '--json'],
    ['inbox', 'vague.eml', '--json'],
    ['inbox', 'vague.eml', '--no-input'],
    ['export'],
  ];
  const results: CliResult[] = [];
  for (const args of script) {
    const result = await runCli(args, { home, env });
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    results.push(result);
  }
  return results;
}

const json = <T>(result: CliResult | undefined): T => JSON.parse(result?.stdout ?? '') as T;
const TAKEN_NOTE = 'RC-0001 is also the old ID of RC-0002 (imported); give RC-0002 for that one.\n';

describe('old IDs after a renumbering import', () => {
  it('keeps the old ID as an alias that show names, commands accept and inbox matches with care', async () => {
    const file = await exportedElsewhere();
    const home = tempDir();
    const [, imported, show1, show1Json, show2, show2Json, ticket1, byTicket, byPromotion, vague, vagueText, exported] =
      await renumberedScript(home, file, {});

    expect(imported?.stderr).toContain('Renumbered (the ID was taken): RC-0001 → RC-0002.');
    // RC-0001 is this directory's own claim; the note says where the imported one went.
    expect(show1?.stdout).toMatch(/^RC-0001 {2}draft {2}· {2}tiktok-promote/);
    expect(show1?.stderr).toBe(TAKEN_NOTE);
    expect(json<ClaimJson>(show1Json).aliases).toEqual([]);
    expect(show1Json?.stderr).toBe(TAKEN_NOTE);
    expect(show2?.stdout).toContain('RC-0002  submitted');
    expect(show2?.stdout).toContain('Also quoted as RC-0001 (its ID before it was imported)');
    expect(show2?.stderr).toBe('');
    expect(json<ClaimJson>(show2Json)).toMatchObject({
      id: 'RC-0002',
      aliases: ['RC-0001'],
      ticketNumber: '7301999999',
    });
    expect(ticket1?.stderr).toContain(TAKEN_NOTE);
    expect(ticket1?.stdout).toContain('Café Lumière');

    // An email quoting [RC-0001] is about the imported claim when its ticket number or promotion
    // ID says so; with neither, both claims are listed and none is chosen.
    const proposal = (result: CliResult | undefined) => json<InboxProposalJson[]>(result)[0];
    expect(proposal(byTicket)).toMatchObject({ claim: 'RC-0002', candidates: [] });
    expect(proposal(byPromotion)).toMatchObject({ claim: 'RC-0002', candidates: [], confidence: 0.95 });
    expect(proposal(vague)).toMatchObject({ claim: null, candidates: ['RC-0001', 'RC-0002'], confidence: 0 });
    expect(vagueText?.stderr).toContain(
      'Several claims match vague.eml: "Re: your request [RC-0001]" (RC-0001, RC-0002); none was chosen (run inbox at a terminal to choose one).',
    );

    // The export carries the alias along.
    const claims = json<{ claims: ClaimJson[] }>(exported).claims;
    expect(claims.map((claim) => [claim.id, claim.aliases])).toEqual([
      ['RC-0001', []],
      ['RC-0002', ['RC-0001']],
    ]);
  });

  it('takes an old ID no claim has as the claim that had it, and refuses to guess between two', async () => {
    const file = await exportedElsewhere();
    const team = tempDir();
    await renumberedScript(team, file, {});
    expect((await runCli(['export', '--account', 'Acme Shoes', '--out', 'acme.json'], { home: team })).code).toBe(0);

    // A directory that never had an RC-0001: the old ID leads to the claim, saying so.
    const home = tempDir();
    const acme = join(team, 'acme.json');
    expect((await runCli(['import', acme], { home })).code).toBe(0);
    const show = await runCli(['show', '1', '--json'], { home });
    expect(show.stderr).toBe('RC-0001 is now RC-0002.\n');
    expect(json<ClaimJson>(show)).toMatchObject({ id: 'RC-0002', aliases: ['RC-0001'] });
    const logged = await runCli(['log', 'rc-1', '--from', 'me', '--message', 'Any news?'], { home });
    expect(logged.code, logged.stderr).toBe(0);
    expect(logged.stderr).toMatch(/^RC-0001 is now RC-0002\.\nRC-0002: your message of 2026-11-20 logged/);

    // The same claim imported again under a third ID: RC-0001 now names two claims.
    expect((await runCli(['import', acme, '--on-conflict', 'renumber'], { home })).code).toBe(0);
    const two = await runCli(['show', '1'], { home });
    expect(two.code).toBe(1);
    expect(two.stdout).toBe('');
    expect(two.stderr).toBe(
      'error: RC-0001 is the old ID of several claims: RC-0002 and RC-0003 (imported).\n' +
        '  Give the new ID of the one you mean; `refund-claim show RC-0002` shows one of them.\n',
    );
    const own = await runCli(['show', '2', '--json'], { home });
    expect(own.stderr).toBe('RC-0002 is also the old ID of RC-0003 (imported); give RC-0003 for that one.\n');
    expect(json<ClaimJson>(own).id).toBe('RC-0002');
    expect(json<ClaimJson>(await runCli(['show', '3', '--json'], { home })).aliases).toEqual(['RC-0001', 'RC-0002']);
  });

  it('imports files without aliases, and refuses an alias that is not a claim ID', async () => {
    const file = await exportedElsewhere();
    const data = JSON.parse(readFileSync(file, 'utf8')) as { claims: Record<string, unknown>[] };
    for (const claim of data.claims) delete claim.aliases;
    const home = tempDir();
    writeFileSync(join(home, 'older.json'), JSON.stringify(data));
    expect((await runCli(['import', 'older.json'], { home })).code).toBe(0);
    expect(json<ClaimJson>(await runCli(['show', '1', '--json'], { home })).aliases).toEqual([]);

    data.claims[0]!.aliases = ['RC-1'];
    writeFileSync(join(home, 'bad.json'), JSON.stringify(data));
    const bad = await runCli(['import', 'bad.json', '--on-conflict', 'renumber'], { home: tempDir(), cwd: home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('claims[0] (RC-0001).aliases[0]');
    expect(bad.stderr).toContain('"RC-1" is not a claim ID like RC-0007');
  });
});

describe.runIf(postgresServer() !== '')('old IDs on PostgreSQL', () => {
  it('print the same as on SQLite, byte for byte', async () => {
    const file = await exportedElsewhere();
    const solo = tempDir();
    const team = tempDir();
    const onSqlite = await renumberedScript(solo, file, {});
    const onPostgres = await renumberedScript(team, file, { REFUND_CLAIM_DATABASE_URL: await freshDatabaseUrl() });
    // `new` names where the claim is stored: the data directory, or the team database.
    const same = (text: string, home: string) =>
      text
        .split(home)
        .join('<home>')
        .replace(/^Stored in .*\.$/m, 'Stored in <store>.');
    onSqlite.forEach((result, index) => {
      expect(same(onPostgres[index]!.stdout, team)).toBe(same(result.stdout, solo));
      expect(same(onPostgres[index]!.stderr, team)).toBe(same(result.stderr, solo));
    });
    expect(onPostgres[5]?.stdout).toContain('"aliases": [\n    "RC-0001"\n  ]');
  });
});
