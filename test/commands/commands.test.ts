import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDraft } from '../../src/domain/draft-rules.js';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { pngBytes, writeEvidenceFiles } from '../helpers/files.js';
import { tempDir } from '../helpers/temp.js';
import { pythonEntries } from '../helpers/zip.js';

async function withClaims(): Promise<string> {
  const home = tempDir();
  writeEvidenceFiles(home);
  await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home });
  await runCli(
    [
      ...claimFlags({
        '--reason': 'technical-issue',
        '--promotion-id': '1790000002',
        '--promotion-name': 'Black Friday',
        '--start': '2026-11-01',
        '--end': '2026-11-07',
        '--charged': '80',
        '--expected': '',
      }).filter((flag) => flag !== '--expected'),
    ],
    { home },
  );
  await runCli(
    [
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
      '--promotion-id',
      'deal-7',
      '--charged',
      '€800',
      '--currency',
      'EUR',
      '--creator',
      'studio.name',
      '--deliverables',
      'Two videos by 10 Nov',
      '--deliverables-due',
      '2026-11-10',
      '--description',
      'Paid in full on 1 Nov; neither video has been posted.',
      '--file-by',
      '2026-11-21',
      '--correspondence',
      'support-reply.eml',
    ],
    { home },
  );
  return home;
}

describe('status', () => {
  it('says so on stderr when nothing is pending, with exit 0 and [] in JSON', async () => {
    const home = tempDir();
    expect(await runCli(['status'], { home })).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Nothing pending: no open claim needs action.\n',
    });
    expect((await runCli(['status', '--json'], { home })).stdout).toBe('[]\n');
  });

  it('lists open claims most urgent first, tab-separated when piped', async () => {
    const home = await withClaims();
    const result = await runCli(['status'], { home, now: '2026-11-23T09:00:00Z' });
    expect(result.stdout).toBe(
      [
        // SPEC's order: id, status, action, due, label, account, promotion ID and name, currency, requested.
        'RC-0003\tdraft\tsubmit\t2026-11-21\toverdue 2d\tCorner Bakery\tdeal-7\t\tEUR\t800.00',
        'RC-0001\tdraft\tsubmit\t2026-11-24\tin 1d\tAcme Shoes\t1790000001\tSummer sale\tUSD\t200.00',
        'RC-0002\tdraft\tsubmit\t2026-11-24\tin 1d\tAcme Shoes\t1790000002\tBlack Friday\tUSD\t80.00',
        '',
      ].join('\n'),
    );
  });
});

describe('list and show', () => {
  it('lists one line per claim and filters by status, reason and channel', async () => {
    const home = await withClaims();
    const all = await runCli(['list'], { home });
    expect(
      all.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 4)),
    ).toEqual([
      ['RC-0001', 'draft', 'tiktok-ads', 'incorrect-charge'],
      ['RC-0002', 'draft', 'tiktok-ads', 'technical-issue'],
      ['RC-0003', 'draft', 'creator', 'creator-no-delivery'],
    ]);
    const creator = JSON.parse((await runCli(['list', '--channel', 'creator', '--json'], { home })).stdout) as {
      id: string;
    }[];
    expect(creator.map((c) => c.id)).toEqual(['RC-0003']);
    expect((await runCli(['list', '--reason', 'technical-issue'], { home })).stdout).toMatch(/^RC-0002\t/);
    expect(await runCli(['list', '--status', 'denied'], { home })).toEqual({
      code: 0,
      stdout: '',
      stderr: 'No claims match.\n',
    });
    const wrong = await runCli(['list', '--status', 'lost'], { home });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("argument 'lost' is invalid. Allowed choices are draft, submitted,");
  });

  it('accepts RC-0003, rc-3 and 3 alike, and names an unknown or malformed ID', async () => {
    const home = await withClaims();
    const [a, b, c] = await Promise.all(['RC-0003', 'rc-3', '3'].map((id) => runCli(['show', id, '--json'], { home })));
    expect(a?.stdout).toBe(b?.stdout);
    expect(b?.stdout).toBe(c?.stdout);
    expect(await runCli(['show', '9'], { home })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: Claim RC-0009 not found.\n  Run `refund-claim list` to see your claims.\n',
    });
    const bad = await runCli(['show', 'claim-9'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('error: "claim-9" is not a claim ID.');
  });

  it('shows every field, the evidence with checksums, the timeline and the next action', async () => {
    const home = await withClaims();
    const text = (await runCli(['show', '3'], { home })).stdout;
    const claim = await showClaim(home, '3');
    expect(text).toContain('RC-0003  draft  ·  creator  ·  creator-no-delivery');
    expect(text).toContain('Amounts    charged EUR 800.00 · requested EUR 800.00 · recovered —');
    expect(text).toMatch(/creator handle +@studio\.name\n/);
    expect(text).toContain(`#1  correspondence  support-reply.eml  ${claim.evidence[0]?.bytes} bytes`);
    expect(text).toContain(`sha256 ${claim.evidence[0]?.sha256}`);
    expect(text).toContain('2026-11-20  Claim drafted');
    expect(text).toContain('Next: send the request to the creator, due 2026-11-21 (in 1d).');
  });
});

describe('check', () => {
  it('lists errors and warnings with the exact command that fixes each, exit 1 on errors', async () => {
    const home = await withClaims();
    const result = await runCli(['check', '3'], { home });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'RC-0003: 1 error, 2 warnings',
        '  error    A creator-no-delivery claim needs a receipt, invoice or billing statement; none is attached.',
        '           fix: refund-claim attach RC-0003 <file> --kind receipt',
        '  warning  The filing deadline is 2026-11-21, in 1 day.',
        '           fix: refund-claim ticket RC-0003, then refund-claim submit RC-0003 --ticket <number>',
        '  warning  Evidence #1 (support-reply.eml) has no caption; say in one line what it shows.',
        '           fix: refund-claim caption RC-0003 1 <text>',
        '',
      ].join('\n'),
    );
    expect((await runCli(['check', '1'], { home })).code).toBe(0);
  });

  it('reports a stored copy that no longer matches its checksum', async () => {
    const home = await withClaims();
    const { evidence } = await showClaim(home, '1');
    const stored = join(dataDirOf(home), 'evidence', evidence[0]?.sha256 ?? '');
    chmodSync(stored, 0o600);
    writeFileSync(stored, 'tampered');
    const result = await runCli(['check', '1'], { home });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Evidence #1 (invoice.pdf): the stored copy no longer matches its SHA-256.');
    // Attaching the original again restores the copy.
    expect((await runCli(['attach', '1', 'invoice.pdf', '--kind', 'receipt'], { home })).stderr).toContain(
      'same content as evidence #1',
    );
    expect((await runCli(['check', '1'], { home })).code).toBe(0);
  });

  it('warns when the same file is evidence of two claims', async () => {
    const home = await withClaims();
    await runCli(['attach', '2', 'invoice.pdf', '--kind', 'receipt'], { home });
    const result = await runCli(['check', '2'], { home });
    expect(result.stdout).toContain(
      'Evidence #1 (invoice.pdf) is also evidence of RC-0001; make sure it belongs to both.',
    );
  });
});

describe('attach', () => {
  it('adds files in order, skips content the claim already has, and records it', async () => {
    const home = await withClaims();
    writeFileSync(join(home, 'second.png'), pngBytes(4, 4, 9));
    const result = await runCli(
      [
        'attach',
        'RC-0003',
        'invoice.pdf',
        'dashboard.png',
        'second.png',
        'dashboard.png',
        '--kind',
        'receipt',
        '--caption',
        'Payment proof',
      ],
      { home },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Added to RC-0003:\n {2}#2 {2}receipt {2}invoice.pdf {2}\(application\/pdf, \d+ B\)\n {2}#3 {2}receipt {2}dashboard.png/,
    );
    expect(result.stderr).toContain('Skipped dashboard.png: same content as evidence #3.');
    const claim = await showClaim(home, '3');
    expect(claim.evidence.map((e) => [e.id, e.name, e.caption])).toEqual([
      [1, 'support-reply.eml', null],
      [2, 'invoice.pdf', 'Payment proof'],
      [3, 'dashboard.png', 'Payment proof'],
      [4, 'second.png', 'Payment proof'],
    ]);
    expect(claim.events.at(-1)).toMatchObject({ type: 'evidence-added', data: { evidence: [2, 3, 4] } });
    expect((await runCli(['check', '3'], { home })).code).toBe(0);
  });

  it('keeps the type the name of a text file gives it: a chat log with commas stays .txt in the bundle', async () => {
    const home = await withClaims();
    writeFileSync(
      join(home, 'chat.txt'),
      'Me: hi, the ads, they kept running\nSupport: ok, noted, thanks\nMe: so, refund?\n',
    );
    writeFileSync(join(home, 'spend.tsv'), 'day\tspend\n1\t10\n2\t20\n');
    writeFileSync(join(home, 'spend-export'), 'day,spend\n1,10\n2,20\n');
    const result = await runCli(['attach', '1', 'chat.txt', 'spend.tsv', 'spend-export', '--kind', 'correspondence'], {
      home,
    });
    expect(result.code, result.stderr).toBe(0);
    expect((await showClaim(home, '1')).evidence.map((e) => [e.name, e.mime])).toEqual([
      ['invoice.pdf', 'application/pdf'],
      ['chat.txt', 'text/plain'],
      ['spend.tsv', 'text/tab-separated-values'],
      // No extension: the content decides.
      ['spend-export', 'text/csv'],
    ]);
    const zip = join(home, 'claim.zip');
    const bundled = await runCli(['bundle', '1', '--out', zip, '--force'], { home });
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(
      pythonEntries(zip)
        .map((entry) => entry.name)
        .filter((name) => name.startsWith('evidence/')),
    ).toEqual([
      'evidence/01-receipt-invoice.pdf',
      'evidence/02-correspondence-chat.txt',
      'evidence/03-correspondence-spend.tsv',
      'evidence/04-correspondence-spend-export.csv',
    ]);
  });

  it('refuses the whole command with exit 2 when any file is unusable', async () => {
    const home = await withClaims();
    const before = readdirSync(join(dataDirOf(home), 'evidence')).length;
    const result = await runCli(['attach', '3', 'invoice.pdf', 'archive.zip', '--kind', 'receipt'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: archive.zip cannot be used as evidence: it is a .zip file of type application/zip.',
    );
    expect((await showClaim(home, '3')).evidence).toHaveLength(1);
    expect(readdirSync(join(dataDirOf(home), 'evidence'))).toHaveLength(before);
    expect((await runCli(['attach', '3', 'invoice.pdf'], { home })).stderr).toContain(
      "required option '--kind <kind>' not specified",
    );
    expect((await runCli(['attach', '42', 'invoice.pdf', '--kind', 'receipt'], { home })).code).toBe(1);
  });
});

describe('ticket', () => {
  it('renders every section a support agent needs, and writes --out', async () => {
    const home = await withClaims();
    const result = await runCli(['ticket', '1'], { home });
    const ticket = result.stdout;
    expect(lintDraft(ticket, { claimId: 'RC-0001' })).toEqual([]);
    for (const part of [
      'Subject: Overcharge for "Summer sale": refund of USD 200.00 [RC-0001]',
      '- Account name: Acme Shoes\n- Advertiser ID: 7012345678901\n- Contact email: ads@acme.test',
      'CAMPAIGN\n- Name: Summer sale (campaign ID 1790000001)',
      'WHAT HAPPENED\nWe were billed twice for the budget increase on 3 November.',
      '- Charged: USD 500.00\n- Should have been charged: USD 300.00\n- Refund requested: USD 200.00',
      'EVIDENCE (1 file, in RC-0001-evidence.zip)\n01  01-receipt-invoice.pdf  Receipt, invoice or billing statement\n',
      'Claim reference: RC-0001',
    ]) {
      expect(ticket).toContain(part);
    }
    expect(ticket.replace(/\s+/g, ' ')).toContain(
      'Please refund USD 200.00 to the original payment method of advertiser account 7012345678901',
    );
    const technical = (await runCli(['ticket', '2'], { home })).stdout;
    expect(technical).toContain('- Run: 1 Nov 2026 to 7 Nov 2026');
    expect(technical).toContain('TIMELINE\n- 1 Nov 2026: Campaign started\n- 7 Nov 2026: Campaign ended');
    const creator = (await runCli(['ticket', '3'], { home })).stdout;
    expect(creator).toContain('Hello @studio.name,');
    expect(creator).toContain('- Agreed: Two videos by 10 Nov');

    const out = join(home, 'ticket.txt');
    const written = await runCli(['ticket', '1', '--out', out], { home });
    expect(written).toEqual({ code: 0, stdout: '', stderr: `Ticket draft written to ${out}.\n` });
    expect(readFileSync(out, 'utf8').trimEnd()).toBe(ticket.trimEnd());
    const nowhere = await runCli(['ticket', '1', '--out', join(home, 'no', 'such', 'dir', 't.txt')], { home });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('the directory');
  });

  it('uses a template the user put in the data directory', async () => {
    const home = await withClaims();
    const dir = join(dataDirOf(home), 'templates');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'ticket-tiktok-ads.hbs'),
      'Custom ticket for {{claimId}}: {{money amounts.requested amounts.currency}}\n',
    );
    expect((await runCli(['ticket', '1'], { home })).stdout).toBe('Custom ticket for RC-0001: USD 200.00\n');
    writeFileSync(join(dir, 'ticket-tiktok-ads.hbs'), 'Line one\nCustom ticket for {{claim.id}}\n');
    const broken = await runCli(['ticket', '1'], { home });
    expect(broken.code).toBe(1);
    expect(broken.stderr.split('\n')[0]).toBe(
      `error: Template ${join(dir, 'ticket-tiktok-ads.hbs')}, line 2: unknown field "claim.id".`,
    );
  });
});

describe('edit', () => {
  it('corrects fields of an open claim and records which ones', async () => {
    const home = await withClaims();
    const result = await runCli(['edit', '1', '--promotion-id', '1790000009', '--charged', '600'], { home });
    expect(result).toMatchObject({
      code: 0,
      stderr: 'Updated RC-0001: promotion ID, charged amount, requested amount.\n',
    });
    const claim = await showClaim(home, '1');
    expect(claim.promotion.id).toBe('1790000009');
    expect(claim.amounts).toMatchObject({ charged: '600.00', requested: '300.00' });
    expect(claim.events.at(-1)).toMatchObject({
      type: 'edited',
      data: { fields: ['promotionId', 'charged', 'requested'] },
    });
    const refused = await runCli(['edit', '1', '--requested', '700'], { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the requested amount (USD 700.00) is more than was charged (USD 600.00)');
    expect((await runCli(['edit', '1'], { home })).stderr).toContain('Nothing to change.');
  });
});
