/**
 * `report --html` end to end: the built binary writes the page for a store of several accounts,
 * currencies and months; the page holds no script and nothing fetched from elsewhere; and a real
 * browser (headless Chromium) draws it. With REFUND_CLAIM_UPDATE_DOCS=1 the picture replaces
 * docs/report-sample.png, the one the README shows.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, groupIsGone, printToPdf, screenshot } from '../helpers/chromium.js';
import { run } from '../helpers/cli.js';
import { writeSampleStore } from '../helpers/sample-store.js';
import { tempDir } from '../helpers/temp.js';

const chromium = findChromium();
const DOCS_PNG = fileURLToPath(new URL('../../docs/report-sample.png', import.meta.url));

/** Anything a browser would fetch or run: the page must work offline and without scripts. */
function externalReferences(html: string): string[] {
  const patterns = [
    /<script\b/gi,
    /\s(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)[^"'\s>]*/gi,
    /@import\b/gi,
    /url\(\s*["']?(?!#)[^)]*\)/gi,
    /<(?:link|iframe|object|embed|img|video|audio|source)\b/gi,
    /\son[a-z]+\s*=/gi,
  ];
  return patterns.flatMap((pattern) => html.match(pattern) ?? []);
}

describe('report --html', () => {
  let home: string;
  // One store for the whole file (tempDir's go after each test), written in-process for speed;
  // the report itself runs the built binary.
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'refund-claim-html-'));
    await writeSampleStore(home);
  }, 60_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('writes one self-contained page with the charts, tables and amounts per currency', async () => {
    const result = await run(['report', '--html', 'report.html'], { home });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    // Nothing else on stderr: no warning of the charting library.
    expect(result.stderr).toBe(
      'Wrote report.html: 12 claims, 4 accounts. Open it in any browser; it prints on A4 or Letter.\n',
    );
    const html = readFileSync(join(home, 'report.html'), 'utf8');
    expect(externalReferences(html)).toEqual([]);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(6); // 3 currencies' months + 3
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(6);
    expect(html).toContain('<title>Claims by status</title>');
    for (const text of ['USD 3,550.00', 'EUR 2,050.00', 'JPY 16,000', 'Acme Shoes', 'Café Lumière', 'Bloom Studio']) {
      expect(html).toContain(text);
    }
    expect(html).not.toMatch(/NaN|undefined|\[object/);
  });

  it.runIf(chromium !== null || process.env.CI)(
    'is drawn and printed by headless Chromium, which is left running nowhere',
    async () => {
      if (chromium === null) {
        throw new Error('chromium is not installed: CI must `apt-get install -y chromium` (see .ci/run).');
      }
      const dir = tempDir();
      const page = join(dir, 'report.html');
      expect((await run(['report', '--html', page], { home })).code).toBe(0);
      const png = join(dir, 'report.png');
      const shot = await screenshot(chromium, page, png, { width: 900, height: 5000 });
      expect(shot.code, shot.stderr).toBe(0);
      expect(groupIsGone(shot.pid)).toBe(true);
      expect(existsSync(png), shot.stderr).toBe(true);
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(statSync(png).size).toBeGreaterThan(50_000);
      if (process.env.REFUND_CLAIM_UPDATE_DOCS) copyFileSync(png, DOCS_PNG);

      // Printed, it makes a PDF of several pages (CSS keeps each chart on one of them).
      const pdf = join(dir, 'report.pdf');
      const printed = await printToPdf(chromium, page, pdf);
      expect(printed.code, printed.stderr).toBe(0);
      expect(groupIsGone(printed.pid)).toBe(true);
      const text = readFileSync(pdf, 'latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text.match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(2);
    },
    90_000,
  );

  it('says so on the page when there are no claims, and creates no data directory', async () => {
    const empty = tempDir();
    const result = await run(['report', '--html', 'empty.html'], { home: empty });
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(empty, 'empty.html'), 'utf8');
    expect(html).toContain('There are no claims yet');
    expect(html).not.toContain('<svg');
    expect(existsSync(join(empty, 'data'))).toBe(false);
  });
});
