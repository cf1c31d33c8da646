/**
 * `inbox`: support's saved emails matched to claims, with the step each implies; nothing recorded
 * without --yes, decisions only with --decisions, already-logged emails skipped on every later run.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboxProposalJson } from '../../src/app/formats/inbox-json.js';
import {
  ACKNOWLEDGEMENT,
  APPROVAL,
  DENIAL,
  INFO_REQUEST,
  mbox,
  NEWSLETTER,
  PARTIAL,
  writeEmail,
} from '../helpers/emails.js';
import { claimsForInbox, PROPOSALS, supportFolder } from '../helpers/inbox.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

async function setUp(): Promise<{ home: string; folder: string }> {
  const home = tempDir();
  await claimsForInbox((args) => runCli(args, { home }));
  return { home, folder: supportFolder(home) };
}

const statuses = async (home: string): Promise<string[]> =>
  Promise.all(['1', '2', '3', '4'].map(async (id) => (await showClaim(home, id)).status));

describe('inbox', () => {
  it('--json proposes a claim and a step per email, in the order they were sent, and records nothing', async () => {
    const { home } = await setUp();
    const result = await runCli(['inbox', 'support', '--json'], { home });
    expect(result.code, result.stderr).toBe(0);
    const proposals = JSON.parse(result.stdout) as InboxProposalJson[];
    expect(proposals.map((p) => [p.file.replace('support/', ''), p.claim, p.step, p.detail, p.confidence])).toEqual(
      PROPOSALS,
    );
    expect(proposals[0]).toEqual({
      file: 'support/01-ack.eml',
      messageId: '<ack-7301928374@support.tiktok.com>',
      date: '2026-11-16T10:15:00.000Z',
      from: 'no-reply@support.tiktok.com',
      subject: 'We received your request [RC-0001]',
      claim: 'RC-0001',
      candidates: [],
      step: 'submit',
      detail: '7301928374',
      confidence: 0.95,
    });
    expect(proposals.find((p) => p.file.endsWith('approval.eml'))?.subject).toBe('Résolution du ticket 7301928374');
    expect(result.stderr).toContain('No claim matches support/08-news.eml: "Five tips for your holiday campaigns".');
    expect(result.stderr).toContain('inbox: 0 recorded, 7 not recorded, 1 matching no claim.');
    expect(await statuses(home)).toEqual(['draft', 'submitted', 'submitted', 'draft']);
  });

  it('--yes records messages, ticket numbers and requests; --decisions the decisions; a later run skips them all', async () => {
    const { home } = await setUp();
    const yes = await runCli(['inbox', 'support', '--yes'], { home });
    expect(yes.code, yes.stderr).toBe(0);
    // Piped: one tab-separated line per email, SPEC's JSON keys in order.
    expect(yes.stdout.split('\n')[0]).toBe(
      'support/01-ack.eml\t2026-11-16T10:15:00.000Z\tno-reply@support.tiktok.com\tWe received your request [RC-0001]\tRC-0001\tsubmit\t7301928374\t0.95',
    );
    expect(yes.stderr).toContain(
      'RC-0001: ticket 7301928374 (submitted) of 2026-11-16 recorded from support/01-ack.eml. Status: submitted.',
    );
    expect(yes.stderr).toContain(
      'RC-0001: request for information of 2026-11-17 recorded from support/02-info.eml. Status: info-requested.',
    );
    expect(yes.stderr).toContain(
      'RC-0001: message from you of 2026-11-18 recorded from support/03-reply.eml. Status: submitted.',
    );
    expect(yes.stderr).toContain('inbox: 3 recorded, 4 not recorded, 1 matching no claim.');
    expect(await statuses(home)).toEqual(['submitted', 'submitted', 'submitted', 'draft']);
    const first = await showClaim(home, '1');
    expect(first.ticketNumber).toBe('7301928374');
    expect(first.events.map((e) => [e.type, e.at])).toEqual([
      ['created', '2026-11-20'],
      ['message', '2026-11-16'],
      ['submitted', '2026-11-16'],
      ['message', '2026-11-17'],
      ['message', '2026-11-18'],
    ]);

    const decisions = await runCli(['inbox', 'support', '--yes', '--decisions'], { home });
    expect(decisions.code, decisions.stderr).toBe(0);
    expect(decisions.stderr).toContain('Skipped support/01-ack.eml: logged on RC-0001 already.');
    expect(decisions.stderr).toContain('inbox: 3 recorded, 1 not recorded, 1 matching no claim, 3 logged before.');
    expect(await statuses(home)).toEqual(['approved', 'partially-approved', 'denied', 'draft']);
    expect((await showClaim(home, '2')).amounts.recovered).toBeNull();
    const denial = (await showClaim(home, '3')).events.at(-1);
    expect(denial).toMatchObject({
      type: 'decision',
      at: '2026-11-19',
      data: {
        decision: 'denied',
        reason: 'Unfortunately, we are unable to approve a refund because the impressions were delivered as ordered.',
      },
    });
    expect((await showClaim(home, '2')).events.at(-1)).toMatchObject({
      data: { decision: 'partially-approved', amount: '120.00' },
    });

    const again = await runCli(['inbox', 'support', '--yes', '--decisions'], { home });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('inbox: 0 recorded, 1 not recorded, 1 matching no claim, 6 logged before.');
    expect(again.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('reads an mbox holding several emails, naming each as path#n', async () => {
    const { home } = await setUp();
    writeFileSync(join(home, 'support.mbox'), mbox(ACKNOWLEDGEMENT, NEWSLETTER, INFO_REQUEST));
    const result = await runCli(['inbox', 'support.mbox', '--json'], { home });
    expect(result.code, result.stderr).toBe(0);
    const proposals = JSON.parse(result.stdout) as InboxProposalJson[];
    expect(proposals.map((p) => [p.file, p.claim, p.step])).toEqual([
      ['support.mbox#1', 'RC-0001', 'submit'],
      ['support.mbox#2', null, null],
      ['support.mbox#3', 'RC-0001', 'info-requested'],
    ]);
  });

  it('goes on past unusable files, names each on one line, and exits 2', async () => {
    const { home } = await setUp();
    const dir = join(home, 'mixed');
    writeFileSync(join(home, 'placeholder'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeEmail(dir, 'a-ack.eml', ACKNOWLEDGEMENT);
    writeEmail(dir, 'b-not-an-email.eml', 'Dear support, where is my money?\n');
    writeEmail(
      dir,
      'c-broken.eml',
      'From: s@support.tiktok.com\r\nDate: Tue, 17 Nov 2026 09:30:00 +0000\r\nContent-Type: multipart/mixed; boundary="gone"\r\n\r\nno parts\r\n',
    );
    writeFileSync(join(dir, 'd.mbox'), mbox(DENIAL, 'This is not an email at all.\n', APPROVAL));
    const huge = writeEmail(dir, 'e-huge.eml', ACKNOWLEDGEMENT);
    truncateSync(huge, 60_000_000);
    const result = await runCli(['inbox', 'mixed', 'missing.eml', '--yes', '--decisions'], { home });
    expect(result.stderr).toContain(
      'inbox: mixed/b-not-an-email.eml: not an email (its first lines are not mail headers).',
    );
    expect(result.stderr).toContain(
      'inbox: mixed/c-broken.eml: a broken MIME structure (its boundary "gone" never appears).',
    );
    expect(result.stderr).toContain('inbox: mixed/d.mbox#2: not an email (its first lines are not mail headers).');
    expect(result.stderr).toContain(
      'inbox: mixed/e-huge.eml: larger than 50 MB, the most a message or email may hold.',
    );
    expect(result.stderr).toContain('inbox: missing.eml: cannot read it (no such file or folder).');
    expect(result.stderr).toContain('inbox: 3 recorded, 5 files not usable.');
    expect(result.code).toBe(2);
    expect(await statuses(home)).toEqual(['approved', 'submitted', 'denied', 'draft']);
  });

  it('never guesses between claims that match equally, and lists the email', async () => {
    const { home } = await setUp();
    writeEmail(
      home,
      'both.eml',
      NEWSLETTER.replace('Five tips', 'About RC-9 and promotion TT1-5550001 or 1790000001').replace(
        'Plan early',
        'Two promotions: 1790000002 and',
      ),
    );
    const result = await runCli(['inbox', 'both.eml', '--json'], { home });
    const [proposal] = JSON.parse(result.stdout) as InboxProposalJson[];
    expect(proposal).toMatchObject({ claim: null, step: null, confidence: 0 });
  });

  it('asks before recording a partial approval that states no amount, or one in another currency', async () => {
    const { home } = await setUp();
    writeEmail(
      home,
      'no-amount.eml',
      PARTIAL.replace('a partial refund of U=\r\nSD 120.00 will be credited', 'part of it will be credited'),
    );
    writeEmail(
      home,
      'euro.eml',
      PARTIAL.replace('U=\r\nSD 120.00', 'EUR 1=\r\n20.00').replace('partial-1@', 'partial-2@'),
    );
    const result = await runCli(['inbox', 'no-amount.eml', 'euro.eml', '--json', '--yes', '--decisions'], { home });
    const proposals = JSON.parse(result.stdout) as InboxProposalJson[];
    expect(proposals.map((p) => [p.file, p.claim, p.step, p.detail, p.confidence])).toEqual([
      ['no-amount.eml', 'RC-0002', 'partially-approved', null, 0.7],
      ['euro.eml', 'RC-0002', 'partially-approved', 'EUR 120.00', 0.7],
    ]);
    expect(result.stderr).toContain('inbox: 0 recorded, 2 not recorded.');
    expect((await showClaim(home, '2')).status).toBe('submitted');
  });

  it('reads one email or an mbox piped into standard input', async () => {
    const { home } = await setUp();
    const one = await runCli(['inbox', '-', '--json'], { home, input: ACKNOWLEDGEMENT });
    expect((JSON.parse(one.stdout) as InboxProposalJson[]).map((p) => [p.file, p.step])).toEqual([['-', 'submit']]);
    const several = await runCli(['inbox', '-', '--json'], { home, input: mbox(ACKNOWLEDGEMENT, NEWSLETTER) });
    expect((JSON.parse(several.stdout) as InboxProposalJson[]).map((p) => p.file)).toEqual(['-#1', '-#2']);
  });

  it('keeps an attachment once per claim when two emails carry the same file', async () => {
    const { home } = await setUp();
    writeEmail(home, 'a.eml', INFO_REQUEST.replace('Ticket 7301928374', 'Ticket 8800112233'));
    writeEmail(
      home,
      'b.eml',
      INFO_REQUEST.replace('Ticket 7301928374', 'Ticket 8800112233')
        .replace('<info-1@', '<info-2@')
        .replace('17 Nov 2026 09:30', '18 Nov 2026 09:30'),
    );
    const result = await runCli(['inbox', 'a.eml', 'b.eml', '--yes'], { home });
    expect(result.stderr).toContain('Skipped refund-form.pdf: same content as evidence #2.');
    expect((await showClaim(home, '2')).evidence.map((e) => e.name)).toEqual(['a.eml', 'refund-form.pdf', 'b.eml']);
  });
});
