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

function start(name: string, home: string, args: string[] = []): TmuxSession {
  const session = TmuxSession.start(name, home, [process.execPath, BIN, 'new', ...args], {
    REFUND_CLAIM_HOME: dataDirOf(home),
    REFUND_CLAIM_NOW: NOW,
    TZ: 'UTC',
    HOME: home,
    PATH: process.env.PATH ?? '',
  });
  sessions.push(session);
  return session;
}

describeWithTmux('the new-claim wizard in a real terminal', () => {
  it('drafts and saves a claim the way a person would', async () => {
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
    await t.waitFor('Name of the campaign or ad group (optional)');
    t.answer('Summer sale');
    await t.waitFor('Currency (ISO 4217 code)');
    t.answer('');
    await t.waitFor('Amount charged (USD)');
    t.answer('$1,500.00');
    await t.waitFor('Amount that should have been charged (USD)');
    t.answer('300');
    await t.waitFor('Invoice or billing statement reference');
    t.answer('INV-4471');
    await t.waitFor('Amount to request back (USD)');
    t.answer('');
    await t.waitFor('What happened?');
    t.answer('We were billed twice for the budget increase on 3 November.');
    await t.waitFor("The platform's deadline for filing");
    t.answer('');
    await t.waitFor('Path to a receipt, invoice or billing statement');
    t.answer('~/invoice.pdf');
    await t.waitFor('One-line caption');
    t.answer('Invoice showing both charges');
    await t.waitFor('Add another file?');
    t.press('Enter'); // No, that's all
    const preview = await t.waitFor('Save this claim?');
    expect(preview).toContain('RC-0001 is complete: nothing required is missing.');
    expect(preview).toContain('Subject: Overcharge for "Summer sale": refund of USD 1,200.00 [RC-0001]');
    expect(preview).toContain('01  01-receipt-invoice.pdf  Invoice showing both charges');
    t.press('Enter');
    await t.waitFor('Saved RC-0001');
    expect(await t.exitCode()).toBe(0);

    const claim = await showClaim(home);
    expect(claim).toMatchObject({
      channel: 'tiktok-ads',
      reason: 'incorrect-charge',
      account: { name: 'Acme Shoes', advertiserId: '7012345678901', email: 'ads@acme.test' },
      amounts: { charged: '1500.00', expected: '300.00', requested: '1200.00' },
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

  it('does not ask the currency again once amounts were given as flags (they were read in USD)', async () => {
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
    await t.waitFor('Name of the Promote order (optional)');
    t.answer('');
    await t.waitFor('When was it cancelled?');
    t.answer('yesterday');
    await t.waitFor('Why was it cancelled?');
    t.answer('The shop closed for renovation');
    const screen = await t.waitFor('Amount to request back (USD)');
    expect(screen).not.toContain('Currency (ISO 4217 code)');
    expect(screen).toContain('(500.00)');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
  });
});
