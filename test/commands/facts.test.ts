import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags } from '../helpers/cli.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';

const NOW = '2026-11-20T12:00:00Z';

/** A technical-issue claim with every fact given; an override of '' leaves that flag out. */
function technicalIssue(overrides: Record<string, string> = {}): string[] {
  const flags = claimFlags({
    '--reason': 'technical-issue',
    '--expected': '',
    '--start': '2026-11-01',
    '--end': '2026-11-07',
    '--noticed-on': '2026-11-03',
    '--failure': 'Delivery stopped while spend continued',
    '--invoice': 'INV-4471',
    '--agency': 'Northwind Media',
    '--sales-rep': 'dana@tiktok.test',
    '--as-credit': '',
    ...overrides,
  });
  const omitted = new Set(['--expected', ...Object.keys(overrides).filter((flag) => overrides[flag] === '')]);
  return flags.filter((flag) => !omitted.has(flag));
}

describe("the reason's facts (version 2)", () => {
  it.each([
    ['--noticed-on', technicalIssue()],
    ['--charge-date', claimFlags({ '--reason': 'accidental-charge', '--charge-date': '2026-11-01' })],
  ])('refuses %s in the future (it is a day something happened), saving nothing', async (flag, args) => {
    const home = tempDir();
    const future = args.map((value, index) => (args[index - 1] === flag ? '2026-11-21' : value));
    const result = await runCli(future, { home, now: NOW });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(`${flag} 2026-11-21 is in the future (today is 2026-11-20)`);
    expect((await runCli(['list', '--json'], { home, now: NOW })).stdout.trim()).toBe('[]');
  });

  it('takes every fact as a flag and shows it in show --json, null when not given', async () => {
    const home = tempDir();
    const created = await runCli(technicalIssue(), { home, now: NOW });
    expect(created.stderr).toBe(created.code === 0 ? created.stderr : '');
    expect(created.code).toBe(0);
    const claim = await showClaim(home, '1', NOW);
    expect(claim.facts).toEqual({
      noticedOn: '2026-11-03',
      cancelledOn: null,
      cancelReason: null,
      failure: 'Delivery stopped while spend continued',
      invoice: 'INV-4471',
      balanceShownOn: null,
      deliverablesDue: null,
      paidVia: null,
    });
    expect(claim.account).toMatchObject({ agency: 'Northwind Media', salesRep: 'dana@tiktok.test' });
    expect(claim.asCredit).toBe(true);
    expect(claim.factsVersion).toBe(2);
  });

  it('defaults --paid-via to direct on creator, takes tiktok-one, and refuses it elsewhere', async () => {
    const home = tempDir();
    const creator = (extra: string[]) => [
      'new',
      '--no-input',
      '--channel',
      'creator',
      '--reason',
      'creator-no-delivery',
      '--account-name',
      'Corner Bakery',
      '--email',
      'hi@bakery.test',
      '--charged',
      '800',
      '--creator',
      'studio.name',
      '--deliverables',
      'Two videos',
      '--deliverables-due',
      '2026-11-10',
      '--description',
      'Paid in full on 1 Nov; neither video has been posted.',
      ...extra,
    ];
    expect((await runCli(creator(['--promotion-id', 'deal-1']), { home, now: NOW })).code).toBe(0);
    expect((await showClaim(home, '1', NOW)).facts).toMatchObject({ paidVia: 'direct', deliverablesDue: '2026-11-10' });
    const one = await runCli(creator(['--promotion-id', 'deal-2', '--paid-via', 'tiktok-one']), { home, now: NOW });
    expect(one.code).toBe(0);
    expect((await showClaim(home, '2', NOW)).facts.paidVia).toBe('tiktok-one');
    const bad = await runCli(creator(['--promotion-id', 'deal-3', '--paid-via', 'paypal']), { home, now: NOW });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--paid-via must be one of tiktok-one, direct');
    const ads = await runCli(claimFlags({ '--paid-via': 'tiktok-one', '--promotion-id': 'x' }), { home, now: NOW });
    expect(ads.code).toBe(2);
    expect(ads.stderr).toContain('is for creator claims only');
  });

  it('names the new required facts of each reason when a script leaves them out', async () => {
    const home = tempDir();
    const missing = async (reason: string, drop: string[]): Promise<string> => {
      const flags = claimFlags({ '--reason': reason, '--expected': '' });
      const kept = flags.filter(
        (flag, i) => flag !== '--expected' && !drop.includes(flag) && !drop.includes(flags[i - 1] ?? ''),
      );
      const result = await runCli(kept, { home, now: NOW });
      expect(result.code).toBe(2);
      return result.stderr.split('\n')[0] ?? '';
    };
    expect(await missing('technical-issue', ['--failure'])).toContain('--start, --end, --failure');
    expect(await missing('campaign-cancelled', ['--cancelled-on', '--cancel-reason'])).toContain(
      'missing --cancelled-on, --cancel-reason',
    );
  });

  it('saves the agency and sales representative with the account and reuses them', async () => {
    const home = tempDir();
    await runCli(claimFlags({ '--agency': 'Northwind Media', '--sales-rep': 'Dana Lee' }), { home, now: NOW });
    const second = await runCli(claimFlags({ '--promotion-id': '1790000002' }), { home, now: NOW });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Filing as Northwind Media');
    expect((await showClaim(home, '2', NOW)).account).toMatchObject({
      agency: 'Northwind Media',
      salesRep: 'Dana Lee',
    });
  });

  it('edit sets and clears facts, --as-credit and --no-as-credit, and records the change', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW });
    const edited = await runCli(['edit', '1', '--invoice', 'INV-9', '--as-credit', '--agency', 'Northwind'], {
      home,
      now: NOW,
    });
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain('invoice reference');
    let claim = await showClaim(home, '1', NOW);
    expect(claim.facts.invoice).toBe('INV-9');
    expect(claim.asCredit).toBe(true);
    expect(claim.account.agency).toBe('Northwind');
    expect(claim.events.at(-1)?.data).toEqual({ fields: ['invoice', 'agency', 'asCredit'] });
    await runCli(['edit', '1', '--no-as-credit'], { home, now: NOW });
    claim = await showClaim(home, '1', NOW);
    expect(claim.asCredit).toBe(false);
  });

  it('refuses --as-credit where it contradicts the draft: an unspent balance, a creator (new, edit, import)', async () => {
    const home = tempDir();
    const unspent = claimFlags({
      '--reason': 'unspent-balance',
      '--expected': '',
      '--yes': '',
      '--as-credit': '',
    }).filter((flag) => flag !== '--expected');
    const refused = await runCli(unspent, { home, now: NOW });
    expect(refused.code).toBe(2);
    expect(refused.stderr.slice(refused.stderr.indexOf('error: '))).toBe(
      'error: Cannot save the claim: --as-credit does not fit an unspent-balance claim: Close Account and Refund ' +
        'pays the balance back to the original payment method (within about 60 days) and closes the ad account for good.\n' +
        '  Leave out --as-credit (edit: --no-as-credit); to keep using the balance, transfer the balance to the ' +
        'Business Center instead of closing the account.\n',
    );
    expect((await runCli(['list', '--json'], { home, now: NOW })).stdout).toBe('[]\n');

    expect(
      (
        await runCli(
          unspent.filter((flag) => flag !== '--as-credit'),
          { home, now: NOW },
        )
      ).code,
    ).toBe(0);
    const edited = await runCli(['edit', '1', '--as-credit'], { home, now: NOW });
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain('--as-credit does not fit an unspent-balance claim');
    expect((await showClaim(home, '1', NOW)).asCredit).toBe(false);

    // An export edited by hand is held to the same rule.
    const exported = JSON.parse((await runCli(['export'], { home, now: NOW })).stdout) as {
      claims: { asCredit: boolean }[];
    };
    for (const claim of exported.claims) claim.asCredit = true;
    const file = join(home, 'edited.json');
    writeFileSync(file, JSON.stringify(exported));
    const imported = await runCli(['import', file], { home: tempDir(), now: NOW });
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('asCredit is inconsistent: --as-credit does not fit an unspent-balance claim');

    const creator = await runCli(
      [
        ...claimFlags({ '--channel': 'creator', '--advertiser-id': '', '--promotion-id': 'deal-1', '--as-credit': '' }),
      ].filter((flag) => flag !== '--advertiser-id'),
      { home, now: NOW },
    );
    expect(creator.code).toBe(2);
    expect(creator.stderr).toContain(
      '--as-credit does not fit a creator claim: a creator cannot give TikTok ad credit',
    );
  });

  it('check warns about a fact the reason is stronger with, naming the edit that adds it', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home, now: NOW });
    const result = await runCli(['check', '1'], { home, now: NOW });
    expect(result.stdout).toContain('warning  The invoice reference is not given');
    expect(result.stdout).toContain('fix: refund-claim edit RC-0001 --invoice <value>');
  });
});

describe('show, for a person', () => {
  it('prints the facts, the agency and the sales representative under Details', async () => {
    const home = tempDir();
    const created = await runCli(technicalIssue({ '--invoice': '' }), { home, now: NOW });
    expect(created.code, created.stderr).toBe(0);
    const { stdout } = await runCli(['show', '1'], { home, now: NOW });
    for (const line of [
      /day the problem was noticed +2026-11-03/,
      /what failed +Delivery stopped while spend continued/,
      /agency +Northwind Media/,
      /sales representative +dana@tiktok\.test/,
      /ad credit instead of money back +yes/,
    ]) {
      expect(stdout).toMatch(line);
    }
  });
});
