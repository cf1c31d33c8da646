import { describe, expect, it } from 'vitest';
import { parseFlag } from '../../../src/cli/claim-fields.js';
import { nameOption, textOption } from '../../../src/cli/lifecycle.js';
import { UsageError } from '../../../src/domain/errors.js';

const context = { currency: 'USD', now: new Date('2026-11-20T12:00:00.000Z') };

describe('names and IDs on the command line', () => {
  it.each(['accountName', 'promotionId', 'promotionName'] as const)(
    'refuses a direction control in %s, naming the flag',
    (field) => {
      expect(() => parseFlag(field, 'Acme\u202eseohS', context)).toThrow(UsageError);
      expect(() => parseFlag(field, 'Acme\u202eseohS', context)).toThrow(
        /^--[a-z-]+ contains an invisible or direction-changing character \(U\+202E\)\.$/,
      );
      expect(parseFlag(field, 'Café 👩\u200d💻', context)).toBe('Café 👩\u200d💻');
    },
  );

  it('refuses an invisible character in --ticket, but not in free text such as --note', () => {
    expect(() => nameOption('--ticket', 'T-1\u200b')).toThrow(
      '--ticket contains an invisible or direction-changing character (U+200B).',
    );
    expect(textOption('--note', 'said \u2067שלום\u2069 twice')).toBe('said \u2067שלום\u2069 twice');
  });
});
