import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags, run } from '../helpers/cli.js';
import { pngBytes } from '../helpers/files.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

describe('several refund-claim processes at once', () => {
  it('eight `new` on one fresh data directory all succeed with distinct IDs', async () => {
    const home = tempDir();
    const data = join(home, 'data');
    for (let i = 1; i <= 8; i++) writeFileSync(join(home, `shot-${i}.png`), pngBytes(8, 8, i));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        run([...claimFlags({ '--promotion-id': `17900000${i + 1}` }), '--screenshot', `shot-${i + 1}.png`], {
          home,
          env: { REFUND_CLAIM_HOME: data },
        }),
      ),
    );
    for (const result of results) expect(result.stderr).not.toContain('error');
    expect(results.map((r) => r.code)).toEqual(Array(8).fill(0));
    expect(results.map((r) => r.stdout.trim()).sort()).toEqual([
      'RC-0001',
      'RC-0002',
      'RC-0003',
      'RC-0004',
      'RC-0005',
      'RC-0006',
      'RC-0007',
      'RC-0008',
    ]);
    const listed = await runCli(['list', '--json'], { home, env: { REFUND_CLAIM_HOME: data } });
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(8);
  });

  it('eight `attach` to one claim number their evidence without gaps or collisions', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home });
    for (let i = 1; i <= 8; i++) writeFileSync(join(home, `shot-${i}.png`), pngBytes(8, 8, i));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => run(['attach', '1', `shot-${i + 1}.png`, '--kind', 'screenshot'], { home })),
    );
    expect(results.map((r) => r.code)).toEqual(Array(8).fill(0));
    const claim = await showClaim(home);
    expect(claim.evidence.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(claim.evidence.map((e) => e.name)).size).toBe(8);
  });
});
