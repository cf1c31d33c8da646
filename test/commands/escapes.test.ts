/**
 * Nothing from a claim's text reaches the terminal as a control sequence (SPEC, "Reliability
 * promises"). Typed and imported text with control characters is refused, so the hostile text
 * here comes the way it still can: a database edited by hand (or written by an older version).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { runCli } from '../helpers/in-process.js';
import type { CliResult } from '../helpers/in-process.js';
import { parseCsv } from '../helpers/csv.js';
import { tempDir } from '../helpers/temp.js';
import { unzipTo } from '../helpers/zip.js';

/** Clears the screen, rings the bell, returns the cursor, a C1 CSI, DEL, a right-to-left override. */
const HOSTILE = 'A\u001b[2J\u0007B\rC\u009b31mD\u007fE\u202eF';
const SHOWN = 'A\\x1b[2J\\x07B\\rC\\x9b31mD\\x7fE\\u202eF';
/** Multiline text keeps its lines and tabs; a title-setting OSC inside it does not run. */
const HOSTILE_LINES = 'Billed twice \u001b]0;pwned\u0007on 3 Nov.\r\nSecond line:\tend\rX';
const SHOWN_LINES = ['Billed twice \\x1b]0;pwned\\x07on 3 Nov.', 'Second line:\tend\\rX'];

/**
 * What a terminal may act on: C0 controls but LF and TAB, DEL, C1 controls, the line separators
 * and the bidi controls. Checked on the decoded text: in UTF-8 bytes, 0x80–0x9F are also the
 * continuation bytes of ordinary characters such as `—`.
 */
// eslint-disable-next-line no-control-regex -- control characters are what must not appear
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function expectPrintable(text: string): void {
  const found = UNPRINTABLE.exec(text);
  expect(found, found ? `U+${found[0].codePointAt(0)?.toString(16)} at ${found.index}` : '').toBeNull();
}

async function ok(args: string[], home: string, terminal = false): Promise<CliResult> {
  const result = await runCli(args, { home, terminal });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  expectPrintable(result.stderr);
  return result;
}

let source: string;
let home: string;
/** The hostile database alone, without the evidence files. */
let bare: string;

// RC-0001 denied (for the appeal), RC-0002 submitted (for the follow-up); both share a receipt.
beforeAll(async () => {
  source = mkdtempSync(join(tmpdir(), 'refund-claim-escapes-'));
  writeEvidenceFiles(source);
  await ok([...claimFlags(), '--receipt', 'invoice.pdf'], source);
  await ok([...claimFlags({ '--promotion-id': '1790000002' }), '--receipt', 'invoice.pdf'], source);
  await ok(['submit', '1', '--ticket', 'T-1', '--on', '2026-11-10', '--note', 'Filed'], source);
  await ok(['log', '1', '--from', 'support', '--message', 'Looking into it', '--on', '2026-11-12'], source);
  await ok(['decision', '1', 'denied', '--reason', 'Too late', '--on', '2026-11-16'], source);
  await ok(['submit', '2', '--ticket', 'T-2', '--on', '2026-11-10'], source);
  await ok(['export', '--out', 'backup.json', '--with-evidence', 'evidence'], source);

  home = join(source, 'imported');
  mkdirSync(home);
  await ok(['import', join(source, 'backup.json'), '--with-evidence', join(source, 'evidence')], home);
  // Import refuses control characters too now: the hostile text goes into the database directly.
  const db = new Database(join(dataDirOf(home), 'claims.db'));
  try {
    db.prepare('UPDATE evidence SET name = ?, caption = ?').run(`${HOSTILE}.pdf`, HOSTILE);
    db.prepare('UPDATE claims SET ticket_number = ? WHERE ticket_number IS NOT NULL').run(`T-${HOSTILE}`);
    const events = db.prepare('SELECT claim_id, seq, type, data FROM events').all() as {
      claim_id: number;
      seq: number;
      type: string;
      data: string;
    }[];
    const update = db.prepare('UPDATE events SET data = ?, note = COALESCE(?, note) WHERE claim_id = ? AND seq = ?');
    for (const event of events) {
      const data = JSON.parse(event.data) as Record<string, unknown>;
      if (event.type === 'submitted') data.ticket = `T-${HOSTILE}`;
      if (event.type === 'message') data.message = HOSTILE_LINES;
      if (event.type === 'decision') data.reason = HOSTILE;
      update.run(JSON.stringify(data), event.type === 'submitted' ? HOSTILE : null, event.claim_id, event.seq);
    }
    db.prepare('UPDATE claims SET account_name = ?, promotion_name = ?, description = ?').run(
      HOSTILE,
      HOSTILE,
      HOSTILE_LINES,
    );
    db.prepare('UPDATE accounts SET name = ?').run(HOSTILE);
  } finally {
    db.close();
  }
  bare = join(source, 'bare');
  mkdirSync(dataDirOf(bare), { recursive: true, mode: 0o700 });
  copyFileSync(join(dataDirOf(home), 'claims.db'), join(dataDirOf(bare), 'claims.db'));
}, 60_000);

afterAll(() => rmSync(source, { recursive: true, force: true }));

describe('stored text with control characters', () => {
  it('is shown escaped by show, every field and the timeline; show --json keeps it exact', async () => {
    const { stdout } = await ok(['show', '1'], home);
    expectPrintable(stdout);
    expect(stdout).toContain(`Account    ${SHOWN} (advertiser 7012345678901)`);
    expect(stdout).toContain(`Promotion  1790000001 ${SHOWN}`);
    expect(stdout).toContain(`Ticket     T-${SHOWN}`);
    expect(stdout).toContain(`\n  ${SHOWN_LINES[0]}\n  ${SHOWN_LINES[1]}\n`);
    expect(stdout).toContain(`receipt  ${SHOWN}.pdf`);
    expect(stdout).toContain(`    ${SHOWN}\n`);
    expect(stdout).toContain(`Note: ${SHOWN}`);
    expect(stdout).toContain(`> ${SHOWN_LINES[0]}\n`);
    expect(stdout).toContain(`(reason given: ${SHOWN})`);

    // JSON.stringify writes C0 as \u001b; DEL, C1 and bidi are written as \u escapes too.
    const json = await ok(['show', '1', '--json'], home);
    expectPrintable(json.stdout);
    expect(json.stdout).toContain('A\\u001b[2J\\u0007B\\rC\\u009b31mD\\u007fE\\u202eF');
    const document = JSON.parse(json.stdout) as { account: { name: string }; description: string };
    expect(document.account.name).toBe(HOSTILE);
    expect(document.description).toBe(HOSTILE_LINES);
  });

  it.each([
    ['list', []],
    ['status', []],
  ])('is shown escaped by %s as a table, as tab-separated lines and as JSON', async (command, args) => {
    const table = await ok([command, ...args], home, true);
    expectPrintable(table.stdout);
    expect(table.stdout).toContain('A\\x1b[2J\\x07B\\rC');
    // Tab-separated lines turn a value's tabs and line breaks into spaces, and escape the rest.
    const tsv = await ok([command, ...args], home);
    expectPrintable(tsv.stdout);
    expect(tsv.stdout).toContain(`\t${SHOWN.replace('\\r', ' ')}\t`);
    const json = await ok([command, ...args, '--json'], home);
    expectPrintable(json.stdout);
  });

  it('is shown escaped in the drafts: ticket, follow-up and appeal', async () => {
    const ticket = await ok(['ticket', '1'], home);
    expectPrintable(ticket.stdout);
    expect(ticket.stdout).toContain(`- Account name: ${SHOWN}`);
    expect(ticket.stdout).toContain(`WHAT HAPPENED\n${SHOWN_LINES[0]}\n${SHOWN_LINES[1]}\n`);
    expect(ticket.stdout).toContain(`.pdf  ${SHOWN}\n`);
    const followup = await ok(['followup', '2'], home);
    expectPrintable(followup.stdout);
    expect(followup.stdout).toContain(`ticket T-${SHOWN}`);
    const appeal = await ok(['appeal', '1'], home);
    expectPrintable(appeal.stdout);
    expect(appeal.stdout).toContain(`THE REASON GIVEN\n"${SHOWN}"`);
  });

  it('is written escaped into the bundle: ticket.txt and timeline.txt', async () => {
    await ok(['bundle', '1', '--out', 'hostile.zip', '--force'], home);
    const out = join(home, 'unzipped');
    unzipTo(join(home, 'hostile.zip'), out);
    const ticket = readFileSync(join(out, 'ticket.txt'), 'utf8');
    const timeline = readFileSync(join(out, 'timeline.txt'), 'utf8');
    expectPrintable(ticket);
    expectPrintable(timeline);
    expect(timeline).toContain(`Ticket filed with support (ticket T-${SHOWN})`);
    expect(timeline).toContain(`> ${SHOWN_LINES[1]}\n`);
  });

  it('is shown escaped by check and by export, when they name missing evidence files', async () => {
    // Without the evidence files: the check names each missing file.
    const check = await runCli(['check', '1'], { home: bare });
    expect(check.code).toBe(1);
    expectPrintable(check.stdout);
    expect(check.stdout).toContain(`Evidence #1 (${SHOWN}.pdf): the stored copy is gone`);
    expect(check.stdout).toContain(`fix: refund-claim attach RC-0001 <original of ${SHOWN}.pdf>`);
    const json = await runCli(['check', '1', '--json'], { home: bare });
    expectPrintable(json.stdout);
    // The copies it cannot carry make the export fail (exit 1), naming each file escaped.
    const exported = await runCli(['export', '--out', 'copy.json', '--with-evidence', 'copy'], { home: bare });
    expect(exported.code).toBe(1);
    expectPrintable(exported.stderr);
    expect(exported.stderr).toContain(`error: evidence "${SHOWN}.pdf"`);
  });

  it('leaves the calendar with no control characters but its CRLF line ends', async () => {
    const { stdout } = await ok(['calendar', '--out', '-'], home);
    expectPrintable(stdout.replaceAll('\r\n', '\n'));
    const events = new ICAL.Component(ICAL.parse(stdout))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.summary)).toContainEqual(
      expect.stringContaining(`RC-0002: follow up with support (ticket T-${SHOWN}) · ${SHOWN}`),
    );
    expect(events[0]?.description).toContain(`Account: ${SHOWN}`);
  });

  it('leaves the CSV export with no control characters but line ends, and the description its lines', async () => {
    const { stdout } = await ok(['export', '--format', 'csv'], home);
    expectPrintable(stdout.replaceAll('\r\n', '\n'));
    const [header, first] = parseCsv(stdout.slice(1));
    const cell = (name: string): string | undefined => first?.[header?.indexOf(name) ?? -1];
    expect(cell('account_name')).toBe(SHOWN);
    expect(cell('ticket_number')).toBe(`T-${SHOWN}`);
    expect(cell('description')).toBe(SHOWN_LINES.join('\n'));
  });

  it('is exported as JSON with \\u escapes only, which import refuses, showing them escaped', async () => {
    const { stdout } = await ok(['export', '--out', '-'], home);
    expectPrintable(stdout);
    expect(stdout).toContain('"message": "Billed twice \\u001b]0;pwned\\u0007on 3 Nov.\\r\\nSecond line:\\tend\\rX"');
    const again = tempDir();
    writeFileSync(join(again, 'again.json'), stdout);
    const refused = await runCli(['import', 'again.json'], { home: again });
    expect(refused.code).toBe(2);
    expectPrintable(refused.stderr);
  });

  it('is shown escaped in an error that quotes an import file', async () => {
    const file = join(source, 'bad-channel.json');
    const data = JSON.parse(readFileSync(join(source, 'backup.json'), 'utf8')) as { claims: Record<string, unknown>[] };
    Object.assign(data.claims[0] ?? {}, { channel: `ads${HOSTILE}` });
    writeFileSync(file, JSON.stringify(data));
    const result = await runCli(['import', file], { home: tempDir() });
    expect(result.code).toBe(2);
    expectPrintable(result.stderr);
    expect(result.stderr).toContain('\\x9b31mD\\x7fE\\u202eF');
  });
});
