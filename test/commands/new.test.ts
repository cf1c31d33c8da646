import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';

const showJson = showClaim;

describe('new --no-input', () => {
  it('saves the claim, copies the evidence in command-line order, and says what to do next', async () => {
    const home = tempDir();
    const files = writeEvidenceFiles(home);
    const result = await runCli(
      [
        ...claimFlags(),
        '--receipt',
        files.pdf,
        '--screenshot',
        files.png,
        '--correspondence',
        files.eml,
        '--attach',
        files.txt,
      ],
      { home },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('RC-0001\n');
    expect(result.stderr).toBe(
      [
        'Saved RC-0001 (incorrect-charge on tiktok-ads, 4 evidence files).',
        `Stored in ${join(dataDirOf(home), 'claims.db')}.`,
        'Next: file the ticket with support, due 2026-11-24 (in 4d).',
        '  refund-claim ticket RC-0001',
        '  refund-claim submit RC-0001 --ticket <number>',
        '',
      ].join('\n'),
    );
    const claim = await showJson(home);
    expect(claim).toMatchObject({
      id: 'RC-0001',
      status: 'draft',
      channel: 'tiktok-ads',
      reason: 'incorrect-charge',
      account: { name: 'Acme Shoes', advertiserId: '7012345678901', email: 'ads@acme.test' },
      promotion: { id: '1790000001', name: 'Summer sale', start: null, end: null },
      amounts: { currency: 'USD', charged: '500.00', expected: '300.00', requested: '200.00', recovered: null },
      ticketNumber: null,
      nextAction: { action: 'submit', due: '2026-11-24', overdue: false },
      createdAt: '2026-11-20T12:00:00.000Z',
      events: [{ type: 'created', at: '2026-11-20', note: null }],
    });
    const evidence = claim.evidence as { id: number; kind: string; name: string; mime: string; sha256: string }[];
    expect(evidence.map((e) => [e.id, e.kind, e.name, e.mime])).toEqual([
      [1, 'receipt', 'invoice.pdf', 'application/pdf'],
      [2, 'screenshot', 'dashboard.png', 'image/png'],
      [3, 'correspondence', 'support-reply.eml', 'message/rfc822'],
      [4, 'other', 'notes.txt', 'text/plain'],
    ]);
    // Private, content-addressed copies: the originals can go.
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDirOf(home), 'claims.db')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dataDirOf(home), 'evidence')).sort()).toEqual(evidence.map((e) => e.sha256).sort());
    for (const path of Object.values(files)) unlinkSync(path);
    expect((await runCli(['check', '1'], { home })).code).toBe(0);
  });

  it('prints the claim as show --json prints it with --json, and writes the ticket with --out', async () => {
    const home = tempDir();
    const result = await runCli([...claimFlags(), '--json', '--out', join(home, 'ticket.txt')], { home });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await showJson(home));
    expect(readFileSync(join(home, 'ticket.txt'), 'utf8')).toBe((await runCli(['ticket', '1'], { home })).stdout);
  });

  it('names every missing flag at once', async () => {
    const home = tempDir();
    const result = await runCli(['new', '--no-input', '--charged', '10'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: missing --reason, --advertiser-id, --account-name, --email, --promotion-id, --description (required when not running interactively)',
    );
    const forReason = await runCli(['new', '--no-input', '--reason', 'creator-no-delivery', '--channel', 'creator'], {
      home,
    });
    expect(forReason.stderr).toContain(
      'missing --account-name, --email, --promotion-id, --charged, --description, --creator, --deliverables, --deliverables-due (required',
    );
  });

  it('takes the description from a file or standard input', async () => {
    const home = tempDir();
    const text = 'Line one of what happened.\nLine two, with the dates and the amounts involved.\n';
    const flags = claimFlags({ '--description': '' }).filter((f) => f !== '--description');
    const result = await runCli([...flags, '--description-file', '-'], { home, input: text });
    expect(result.code).toBe(0);
    expect((await showJson(home)).description).toBe(text.trim());
  });

  it('reuses a saved account when only its advertiser ID is given', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home });
    const result = await runCli(
      claimFlags({ '--account-name': '', '--email': '', '--promotion-id': '1790000002' }).filter(
        (f) => f !== '--account-name' && f !== '--email',
      ),
      { home },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Using the saved account Acme Shoes <ads@acme.test>.');
    expect((await showJson(home, '2')).account).toEqual({
      name: 'Acme Shoes',
      advertiserId: '7012345678901',
      email: 'ads@acme.test',
      agency: null,
      salesRep: null,
    });
  });

  it('refuses a second open claim for the same promotion and reason, naming the first', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home });
    const again = await runCli(claimFlags(), { home });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'error: RC-0001 (draft) is already an open incorrect-charge claim for promotion 1790000001.\n  Work on RC-0001, or pass --allow-duplicate to file another one.\n',
    );
    expect((await runCli([...claimFlags(), '--allow-duplicate'], { home })).stdout).toBe('RC-0002\n');
  });

  it('warns before an unspent-balance request and needs --yes without a terminal', async () => {
    const home = tempDir();
    const flags = claimFlags({ '--reason': 'unspent-balance', '--expected': '' }).filter((f) => f !== '--expected');
    const refused = await runCli(flags, { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the ad account is closed for good');
    expect(refused.stderr).toContain('pass --yes once you have read the warning above');
    expect((await runCli(['list', '--json'], { home })).stdout).toBe('[]\n');
    expect((await runCli([...flags, '--yes'], { home })).code).toBe(0);
  });

  it('keeps data where --data-dir says, over REFUND_CLAIM_HOME', async () => {
    const home = tempDir();
    const other = join(home, 'elsewhere');
    expect((await runCli(['--data-dir', other, ...claimFlags()], { home })).code).toBe(0);
    expect(existsSync(join(other, 'claims.db'))).toBe(true);
    expect(existsSync(join(dataDirOf(home), 'claims.db'))).toBe(false);
    expect((await runCli(['list', '--data-dir', other], { home })).stdout).toContain('RC-0001');
  });
});

describe('bad input to new', () => {
  const bad: [string, Record<string, string>, string][] = [
    ['an amount that is not a number', { '--charged': 'abc' }, '--charged "abc" is not an amount'],
    ['a negative amount', { '--charged': '-5' }, '--charged "-5" is negative'],
    ['too many decimals', { '--charged': '12.3456' }, '--charged "12.3456" has more than 2 decimals for USD'],
    [
      'thousands separators that do not group by three',
      { '--charged': '1,23,4' },
      '--charged "1,23,4" is not an amount; write it like 1234.56, 1,234.56 or 1.234,56',
    ],
    [
      'decimals in a currency without them',
      { '--currency': 'JPY', '--charged': '10.5', '--expected': '5' },
      '--charged "10.5" has decimals, but JPY has none',
    ],
    ['an unknown currency', { '--currency': 'XYZ' }, '--currency "XYZ" is not an ISO 4217 currency code'],
    ['a bad email', { '--email': 'ads-at-acme' }, '--email "ads-at-acme" is not an email address'],
    ['an advertiser ID with letters', { '--advertiser-id': '70a1' }, '--advertiser-id "70a1" is not an advertiser ID'],
    ['an impossible date', { '--start': '2026-02-30' }, '--start "2026-02-30" is not a real calendar date'],
    [
      'a date in another form',
      { '--file-by': '11/03/2026' },
      '--file-by "11/03/2026" is not a date; use YYYY-MM-DD, a full ISO 8601 date-time, "today" or "yesterday"',
    ],
    [
      'control characters',
      { '--promotion-name': 'Sale\u001b[31m' },
      '--promotion-name contains line breaks or control characters',
    ],
    [
      'a description over 10,000 characters',
      { '--description': 'x'.repeat(10_001) },
      '--description is 10001 characters long; at most 10000 are accepted',
    ],
    [
      'a requested amount above the charge',
      { '--requested': '600' },
      'the requested amount (USD 600.00) is more than was charged (USD 500.00)',
    ],
    [
      'an expected amount above the charge',
      { '--expected': '900' },
      'the expected amount (USD 900.00) must be less than the charged amount',
    ],
    [
      'an end before the start',
      { '--start': '2026-11-10', '--end': '2026-11-01' },
      'the promotion ends (2026-11-01) before it starts (2026-11-10)',
    ],
    [
      'an unknown reason',
      { '--reason': 'refund-please' },
      "argument 'refund-please' is invalid. Allowed choices are technical-issue",
    ],
    ['an unknown option', { '--colour': 'red' }, "unknown option '--colour'"],
  ];

  it.each(bad)(
    'refuses %s with exit 2, one line naming the flag, and writes nothing',
    async (_, overrides, message) => {
      const home = join(tempDir(), 'data');
      const result = await runCli(claimFlags(overrides), { home, cwd: tempDir() });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const [first, second, third] = result.stderr.split('\n');
      expect(first).toContain(message);
      expect(first?.startsWith('error: ')).toBe(true);
      expect(second === '' || second?.startsWith('  ')).toBe(true);
      expect(third ?? '').toBe('');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // Refused before the data directory was touched, or at least with no claim in it.
      if (existsSync(home)) expect((await runCli(['list', '--json'], { home })).stdout).toBe('[]\n');
    },
  );

  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.pdf'), /Evidence file not found: .*nope\.pdf\./],
    [
      'a directory',
      (dir: string) => (mkdirSync(join(dir, 'folder')), join(dir, 'folder')),
      /folder is a directory, not a file\./,
    ],
    ['an empty file', (dir: string) => writeEvidenceFiles(dir).empty, /empty\.png is empty \(0 bytes\)\./],
    [
      'an unsupported type',
      (dir: string) => writeEvidenceFiles(dir).zip,
      /archive\.zip cannot be used as evidence: it is a \.zip file of type application\/zip\./,
    ],
    [
      'a binary file of no known type',
      (dir: string) => (
        writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3, 255, 0, 7])),
        join(dir, 'blob.bin')
      ),
      /blob\.bin cannot be used as evidence: it is an unrecognised binary file\./,
    ],
  ])('refuses evidence that is %s with exit 2 and saves nothing', async (_, make, message) => {
    const home = tempDir();
    const files = writeEvidenceFiles(home);
    const result = await runCli([...claimFlags(), '--receipt', files.pdf, '--receipt', make(home)], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
    expect((await runCli(['list', '--json'], { home })).stdout).toBe('[]\n');
    expect(existsSync(join(dataDirOf(home), 'evidence')) ? readdirSync(join(dataDirOf(home), 'evidence')) : []).toEqual(
      [],
    );
  });

  it('refuses an unreadable --description-file with exit 2', async () => {
    const home = tempDir();
    const flags = claimFlags({ '--description': '' }).filter((f) => f !== '--description');
    const result = await runCli([...flags, '--description-file', join(home, 'missing.txt')], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --description-file .*missing\.txt: cannot read it \(no such file\)\./);
  });
});

describe("amounts in the currency's own style", () => {
  it('reads 1.234,50 and 12,50 in EUR from flags', async () => {
    const home = tempDir();
    const result = await runCli(
      claimFlags({ '--currency': 'EUR', '--charged': '1.234,50', '--expected': '1.222,00', '--requested': '12,50' }),
      { home },
    );
    expect(result.code).toBe(0);
    expect((await showClaim(home)).amounts).toMatchObject({
      currency: 'EUR',
      charged: '1234.50',
      expected: '1222.00',
      requested: '12.50',
    });
  });
});
