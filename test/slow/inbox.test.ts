/**
 * `inbox` as a user runs it: the built binary over a folder of saved emails, twice at once on one
 * SQLite store (each email logged once), on /dev/zero, and in a real terminal answering prompts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxProposalJson } from '../../src/app/formats/inbox-json.js';
import { BIN, dataDirOf, NOW, run } from '../helpers/cli.js';
import { ACKNOWLEDGEMENT, CREATOR_REPLY, NEWSLETTER, writeEmail } from '../helpers/emails.js';
import { claimsForInbox, PROPOSALS, supportFolder } from '../helpers/inbox.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

async function setUp(): Promise<string> {
  const home = tempDir();
  await claimsForInbox((args) => runCli(args, { home }));
  supportFolder(home);
  return home;
}

const statuses = async (home: string): Promise<string[]> =>
  Promise.all(['1', '2', '3', '4'].map(async (id) => (await showClaim(home, id)).status));

describe('inbox with the built binary', () => {
  it('proposes, records with --yes --decisions, and skips everything the next morning', async () => {
    const home = await setUp();
    const json = await run(['inbox', 'support', '--json'], { home });
    expect(json.code, json.stderr).toBe(0);
    const proposals = JSON.parse(json.stdout) as InboxProposalJson[];
    expect(proposals.map((p) => [p.file.replace('support/', ''), p.claim, p.step, p.detail, p.confidence])).toEqual(
      PROPOSALS,
    );

    const applied = await run(['inbox', 'support', '--yes', '--decisions'], { home });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain('inbox: 6 recorded, 1 not recorded, 1 matching no claim.');
    expect(await statuses(home)).toEqual(['approved', 'partially-approved', 'denied', 'draft']);

    const nextMorning = await run(['inbox', 'support', '--yes', '--decisions'], { home });
    expect(nextMorning.code).toBe(0);
    expect(nextMorning.stderr).toContain('inbox: 0 recorded, 1 not recorded, 1 matching no claim, 6 logged before.');
  });

  it.each([1, 2, 3])('two inbox runs at once on one SQLite store log each email once (round %i)', async () => {
    const home = await setUp();
    const [a, b] = await Promise.all([
      run(['inbox', 'support', '--yes', '--decisions'], { home }),
      run(['inbox', 'support', '--yes', '--decisions'], { home }),
    ]);
    expect([a?.code, b?.code], `${a?.stderr}\n${b?.stderr}`).toEqual([0, 0]);
    const recorded = [a, b].map((result) => Number(/inbox: (\d+) recorded/.exec(result?.stderr ?? '')?.[1]));
    expect(recorded[0]! + recorded[1]!).toBe(6);
    expect(await statuses(home)).toEqual(['approved', 'partially-approved', 'denied', 'draft']);
    const first = await showClaim(home, '1');
    // created; message + submitted; request; reply; message + approval: each email once.
    expect(first.events.map((e) => e.type)).toEqual([
      'created',
      'message',
      'submitted',
      'message',
      'message',
      'message',
      'decision',
    ]);
    expect(first.evidence.filter((e) => e.mime === 'message/rfc822')).toHaveLength(4);
    // Whichever run logged it, the request for information was read as one.
    expect(first.events.find((e) => e.at === '2026-11-17')?.data).toMatchObject({ infoRequested: true });
  });

  it('refuses /dev/zero in bounded time and goes on with the rest', async () => {
    const home = await setUp();
    const result = await run(['inbox', '/dev/zero', 'support/01-ack.eml', '--yes'], { home, timeout: 30_000 });
    expect(result.stderr).toContain('inbox: /dev/zero: larger than 50 MB, the most a message or email may hold.');
    expect(result.stderr).toContain('inbox: 1 recorded, 1 file not usable.');
    expect(result.code).toBe(2);
  });
});

// CI installs tmux (.ci/run); elsewhere a machine without it skips this, loudly.
const describeWithTmux = hasTmux() || process.env.CI ? describe : describe.skip;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});

describeWithTmux('inbox in a real terminal', () => {
  it('asks for each email: apply, skip, or choose another claim', async () => {
    const home = tempDir();
    await claimsForInbox((args) => runCli(args, { home }));
    const dir = join(home, 'mail');
    mkdirSync(dir);
    writeEmail(dir, 'ack.eml', ACKNOWLEDGEMENT);
    writeEmail(dir, 'news.eml', NEWSLETTER);
    writeEmail(dir, 'creator.eml', CREATOR_REPLY.replace('order TT1-5550001', 'our order'));
    const t = TmuxSession.start('inbox', home, [process.execPath, BIN, 'inbox', 'mail'], {
      REFUND_CLAIM_HOME: dataDirOf(home),
      REFUND_CLAIM_NOW: NOW,
      TZ: 'UTC',
      HOME: home,
      PATH: process.env.PATH ?? '',
    });
    sessions.push(t);

    await t.waitFor('Step:    submit: ticket 7301928374 (confidence 0.95)');
    await t.waitFor('What should be recorded?');
    t.press('Enter'); // Record it (the default: the proposal is sure)
    await t.waitFor('RC-0001: ticket 7301928374 (submitted) of 2026-11-16 recorded from mail/ack.eml.');

    await t.waitFor('mail/news.eml');
    await t.waitFor(/Claim: +no claim[\s\S]*What should be recorded\?/);
    t.press('Enter'); // Skip this email (the default for an email matching no claim)

    // The creator names no ID: choose the claim by hand, then record the message.
    await t.waitFor(/mail\/creator\.eml[\s\S]*What should be recorded\?/);
    t.press('Up', 'Enter'); // Choose a claim
    await t.waitFor('Which claim is it about?');
    t.press('Down', 'Down', 'Down', 'Enter'); // RC-0004
    await t.waitFor(/RC-0004 \(your choice\)[\s\S]*What should be recorded\?/);
    t.press('Enter'); // Record the message (the default: the user chose the claim)
    await t.waitFor('RC-0004: message from support of 2026-11-18 recorded from mail/creator.eml.');
    expect(await t.exitCode()).toBe(0);

    expect((await showClaim(home, '1')).status).toBe('submitted');
    expect((await showClaim(home, '4')).events.at(-1)).toMatchObject({ type: 'message', data: { from: 'support' } });
  });
});
