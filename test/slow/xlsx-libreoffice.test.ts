/**
 * `export --format xlsx` opened by a real spreadsheet: LibreOffice Calc (headless) reads the file
 * back as CSV (as its cells show) and as flat ODS (each cell's type and raw value). Every ID,
 * amount and date must come back exactly, and no cell may hold a formula.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, promoteFlags } from '../helpers/cli.js';
import { parseCsv, SPEC_CSV_HEADER } from '../helpers/csv.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
// CI installs LibreOffice (.ci/run); elsewhere a machine without it skips this, loudly.
const describeWithSoffice = hasSoffice || process.env.CI ? describe : describe.skip;

const AD_ID = '7012345678901234567';
const PROMO_ID = '1790000000000000001';
const FORMULA = '=HYPERLINK("http://evil.test","click")';

/** Converts with LibreOffice into `format` and returns the converted file's text. */
function convert(home: string, file: string, format: string, extension: string): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(home, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      home,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return readFileSync(join(home, `claims.${extension}`), 'utf8');
}

describeWithSoffice('export --format xlsx, read by LibreOffice', () => {
  it('keeps 19-digit IDs as text, amounts as numbers in their currency, dates as dates, and no formula', async () => {
    const home = tempDir();
    const ok = async (args: string[]) => expect((await runCli(args, { home })).code).toBe(0);
    await ok(
      claimFlags({
        '--advertiser-id': AD_ID,
        '--promotion-id': PROMO_ID,
        '--promotion-name': FORMULA,
        '--account-name': '+Acme @Shoes',
        '--charged': '12345.67',
        '--expected': '0.01',
      }),
    );
    await ok(promoteFlags('PRM-2', '5000'));
    await ok(
      claimFlags({ '--promotion-id': '1790000003', '--currency': 'EUR', '--charged': '100', '--expected': '60' }),
    );
    await ok(['submit', '3', '--ticket', '-1234', '--on', '2026-11-10']);
    await ok(['close', '3', '--outcome', 'refunded', '--amount', '40', '--on', '2026-11-19']);
    const file = join(home, 'claims.xlsx');
    const exported = await runCli(['export', '--format', 'xlsx', '--out', file], { home });
    expect(exported).toEqual({ code: 0, stdout: '', stderr: `Exported 3 claims to ${file}.\n` });

    // As the cells show: UTF-8, comma-separated, quoted text, contents as shown.
    const csv = convert(home, file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false', 'csv');
    // LibreOffice ends lines with LF; the reader expects RFC 4180's CRLF (no cell here holds a line break).
    const [header, ...rows] = parseCsv(csv.replace(/\r?\n/g, '\r\n'));
    expect(header).toEqual(SPEC_CSV_HEADER);
    expect(rows.map((row) => row.slice(0, 16))).toEqual([
      [
        'RC-0001',
        'draft',
        'tiktok-ads',
        'incorrect-charge',
        '+Acme @Shoes',
        AD_ID,
        PROMO_ID,
        FORMULA,
        'USD',
        'USD 12,345.67',
        'USD 12,345.66',
        '',
        '',
        'submit',
        '2026-11-24',
        '2026-11-20',
      ],
      [
        'RC-0002',
        'draft',
        'tiktok-promote',
        'accidental-charge',
        'Café Lumière',
        '',
        'PRM-2',
        '',
        'JPY',
        'JPY 5,000',
        'JPY 5,000',
        '',
        '',
        'submit',
        '2026-11-24',
        '2026-11-20',
      ],
      [
        'RC-0003',
        'refunded',
        'tiktok-ads',
        'incorrect-charge',
        'Acme Shoes',
        '7012345678901',
        '1790000003',
        'Summer sale',
        'EUR',
        'EUR 100.00',
        'EUR 40.00',
        'EUR 40.00',
        '-1234',
        '',
        '',
        '2026-11-20',
      ],
    ]);

    // Each cell's type and raw value, from the flat ODS LibreOffice writes.
    const fods = convert(home, file, 'fods', 'fods');
    expect(fods).not.toContain('table:formula');
    // Equal neighbours are written once with a repeat count (5000 requested of 5000 charged).
    const cells = [...fods.matchAll(/<table:table-cell([^>]*)>\s*(?:<text:p>([^<]*)<\/text:p>)?/g)].flatMap(
      ([, attributes = '', text]) => {
        const cell = {
          type: /office:value-type="(\w+)"/.exec(attributes)?.[1],
          value: /office:(?:date-)?value="([^"]*)"/.exec(attributes)?.[1] ?? text,
        };
        const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? 1);
        return cell.type === undefined ? [] : Array.from({ length: repeated }, () => cell);
      },
    );
    const typeOf = (value: string) => cells.find((cell) => cell.value === value)?.type;
    expect(typeOf(AD_ID)).toBe('string');
    expect(typeOf(PROMO_ID)).toBe('string');
    expect(typeOf('-1234')).toBe('string');
    expect(cells.filter((cell) => cell.type === 'float').map((cell) => cell.value)).toEqual([
      '12345.67',
      '12345.66',
      '5000',
      '5000',
      '100',
      '40',
      '40',
    ]);
    expect(cells.filter((cell) => cell.type === 'date').map((cell) => cell.value)).toEqual([
      '2026-11-24',
      '2026-11-20',
      '2026-11-24',
      '2026-11-20',
      '2026-11-20',
    ]);
  }, 180_000);
});
