/**
 * `log --message-file reply.eml`: a saved email read by the MIME parser is the message, its Date
 * the default --on, its sender the default --from; it is kept as evidence with its attachments,
 * and never logged twice.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags } from '../helpers/cli.js';
import {
  ACKNOWLEDGEMENT,
  APPROVAL,
  CREATOR_REPLY,
  DENIAL,
  INFO_REQUEST,
  MY_REPLY,
  NEWSLETTER,
  PARTIAL,
  writeEmail,
} from '../helpers/emails.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

async function drafted(...steps: string[][]): Promise<string> {
  const home = tempDir();
  expect((await runCli(claimFlags(), { home })).code).toBe(0);
  for (const step of steps) expect((await runCli(step, { home })).code).toBe(0);
  return home;
}

const SUBMITTED = ['submit', '1', '--ticket', '7301928374', '--on', '2026-11-16'];

function messageData(event: { data: unknown } | undefined): { from: string; message: string; infoRequested: boolean } {
  return event?.data as { from: string; message: string; infoRequested: boolean };
}

describe('log --message-file with a saved email', () => {
  it('logs the text body, the Date, the sender and keeps the email and its attachments', async () => {
    const home = await drafted(SUBMITTED);
    writeEmail(home, 'info.eml', INFO_REQUEST);
    const result = await runCli(['log', '1', '--message-file', 'info.eml', '--info-requested'], { home });
    expect(result.stderr).toContain(
      'RC-0001: message from support of 2026-11-17 logged from info.eml with 1 attachment (information requested). Status: info-requested.',
    );
    expect(result.stderr).toContain('Not kept logo.png from info.eml: an inline image.');
    expect(result.stderr).toContain('Not kept smime.p7s from info.eml: a signature.');
    expect(result.code).toBe(0);
    const claim = await showClaim(home);
    const event = claim.events.at(-1);
    expect(event).toMatchObject({ type: 'message', at: '2026-11-17', note: null });
    expect(messageData(event)).toMatchObject({ from: 'support', infoRequested: true });
    // base64 UTF-8, decoded: the message, not raw MIME.
    expect(messageData(event).message).toBe(
      'Hello,\n\nTo review the second charge, could you please provide the invoice for 3 November and a screenshot of the billing page? You can fill in the attached form.\n\nKind regards,\nMaría — TikTok Ads Support',
    );
    expect(claim.evidence.map((e) => [e.kind, e.name, e.mime])).toEqual([
      ['correspondence', 'info.eml', 'message/rfc822'],
      ['other', 'refund-form.pdf', 'application/pdf'],
    ]);
    expect(claim.evidence[0]?.caption).toBe(
      'Email from no-reply@support.tiktok.com of 2026-11-17: Re: Ticket 7301928374 - Double charge on Summer sale',
    );
  });

  it('counts only the attachments it kept: one already evidence is skipped and not counted', async () => {
    const home = await drafted(SUBMITTED);
    writeEmail(home, 'info.eml', INFO_REQUEST);
    writeEmail(home, 'resent.eml', INFO_REQUEST.replace('<info-1@support.tiktok.com>', '<info-2@support.tiktok.com>'));
    expect((await runCli(['log', '1', '--message-file', 'info.eml'], { home })).code).toBe(0);
    const resent = await runCli(['log', '1', '--message-file', 'resent.eml'], { home });
    expect(resent.code).toBe(0);
    expect(resent.stderr).toContain('Skipped refund-form.pdf: same content as evidence #2.\n');
    expect(resent.stderr).toContain('message from support of 2026-11-17 logged from resent.eml. Status:');
  });

  it('takes --from me from the contact email, the day in the user’s time zone, and cuts the quoted thread', async () => {
    const home = await drafted(SUBMITTED);
    writeEmail(home, 'reply.eml', MY_REPLY);
    // 08:05 +01:00 is 07:05 UTC on the 18th: still the 17th in Honolulu.
    const result = await runCli(['log', '1', '--message-file', 'reply.eml'], {
      home,
      env: { TZ: 'Pacific/Honolulu' },
    });
    expect(result.stderr).toContain('your message of 2026-11-17 logged from reply.eml with 2 attachments');
    expect(result.stderr).toContain('Not kept invite.ics from reply.eml: a calendar invitation.');
    const claim = await showClaim(home);
    expect(messageData(claim.events.at(-1))).toEqual({
      from: 'me',
      message: 'Hello María,\n\nPlease find the invoice and the billing page attached.',
      infoRequested: false,
      evidence: [1, 2, 3],
    });
    expect(claim.evidence.map((e) => [e.id, e.kind, e.name])).toEqual([
      [1, 'correspondence', 'reply.eml'],
      [2, 'receipt', 'invoice-INV-4471.pdf'],
      [3, 'screenshot', 'billing-page.png'],
    ]);
  });

  it('decodes quoted-printable ISO-8859-1 and an encoded-word subject; turns an HTML-only email into text', async () => {
    const home = await drafted(SUBMITTED);
    writeEmail(home, 'approval.eml', APPROVAL);
    writeEmail(home, 'denial.eml', DENIAL);
    expect((await runCli(['log', '1', '--message-file', 'approval.eml'], { home })).code).toBe(0);
    expect((await runCli(['log', '1', '--message-file', 'denial.eml'], { home })).code).toBe(0);
    const claim = await showClaim(home);
    const [approval, denial] = claim.events.slice(-2).map(messageData);
    expect(approval?.message).toBe(
      'Bonjour Ana,\n\nGood news: your refund request has been approved. A refund of USD 200.00 will be issued to the original payment method within 30 days. Merci de votre patience, et bonne journée.',
    );
    expect(claim.evidence[0]?.caption).toBe(
      'Email from no-reply@support.tiktok.com of 2026-11-19: Résolution du ticket 7301928374',
    );
    expect(denial?.message).toContain(
      'Unfortunately, we are unable to approve a refund because the impressions were delivered as ordered.',
    );
    expect(denial?.message).toContain('* Campaign: Winter boots');
    expect(denial?.message).not.toMatch(/<[a-z]/);
  });

  it('skips the same email the second time with a note, also saved under another name', async () => {
    const home = await drafted();
    writeEmail(home, 'ack.eml', ACKNOWLEDGEMENT);
    writeEmail(home, 'ack copy.eml', ACKNOWLEDGEMENT.replace('Hello,', 'Hello again,'));
    expect((await runCli(['log', '1', '--message-file', 'ack.eml'], { home })).code).toBe(0);
    const again = await runCli(['log', '1', '--message-file', 'ack copy.eml'], { home });
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toBe('Skipped ack copy.eml: this email was logged on RC-0001 already.\n');
    expect((await showClaim(home)).events).toHaveLength(2);
  });

  it('still skips it after an export and an import into another data directory', async () => {
    const home = await drafted();
    writeEmail(home, 'ack.eml', ACKNOWLEDGEMENT);
    expect((await runCli(['log', '1', '--message-file', 'ack.eml'], { home })).code).toBe(0);
    expect((await runCli(['export', '--out', 'backup.json'], { home })).code).toBe(0);
    const file = JSON.parse(readFileSync(join(home, 'backup.json'), 'utf8')) as {
      claims: { loggedEmails?: string[] }[];
    };
    expect(file.claims[0]?.loggedEmails).toEqual([expect.stringMatching(/^message-id:/)]);

    const moved = tempDir();
    expect((await runCli(['import', join(home, 'backup.json')], { home: moved })).code).toBe(0);
    const again = await runCli(['log', '1', '--message-file', join(home, 'ack.eml')], { home: moved });
    expect(again.stderr).toBe(`Skipped ${join(home, 'ack.eml')}: this email was logged on RC-0001 already.\n`);
    expect((await showClaim(moved)).events).toHaveLength(2);
  });

  it.each([
    ['acknowledgement', ACKNOWLEDGEMENT, 'support', '2026-11-16'],
    ['information request', INFO_REQUEST, 'support', '2026-11-17'],
    ['own reply', MY_REPLY, 'me', '2026-11-18'],
    ['approval', APPROVAL, 'support', '2026-11-19'],
    ['partial approval', PARTIAL, 'support', '2026-11-19'],
    ['denial', DENIAL, 'support', '2026-11-19'],
    ["creator's reply", CREATOR_REPLY, 'support', '2026-11-18'],
  ])('logs the %s as a message from %s of its day', async (_, text, from, day) => {
    const home = await drafted(SUBMITTED);
    writeEmail(home, 'mail.eml', text);
    const result = await runCli(['log', '1', '--message-file', 'mail.eml'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect((await showClaim(home)).events.at(-1)).toMatchObject({ type: 'message', at: day, data: { from } });
  });

  it('lets flags given explicitly win over what the email says', async () => {
    const home = await drafted(SUBMITTED);
    writeEmail(home, 'reply.eml', MY_REPLY);
    const result = await runCli(
      ['log', '1', '--message-file', 'reply.eml', '--from', 'support', '--on', '2026-11-19', '--note', 'forwarded'],
      { home },
    );
    expect(result.code).toBe(0);
    const event = (await showClaim(home)).events.at(-1);
    expect(event).toMatchObject({ at: '2026-11-19', note: 'forwarded', data: { from: 'support' } });
  });

  it('reads an email piped into standard input, and uses today for an email without a date', async () => {
    const home = await drafted();
    const undated = NEWSLETTER.replace(/Date: .*\r\n/, '');
    const result = await runCli(['log', '1', '--message-file', '-'], { home, input: undated });
    expect(result.stderr).toContain('- has no date; logged on 2026-11-20 (give --on to change it).');
    const claim = await showClaim(home);
    expect(claim.evidence[0]?.name).toBe('email.eml');
    expect(claim.events.at(-1)).toMatchObject({ at: '2026-11-20', data: { from: 'support' } });
  });

  it('still takes a plain text file as the message, and needs --from for it', async () => {
    const home = await drafted();
    writeFileSync(join(home, 'note.txt'), 'Called support, they will write back.\n');
    const missing = await runCli(['log', '1', '--message-file', 'note.txt'], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --from support|me (required unless the message file is a saved email)');
    expect((await runCli(['log', '1', '--message-file', 'note.txt', '--from', 'me'], { home })).code).toBe(0);
  });

  describe('refuses, with exit 2 and nothing recorded', () => {
    const refused = async (name: string, content: string | Buffer, message: string, args: string[] = []) => {
      const home = await drafted();
      writeEmail(home, name, content);
      const result = await runCli(['log', '1', '--message-file', name, ...args], { home });
      expect(result.stderr).toContain(message);
      expect(result.code).toBe(2);
      const claim = await showClaim(home);
      expect([claim.events.length, claim.evidence.length]).toEqual([1, 0]);
    };

    it('a file named .eml that is not an email', () =>
      refused(
        'reply.eml',
        'Thanks, we will look into it.\n',
        'error: --message-file reply.eml: not an email (its first lines are not mail headers).',
      ));

    it('a broken MIME structure', () =>
      refused(
        'broken.eml',
        'From: a@support.tiktok.com\r\nSubject: x\r\nDate: Tue, 17 Nov 2026 09:30:00 +0000\r\nContent-Type: multipart/mixed\r\n\r\nbody\r\n',
        'error: --message-file broken.eml: a broken MIME structure (a multipart body without a boundary).',
      ));

    it('an email dated in the future, unless --on says the day', async () => {
      await refused(
        'future.eml',
        NEWSLETTER.replace('Tue, 17 Nov 2026', 'Tue, 24 Nov 2026'),
        'error: --message-file future.eml: the email is dated 2026-11-24T07:00:00.000Z, in the future.',
      );
      const home = await drafted();
      writeEmail(home, 'future.eml', NEWSLETTER.replace('Tue, 17 Nov 2026', 'Tue, 24 Nov 2026'));
      expect((await runCli(['log', '1', '--message-file', 'future.eml', '--on', '2026-11-20'], { home })).code).toBe(0);
    });

    it('an email whose text is longer than a message may be', () =>
      refused(
        'long.eml',
        NEWSLETTER.replace('Plan early', 'word '.repeat(2100)),
        "error: --message-file long.eml: the email's text is 10540 characters long; at most 10000 are accepted.",
      ));

    it('an email of 60 MB', async () => {
      const home = await drafted();
      const path = writeEmail(home, 'huge.eml', ACKNOWLEDGEMENT);
      truncateSync(path, 60_000_000);
      const result = await runCli(['log', '1', '--message-file', 'huge.eml'], { home });
      expect(result.stderr).toContain(
        'error: --message-file huge.eml: larger than 50 MB, the most a message or email may hold.',
      );
      expect(result.code).toBe(2);
    });
  });
});
