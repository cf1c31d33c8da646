/**
 * An agency's view: claims across several advertiser accounts, `accounts` and `--account`, and
 * the tables a person reads fitted to an 80- or 120-column terminal, wide characters included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFlags, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const TOKYO = '株式会社サンプル広告代理店 東京本社 🚀';
const TOKYO_ID = '7012345678901234567';
const PROMOTION = '年末セール キャンペーン 2026 🎉 超特価 — 全商品 50% オフ';

let home: string;

async function ok(args: string[], options: { columns?: number; terminal?: boolean } = {}) {
  const result = await runCli(args, { home, ...options });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

// One data directory for the file's read-only tests (tempDir's are removed after each test).
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'refund-claim-accounts-'));
  // RC-0001: Acme Shoes, overdue to file. RC-0002: the Tokyo agency's client, a 19-digit ID.
  // RC-0003: Café Lumière (no advertiser ID, JPY). RC-0004: Acme Shoes, closed with money back.
  // RC-0005: a second "Acme Shoes", another advertiser.
  await ok([...claimFlags(), '--file-by', '2026-11-18']);
  await ok(
    claimFlags({
      '--account-name': TOKYO,
      '--advertiser-id': TOKYO_ID,
      '--promotion-id': '1790000000000000001',
      '--promotion-name': PROMOTION,
      '--agency': 'Northwind Media',
      '--sales-rep': 'Dana Li',
      '--charged': '12345.67',
      '--expected': '0.01',
    }),
  );
  await ok(promoteFlags('PRM-1'));
  await ok(claimFlags({ '--promotion-id': '1790000004' }));
  await ok(['submit', '4', '--ticket', 'T-4', '--on', '2026-11-10']);
  await ok(['close', '4', '--outcome', 'refunded', '--amount', '150', '--on', '2026-11-19']);
  await ok(
    claimFlags({ '--advertiser-id': '7099999999999', '--promotion-id': '1790000005', '--email': 'x@acme.test' }),
  );
}, 60_000);

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('accounts', () => {
  it('lists every saved account with its claims open and in all, and amounts per currency', async () => {
    const { stdout } = await ok(['accounts', '--json']);
    expect(JSON.parse(stdout)).toEqual([
      {
        name: 'Acme Shoes',
        advertiserId: '7012345678901',
        email: 'ads@acme.test',
        agency: null,
        salesRep: null,
        open: 1,
        total: 2,
        amounts: [{ currency: 'USD', requested: '400.00', recovered: '150.00' }],
      },
      {
        name: 'Acme Shoes',
        advertiserId: '7099999999999',
        email: 'x@acme.test',
        agency: null,
        salesRep: null,
        open: 1,
        total: 1,
        amounts: [{ currency: 'USD', requested: '200.00', recovered: '0.00' }],
      },
      {
        name: 'Café Lumière',
        advertiserId: null,
        email: 'hello@cafe.test',
        agency: null,
        salesRep: null,
        open: 1,
        total: 1,
        amounts: [{ currency: 'JPY', requested: '5000', recovered: '0' }],
      },
      {
        name: TOKYO,
        advertiserId: TOKYO_ID,
        email: 'ads@acme.test',
        agency: 'Northwind Media',
        salesRep: 'Dana Li',
        open: 1,
        total: 1,
        amounts: [{ currency: 'USD', requested: '12345.66', recovered: '0.00' }],
      },
    ]);
    const wide = (await ok(['accounts'], { terminal: true, columns: 200 })).stdout.split('\n');
    expect(wide[0]).toMatch(/^ACCOUNT +ADVERTISER ID +EMAIL +AGENCY +SALES REP +OPEN +CLAIMS +REQUESTED +RECOVERED$/);
    expect(wide.find((line) => line.startsWith(TOKYO))).toMatch(/Northwind Media +Dana Li +1 +1 +USD 12,345\.66/);
    const piped = await ok(['accounts']);
    expect(piped.stdout.split('\n')[0]).toBe('Acme Shoes\t7012345678901\tads@acme.test\t\t\t1\t2\tUSD\t400.00\t150.00');
  });

  it('lists its subcommands in its help, each with its own arguments', async () => {
    const { stdout } = await ok(['accounts', '--help']);
    expect(stdout).toContain('  show [options] <account>  one account and its claims\n');
    expect(stdout).toContain('  edit [options] <account>  correct a saved account; its open claims follow\n');
  });

  it('shows one account and its claims, by name or advertiser ID', async () => {
    const byId = JSON.parse((await ok(['accounts', 'show', TOKYO_ID, '--json'])).stdout) as {
      account: { name: string; agency: string };
      claims: { id: string }[];
    };
    expect(byId.account).toMatchObject({ name: TOKYO, agency: 'Northwind Media' });
    expect(byId.claims.map((claim) => claim.id)).toEqual(['RC-0002']);
    const byName = await ok(['accounts', 'show', 'café lumière']);
    expect(byName.stdout).toBe(
      'RC-0003\tdraft\ttiktok-promote\taccidental-charge\tCafé Lumière\tPRM-1\t\tJPY\t5000\t\tsubmit\t2026-11-24\n',
    );
    const shown = await ok(['accounts', 'show', '7012345678901'], { terminal: true });
    expect(shown.stdout.split('\n').slice(0, 7)).toEqual([
      'Acme Shoes',
      'Advertiser ID   7012345678901',
      'Email           ads@acme.test',
      'Agency          —',
      'Sales rep       —',
      'Claims          1 open of 2',
      'USD             USD 400.00 requested, USD 150.00 recovered',
    ]);
  });

  it('names an unknown account as it was given: an argument, not --account', async () => {
    expect(await runCli(['accounts', 'show', 'Zebra Imports'], { home })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: No saved account matches "Zebra Imports".\n' +
        '  Run `refund-claim accounts` for the saved accounts (a name or an advertiser ID).\n',
    });
    expect((await runCli(['accounts', 'edit', 'Acme Shoe', '--agency', 'Northwind'], { home })).stderr).toMatch(
      /^error: No saved account matches "Acme Shoe"\.\n {2}Did you mean "Acme Shoes \(advertiser 7012345678901\)"/,
    );
  });

  it('refuses a name that several accounts share, listing them, and names close matches for a typo', async () => {
    for (const args of [
      ['status', '--account', 'acme shoes'],
      ['list', '--account', 'Acme Shoes'],
      ['report', '--account', 'Acme Shoes'],
      ['export', '--account', 'Acme Shoes'],
      ['calendar', '--account', 'Acme Shoes'],
      ['accounts', 'show', 'Acme Shoes'],
    ]) {
      expect(await runCli(args, { home }), args.join(' ')).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'error: 2 accounts are named "' +
          args.at(-1) +
          '": Acme Shoes (advertiser 7012345678901), Acme Shoes (advertiser 7099999999999).\n' +
          `  Give the advertiser ID instead, e.g. ${args[0] === 'accounts' ? '' : '--account '}7012345678901.\n`,
      });
    }
    expect(await runCli(['list', '--account', 'Acme Shoe'], { home })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: No saved account matches --account "Acme Shoe".\n' +
        '  Did you mean "Acme Shoes (advertiser 7012345678901)", "Acme Shoes (advertiser 7099999999999)"? Run `refund-claim accounts` for the list.\n',
    });
    expect((await runCli(['status', '--account', 'Zebra Imports'], { home })).stderr).toBe(
      'error: No saved account matches --account "Zebra Imports".\n' +
        '  Run `refund-claim accounts` for the saved accounts (a name or an advertiser ID).\n',
    );
  });

  it('filters status, list, report and export to one account by name or advertiser ID', async () => {
    expect((await ok(['status', '--account', '7012345678901'])).stdout).toBe(
      'RC-0001\tdraft\tsubmit\t2026-11-18\toverdue 2d\tAcme Shoes\t1790000001\tSummer sale\tUSD\t200.00\n',
    );
    expect((await ok(['list', '--account', '7012345678901'])).stdout.split('\n').map((l) => l.split('\t')[0])).toEqual([
      'RC-0001',
      'RC-0004',
      '',
    ]);
    // A closed claim: requested and recovered, no next action.
    expect((await ok(['list', '--account', '7012345678901'])).stdout.split('\n')[1]).toBe(
      'RC-0004\trefunded\ttiktok-ads\tincorrect-charge\tAcme Shoes\t1790000004\tSummer sale\tUSD\t200.00\t150.00\t\t',
    );
    const exported = JSON.parse((await ok(['export', '--account', 'Café Lumière'])).stdout) as {
      claims: { id: string }[];
      accounts: { name: string }[];
    };
    expect(exported.claims.map((claim) => claim.id)).toEqual(['RC-0003']);
    expect(exported.accounts.map((account) => account.name)).toEqual(['Café Lumière']);
    // A spreadsheet is a file: --out is required (exit 2), and it has no place for evidence.
    expect(await runCli(['export', '--format', 'xlsx'], { home })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: --format xlsx needs --out <file.xlsx>: a spreadsheet is binary, not for standard output.\n' +
        '  Add --out claims.xlsx.\n',
    });
    expect(
      (await runCli(['export', '--format', 'xlsx', '--out', 'x.xlsx', '--with-evidence', 'e'], { home })).code,
    ).toBe(2);
    const csv = (await ok(['export', '--format', 'csv', '--account', TOKYO_ID])).stdout;
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    const report = JSON.parse((await ok(['report', '--account', TOKYO_ID, '--by', 'account', '--json'])).stdout) as {
      groups: { account: string; advertiserId: string }[];
    };
    expect(report.groups.map((group) => [group.account, group.advertiserId])).toEqual([[TOKYO, TOKYO_ID]]);
    const none = await runCli(['status', '--account', '7099999999999', '--within', '1'], { home });
    expect(none.code).toBe(0);
  });
});

describe('accounts edit', () => {
  it('corrects a saved account; its open claims follow with an event, its closed ones keep what they were filed with', async () => {
    const edit = tempDir();
    const run = (args: string[]) => runCli(args, { home: edit });
    expect((await run(claimFlags())).code).toBe(0);
    expect((await run(claimFlags({ '--promotion-id': '1790000002' }))).code).toBe(0);
    await run(['close', '2', '--outcome', 'withdrawn']);
    const result = await run([
      'accounts',
      'edit',
      'acme shoes',
      '--name',
      'Acme Shoes Ltd',
      '--agency',
      'Northwind Media',
      '--sales-rep',
      'dana@tiktok.test',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Saved Acme Shoes Ltd: name, agency, sales representative corrected; 1 open claim followed (RC-0001).\n',
    });
    const accounts = JSON.parse((await run(['accounts', '--json'])).stdout) as Record<string, unknown>[];
    expect(accounts).toEqual([
      expect.objectContaining({ name: 'Acme Shoes Ltd', agency: 'Northwind Media', salesRep: 'dana@tiktok.test' }),
    ]);
    const first = JSON.parse((await run(['show', '1', '--json'])).stdout) as {
      account: Record<string, unknown>;
      events: { type: string; note: string; data: unknown }[];
    };
    expect(first.account).toMatchObject({
      name: 'Acme Shoes Ltd',
      agency: 'Northwind Media',
      salesRep: 'dana@tiktok.test',
    });
    expect(first.events.at(-1)).toMatchObject({
      type: 'edited',
      note: 'account corrected: Acme Shoes (advertiser 7012345678901)',
      data: { fields: ['accountName', 'agency', 'salesRep'] },
    });
    const second = JSON.parse((await run(['show', '2', '--json'])).stdout) as { account: { name: string } };
    expect(second.account.name).toBe('Acme Shoes');

    // The same values again: nothing to do. Bad input: exit 2; an unknown account: exit 1.
    expect((await run(['accounts', 'edit', '7012345678901', '--agency', 'Northwind Media'])).stderr).toBe(
      'Nothing changed: Acme Shoes Ltd already has these values.\n',
    );
    expect(await run(['accounts', 'edit', '7012345678901', '--email', 'not-an-email'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --email "not-an-email" is not an email address (like name@example.com).\n',
    });
    expect((await run(['accounts', 'edit', '7012345678901'])).code).toBe(2);
    expect((await run(['accounts', 'edit', 'Nobody', '--agency', 'X'])).code).toBe(1);
    expect((await run(['accounts', 'edit', '7012345678901', '--advertiser-id', '12ab'])).code).toBe(2);
  });

  it('refuses an advertiser ID that belongs to another account', async () => {
    const edit = tempDir();
    const run = (args: string[]) => runCli(args, { home: edit });
    await run(claimFlags());
    await run(claimFlags({ '--advertiser-id': '7099999999999', '--promotion-id': '2', '--account-name': 'Other' }));
    expect(await run(['accounts', 'edit', 'Other', '--advertiser-id', '7012345678901'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error: Advertiser ID 7012345678901 already belongs to the account Acme Shoes (advertiser 7012345678901).\n' +
        '  Check the ID; an advertiser ID names one account.\n',
    });
  });
});

describe('tables on a terminal', () => {
  /** The rows of a table, without group headings and blank lines. */
  const rowsOf = (stdout: string): string[] => stdout.split('\n').filter((line) => /^ *RC-\d{4}/.test(line));

  for (const columns of [80, 120]) {
    it(`fit ${columns} columns with CJK and emoji names: nothing wider, names cut with …, columns aligned`, async () => {
      for (const command of [['status'], ['list'], ['accounts'], ['report'], ['report', '--by', 'account']]) {
        const { stdout } = await ok(command, { terminal: true, columns });
        const lines = stdout.split('\n');
        for (const line of lines)
          expect(stringWidth(line), `${command.join(' ')}: ${line}`).toBeLessThanOrEqual(columns);
      }
      // status: every row ends at the same column (the requested amount is right-aligned).
      const status = rowsOf((await ok(['status'], { terminal: true, columns })).stdout);
      expect(status).toHaveLength(4);
      expect(new Set(status.map((line) => stringWidth(line))).size).toBe(1);
      const tokyo = status.find((line) => line.includes('RC-0002')) ?? '';
      expect(tokyo).toContain('…');
      expect(tokyo).toContain('USD 12,345.66');
      // list: the account column starts at the same column on every row, wide characters or not.
      const list = (await ok(['list'], { terminal: true, columns })).stdout.split('\n').filter((line) => line !== '');
      const accountAt = (line: string): number => {
        const at = ['Acme', '株式', 'Café', 'ACCOUNT'].map((name) => line.indexOf(name)).find((index) => index >= 0);
        return stringWidth(line.slice(0, at));
      };
      expect(new Set(list.map(accountAt)).size).toBe(1);
    });
  }

  it('at 80 columns leaves out the status first, then the promotion ID beside its name', async () => {
    const narrow = rowsOf((await ok(['status'], { terminal: true, columns: 80 })).stdout);
    expect(narrow.some((line) => / draft /.test(line))).toBe(false);
    expect(narrow.some((line) => line.includes('1790000000000000001'))).toBe(false);
    // A promotion without a name is shown by its ID.
    expect(narrow.find((line) => line.includes('RC-0003'))).toContain('PRM-1');
    const wide = rowsOf((await ok(['status'], { terminal: true, columns: 200 })).stdout);
    expect(wide.find((line) => line.includes('RC-0002'))).toContain('1790000000000000001');
    expect(wide.find((line) => line.includes('RC-0002'))).toContain(PROMOTION);
    expect(wide.find((line) => line.includes('RC-0002'))).toContain(TOKYO);
  });

  it('shows in list what a closed claim recovered, and an open one what it asks for', async () => {
    const lines = (await ok(['list'], { terminal: true, columns: 160 })).stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +STATUS +CHANNEL +REASON +ACCOUNT +PROMOTION +NAME +AMOUNT +NEXT +DUE$/);
    expect(lines.find((line) => line.startsWith('RC-0004'))).toMatch(/refunded .* USD 150\.00 +—/);
    expect(lines.find((line) => line.startsWith('RC-0001'))).toMatch(/draft .* USD 200\.00 +submit +2026-11-18/);
  });
});
