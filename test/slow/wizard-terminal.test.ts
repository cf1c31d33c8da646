import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, dataDirOf, NOW } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

// CI installs tmux (.ci/run); elsewhere a machine without it skips these, loudly.
const describeWithTmux = hasTmux() || process.env.CI ? describe : describe.skip;

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});

function start(name: string, home: string, args: string[] = [], extraEnv: Record<string, string> = {}): TmuxSession {
  const session = TmuxSession.start(name, home, [process.execPath, BIN, 'new', ...args], {
    REFUND_CLAIM_HOME: dataDirOf(home),
    REFUND_CLAIM_NOW: NOW,
    TZ: 'UTC',
    HOME: home,
    PATH: process.env.PATH ?? '',
    // No editor: a multi-line answer is typed or pasted until a lone ".".
    VISUAL: '',
    EDITOR: '',
    // Started as `node bin/refund-claim.js`, not by npm (the test runner's own npm variables go).
    npm_lifecycle_event: '',
    npm_execpath: '',
    ...extraEnv,
  });
  sessions.push(session);
  return session;
}

describeWithTmux('the new-claim wizard in a real terminal', () => {
  it('drafts a claim, changes a mistyped value in the review, sees the new draft, and saves', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    const t = start('wizard', home);

    await t.waitFor('Where did you pay for the promotion?');
    t.press('Enter'); // TikTok Ads Manager campaign (first choice)
    await t.waitFor('What went wrong?');
    t.press('Down', 'Enter'); // incorrect-charge
    await t.waitFor('Advertiser ID');
    t.answer('7012345678901');
    await t.waitFor('Account or business name');
    t.answer('Acme Shoes');
    await t.waitFor('Contact email');
    t.answer('not-an-email');
    await t.waitFor('is not an email address');
    t.press('C-u');
    t.answer('ads@acme.test');
    await t.waitFor('Campaign or ad group ID (from Ads Manager)');
    t.answer('1790000001');
    await t.waitFor("Amount charged (USD, or write another currency's code: EUR 1.234,50)");
    t.answer('$15,000.00'); // a zero too many
    await t.waitFor('Amount that should have been charged (USD)');
    t.answer('300');
    await t.waitFor('What happened?');
    // Pasted over two lines: both are kept (no editor is set in this terminal).
    t.press('-l', 'We were billed twice for the budget increase.\nBoth charges are on the invoice.\n');
    t.answer('.');
    await t.waitFor('Path to a receipt, invoice or billing statement');
    t.answer('~/invoice.pdf');
    await t.waitFor('One-line caption');
    t.answer('Invoice showing both charges');
    await t.waitFor('Add another file?');
    t.press('Enter'); // No, that's all
    const preview = await t.waitFor('Save this claim?');
    expect(preview).toContain('Subject: Overcharge for campaign 1790000001: refund of USD 14,700.00 [RC-0001]');
    expect(preview).toContain('Not asked, taken as: refund requested USD 14,700.00; currency USD.');
    expect(preview).toContain('We were billed twice for the budget increase.\nBoth charges are on the invoice.');

    // The amount was mistyped: change it, and see the draft again.
    t.press('Down', 'Enter'); // Change a value
    await t.waitFor('Which value?');
    for (let i = 0; i < 12 && !/❯ Charged amount/.test(t.screen()); i++) {
      t.press('Down');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(t.screen()).toContain('❯ Charged amount: USD 15,000.00');
    t.press('Enter');
    await t.waitFor('Amount charged (USD)');
    t.press('C-u');
    t.answer('1500');
    await t.waitFor('refund of USD 1,200.00');
    await t.waitFor(/Save this claim\?[\s\S]*Save this claim\?/);
    expect(t.screen()).toContain('Refund requested: USD 1,200.00');
    t.press('Enter'); // Save it
    const saved = await t.waitFor('Saved RC-0001');
    expect(saved).toContain(`Stored in ${dataDirOf(home)}/claims.db.`);
    // Not on PATH, not started by npm: the next steps repeat how this run was started.
    expect(saved).toContain(`  node ${BIN} ticket RC-0001`);
    expect(await t.exitCode()).toBe(0);

    const claim = await showClaim(home);
    expect(claim).toMatchObject({
      channel: 'tiktok-ads',
      reason: 'incorrect-charge',
      account: { name: 'Acme Shoes', advertiserId: '7012345678901', email: 'ads@acme.test' },
      amounts: { charged: '1500.00', expected: '300.00', requested: '1200.00' },
      description: 'We were billed twice for the budget increase.\nBoth charges are on the invoice.',
    });
    expect(claim.evidence.map((e) => [e.kind, e.name, e.caption])).toEqual([
      ['receipt', 'invoice.pdf', 'Invoice showing both charges'],
    ]);
  });

  it('Ctrl-C at a prompt exits 130 and saves nothing', async () => {
    const home = tempDir();
    const t = start('cancel', home);
    await t.waitFor('Where did you pay for the promotion?');
    t.press('Enter');
    await t.waitFor('What went wrong?');
    t.press('Enter');
    await t.waitFor('Advertiser ID');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('Cancelled — nothing was saved.');
    expect((await runCli(['list', '--json'], { home })).stdout).toBe('[]\n');
  });

  it('Ctrl-C while typing the description exits 130 too', async () => {
    const home = tempDir();
    const t = start('cancel-description', home, [
      '--channel',
      'tiktok-promote',
      '--reason',
      'accidental-charge',
      '--account-name',
      'Corner Bakery',
      '--email',
      'hi@bakery.test',
      '--promotion-id',
      'P-1',
      '--charged',
      '20',
      '--charge-date',
      'yesterday',
    ]);
    await t.waitFor('What happened?');
    t.answer('First line, then I change my mind');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect((await runCli(['list', '--json'], { home })).stdout).toBe('[]\n');
  });

  it('reuses a saved account when its advertiser ID is typed', async () => {
    const home = tempDir();
    const t = start('account', home);
    await runCli(
      [
        'new',
        '--no-input',
        '--reason',
        'campaign-cancelled',
        '--advertiser-id',
        '7012345678901',
        '--account-name',
        'Acme Shoes',
        '--email',
        'ads@acme.test',
        '--promotion-id',
        '1',
        '--charged',
        '10',
        '--description',
        'Cancelled before launch on 1 November.',
        '--cancelled-on',
        '2026-11-01',
        '--cancel-reason',
        'The launch was called off',
      ],
      { home },
    );
    await t.waitFor('Where did you pay for the promotion?');
    t.press('Enter');
    await t.waitFor('What went wrong?');
    t.press('Down', 'Down', 'Down', 'Down', 'Enter'); // campaign-cancelled
    await t.waitFor('Advertiser ID');
    t.answer('7012345678901');
    await t.waitFor('Use the saved account Acme Shoes (advertiser 7012345678901) <ads@acme.test>?');
    t.press('Enter');
    await t.waitFor('Campaign or ad group ID');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('asks neither the currency nor the requested amount once amounts were given as flags', async () => {
    const home = tempDir();
    const t = start('amounts', home, [
      '--channel',
      'tiktok-promote',
      '--reason',
      'campaign-cancelled',
      '--charged',
      '500',
    ]);
    await t.waitFor('Account or business name');
    t.answer('Corner Bakery');
    await t.waitFor('Contact email');
    t.answer('hi@bakery.test');
    await t.waitFor('Promote order ID');
    t.answer('P-1');
    await t.waitFor('When was it cancelled?');
    t.answer('yesterday');
    await t.waitFor('Why was it cancelled?');
    t.answer('The shop closed for renovation');
    const screen = await t.waitFor('What happened?');
    expect(screen).not.toContain('Currency');
    expect(screen).not.toContain('Amount');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it("writes the description in the user's editor when $EDITOR is set", async () => {
    const home = tempDir();
    const editor = join(home, 'fake-editor.sh');
    // Stands in for a person writing two paragraphs and saving the file.
    writeFileSync(editor, '#!/bin/sh\nprintf \'Paid on 1 Nov.\\n\\nNothing was posted by 10 Nov.\\n\' > "$1"\n');
    chmodSync(editor, 0o755);
    const t = start(
      'editor',
      home,
      [
        '--channel',
        'creator',
        '--reason',
        'creator-no-delivery',
        '--account-name',
        'Corner Bakery',
        '--email',
        'hi@bakery.test',
        '--promotion-id',
        'deal-7',
        '--charged',
        '800',
        '--creator',
        '@studio',
        '--deliverables',
        'Two videos',
        '--deliverables-due',
        '2026-11-10',
      ],
      { EDITOR: editor },
    );
    await t.waitFor('What happened?');
    t.press('Enter'); // open the editor
    await t.waitFor('Path to an email or chat log');
    t.answer('');
    await t.waitFor('Path to a receipt');
    t.answer('');
    await t.waitFor('Add another file?');
    t.press('Enter');
    await t.waitFor('Save this claim?');
    t.press('Enter');
    await t.waitFor('Saved RC-0001');
    expect(await t.exitCode()).toBe(0);
    expect((await showClaim(home)).description).toBe('Paid on 1 Nov.\n\nNothing was posted by 10 Nov.');
  });
});
