import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/completeness.js';
import { PLAIN } from '../../../src/cli/context.js';
import { formatPreview } from '../../../src/cli/output/new-claim.js';
import { claim, evidence } from '../../helpers/claims.js';

const unsaved = claim({ id: 7, evidence: [evidence('receipt', 1)] });
const caption: Finding = {
  severity: 'warning',
  code: 'missing-caption',
  message: 'Evidence #1 (receipt.pdf) has no caption; say in one line what it shows.',
  evidence: 1,
};
const deadline: Finding = {
  severity: 'warning',
  code: 'file-by-soon',
  message: 'File by 2026-12-01: 2 days left.',
};

describe("the wizard's preview of a claim not saved yet", () => {
  it('names no command to fix a finding (none can reach the claim yet) and points at "Change a value"', () => {
    const shown = formatPreview(unsaved, [caption], 'TICKET', PLAIN, { changeable: true });
    expect(shown).toContain('  warning  Evidence #1 (receipt.pdf) has no caption; say in one line what it shows.\n');
    expect(shown).not.toContain('fix:');
    expect(shown).not.toContain('refund-claim caption');
    expect(shown).toContain('To fix any of these before saving, choose "Change a value" below.');
  });

  it('does not point at "Change a value" when only the filing deadline is found', () => {
    const shown = formatPreview(unsaved, [deadline], 'TICKET', PLAIN, { changeable: true });
    expect(shown).toContain('File by 2026-12-01');
    expect(shown).not.toContain('Change a value');
  });

  it('does not point at "Change a value" when no menu follows (--yes, nothing in the way of saving)', () => {
    const shown = formatPreview(unsaved, [caption], 'TICKET', PLAIN, { changeable: false });
    expect(shown).toContain('has no caption');
    expect(shown).not.toContain('fix:');
    expect(shown).not.toContain('Change a value');
  });
});
