import { describe, expect, it } from 'vitest';
import { claimFlags, run } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

describe('refund-claim', () => {
  it('saves a claim from flags and prints its ID alone on stdout', async () => {
    const home = tempDir();
    const result = await run(claimFlags(), { home });
    expect(result.stderr).toContain('Saved RC-0001 (incorrect-charge on tiktok-ads, 0 evidence files).');
    expect(result).toMatchObject({ code: 0, stdout: 'RC-0001\n' });
  });
});
