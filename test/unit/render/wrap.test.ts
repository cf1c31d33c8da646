import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columns, wrapText } from '../../../src/domain/columns.js';
import { loadTemplates } from '../../../src/render/templates.js';
import { tempDir } from '../../helpers/temp.js';

const widest = (text: string): number => Math.max(...text.split('\n').map(columns));

describe('wrapText', () => {
  it('leaves a line that fits, and wraps a long one at spaces within 80 columns', () => {
    expect(wrapText('Short line.')).toBe('Short line.');
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const wrapped = wrapText(words);
    expect(widest(wrapped)).toBeLessThanOrEqual(80);
    expect(wrapped.replaceAll('\n', ' ')).toBe(words);
    expect(wrapped.split('\n')[0]).toBe(words.slice(0, words.lastIndexOf(' ', 80)));
  });

  it('never breaks a word wider than the line: it stands alone', () => {
    const url = `https://ads.tiktok.com/help/article/${'x'.repeat(70)}`;
    expect(wrapText(`See ${url} for the rules.`)).toBe(`See\n${url}\nfor the rules.`);
    expect(wrapText('a '.repeat(30) + 'b'.repeat(90), { width: 80 }).split('\n')).toEqual([
      'a '.repeat(30).trimEnd(),
      'b'.repeat(90),
    ]);
  });

  it('hangs a list item under its text, and keeps the columns of an evidence line', () => {
    const item = `- Promised: ${'ten thousand views in the first week, '.repeat(3).trimEnd()}`;
    const lines = wrapText(item).split('\n');
    expect(lines[0]?.startsWith('- Promised:')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true);

    const file = `01-screenshot-${'billing-page-'.repeat(4)}x.png`; // 71 columns
    const evidence = `01  ${file}  The billing page on 3 Nov 2026 showing the double charge`;
    expect(wrapText(evidence)).toBe(`01  ${file}  The\n    billing page on 3 Nov 2026 showing the double charge`);
    const longest = `01-screenshot-${'billing-page-'.repeat(4)}xy.png`; // 72, the bundle's limit
    expect(wrapText(`01  ${longest}  Caption`)).toBe(`01  ${longest}\n    Caption`);
    expect(wrapText('02  02-receipt-invoice.pdf  Invoice 4411')).toBe('02  02-receipt-invoice.pdf  Invoice 4411');
    expect(wrapText(`${'x '.repeat(45)}`, { hang: 6 }).split('\n')[1]).toMatch(/^ {6}x/);
  });

  it('keeps a line’s own indentation on its continuation lines', () => {
    const lines = wrapText(`    ${'indented words '.repeat(8)}`).split('\n');
    expect(lines.length).toBe(2);
    expect(lines.every((l) => l.startsWith('    ') && !l.startsWith('     '))).toBe(true);
  });

  it('counts terminal columns: accents take one, CJK and emoji two', () => {
    expect(columns('Café Müller')).toBe(11);
    expect(columns('e\u0301')).toBe(1);
    expect(columns('広告の返金')).toBe(10);
    expect(columns('🎉👍')).toBe(4);
    expect(columns('👩‍👩‍👧')).toBe(2);

    const cjk = '広告の返金 '.repeat(16).trimEnd(); // 16 × 10 columns + spaces
    const wrapped = wrapText(cjk);
    expect(widest(wrapped)).toBeLessThanOrEqual(80);
    expect(wrapped.split('\n')[0]).toBe('広告の返金 '.repeat(7).trimEnd()); // 7 × 11 − 1 = 76

    const emoji = 'Great 🎉 '.repeat(12).trimEnd();
    expect(widest(wrapText(emoji))).toBeLessThanOrEqual(80);
    expect(wrapText(emoji).split('\n')[0]).toBe('Great 🎉 '.repeat(9).trimEnd()); // 9 × 9 − 1 = 80
    expect(wrapText('Zoë’s café résumé '.repeat(4).trimEnd())).toBe('Zoë’s café résumé '.repeat(4).trimEnd());
  });
});

describe('the wrap helper', () => {
  async function render(source: string, view: object): Promise<string> {
    const builtin = tempDir();
    writeFileSync(join(builtin, 'draft.hbs'), source);
    const templates = await loadTemplates({ builtin, user: join(builtin, 'none'), makeUserDir: (d) => mkdirSync(d) });
    return templates.render('draft', view);
  }
  const text = 'word '.repeat(30).trimEnd();

  it('wraps a block, a single value, and takes hang= and width=', async () => {
    expect(await render('{{#wrap}}Subject ok\n{{text}}{{/wrap}}', { text })).toBe(`Subject ok\n${wrapText(text)}`);
    expect(await render('{{wrap text width=40}}', { text })).toBe(wrapText(text, { width: 40 }));
    expect(await render('{{wrap text hang=2}}', { text })).toBe(wrapText(text, { hang: 2 }));
    expect(await render('[{{wrap none}}]', { none: null })).toBe('[]');
    await expect(render('{{wrap text hang="x"}}', { text })).rejects.toThrow(/hang= takes a whole number/);
  });
});
