import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/domain/errors.js';
import { loadTemplates } from '../../../src/render/templates.js';
import { tempDir } from '../../helpers/temp.js';

/** Renders `source` as a built-in template; returns the text, or the one-line error. */
async function render(source: string, view: object): Promise<string> {
  const builtin = tempDir();
  writeFileSync(join(builtin, 'draft.hbs'), source);
  const templates = await loadTemplates({ builtin, user: join(builtin, 'none'), makeUserDir: (dir) => mkdirSync(dir) });
  try {
    return templates.render('draft', view);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return `error: ${(error as UserError).message.replace(`Template ${join(builtin, 'draft.hbs')}, `, '')}`;
  }
}

const view = { amount: 123456, refund: -500, currency: 'USD', start: '2026-11-03', name: 'Summer sale', bytes: 1500 };

describe('template helpers', () => {
  it('print amounts, dates and sizes, and nothing for null', async () => {
    expect(await render('{{money amount currency}} on {{date start}}, {{size bytes}}', view)).toBe(
      'USD 1,234.56 on 3 Nov 2026, 1.5 kB',
    );
    expect(await render('[{{money none currency}}][{{date none}}]', { ...view, none: null })).toBe('[][]');
  });

  it.each([
    [
      'a negative amount from a field',
      'Refund\n{{money refund currency}}',
      'line 2: money cannot show refund (-500): an amount is whole minor units, never negative.',
    ],
    [
      'a negative literal',
      'Refund {{money -5 currency}}',
      'line 1: money cannot show -5: an amount is whole minor units, never negative.',
    ],
    [
      'a fraction of a minor unit',
      '{{money 1.5 currency}}',
      'line 1: money cannot show 1.5: an amount is whole minor units, never negative.',
    ],
    ['text as an amount', '{{money name currency}}', 'line 1: money cannot show name ("Summer sale"): an amount is'],
    [
      'a currency that is not a code',
      '{{money amount name}}',
      'line 1: money cannot show name ("Summer sale"): a currency',
    ],
    [
      'text as a date',
      'Since\n\n{{date name}}',
      'line 3: date cannot show name ("Summer sale"): it is not a date (YYYY-MM-DD).',
    ],
    [
      'a day that does not exist',
      '{{date "2026-02-30"}}',
      'line 1: date cannot show "2026-02-30": it is not a date (YYYY-MM-DD).',
    ],
    ['a number as a date', '{{date amount}}', 'line 1: date cannot show amount (123456): it is not a date'],
    ['text as a size', '{{size name}}', 'line 1: size cannot show name ("Summer sale"): a size is a whole number'],
  ])('refuse %s, naming the line', async (_, source, message) => {
    expect(await render(source, view)).toContain(`error: ${message}`);
  });

  it('quote a hostile value without letting it reach the terminal', async () => {
    const text = await render('{{date name}}', { name: 'x\u001b]0;pwned\u0007\u202e' });
    expect(text).toContain('date cannot show name ("x\\u001b]0;pwned\\u0007\\u202e")');
    // eslint-disable-next-line no-control-regex -- the point is that none is left
    expect(text).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
  });

  it('still name an unknown field given to a helper', async () => {
    expect(await render('{{money amont currency}}', view)).toBe(
      'error: line 1: unknown field "amont" (given to money).',
    );
  });
});
