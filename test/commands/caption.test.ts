import { describe, expect, it } from 'vitest';
import { claimFlags } from '../helpers/cli.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const NOW = '2026-11-20T12:00:00Z';

describe('captions', () => {
  it('new takes PATH::CAPTION on any evidence flag, only when PATH names an existing file', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    const result = await runCli(
      [
        ...claimFlags(),
        '--receipt',
        'invoice.pdf::Invoice INV-4471 for October, USD 150',
        '--screenshot',
        'dashboard.png',
      ],
      { home, now: NOW },
    );
    expect(result.code).toBe(0);
    const claim = await showClaim(home, '1', NOW);
    expect(claim.evidence.map((e) => [e.id, e.name, e.caption])).toEqual([
      [1, 'invoice.pdf', 'Invoice INV-4471 for October, USD 150'],
      [2, 'dashboard.png', null],
    ]);
    const missing = await runCli([...claimFlags({ '--promotion-id': '2' }), '--receipt', 'nope.pdf::A caption'], {
      home,
      now: NOW,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.pdf::A caption');
  });

  it('caption sets and replaces a caption, records it, and refuses an unknown number with exit 1', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home, now: NOW });
    const before = await runCli(['check', '1'], { home, now: NOW });
    expect(before.stdout).toContain('warning  Evidence #1 (invoice.pdf) has no caption');
    expect(before.stdout).toContain('fix: refund-claim caption RC-0001 1 <text>');

    const set = await runCli(['caption', 'RC-0001', '1', 'Invoice INV-4471, billed twice'], { home, now: NOW });
    expect(set).toMatchObject({ code: 0, stderr: 'Caption of RC-0001 evidence #1 set.\n' });
    const claim = await showClaim(home, '1', NOW);
    expect(claim.evidence[0]?.caption).toBe('Invoice INV-4471, billed twice');
    expect(claim.events.at(-1)).toMatchObject({ type: 'edited', data: { evidence: [1] } });
    expect((await runCli(['show', '1'], { home, now: NOW })).stdout).toContain('Caption set: #1');
    expect((await runCli(['check', '1'], { home, now: NOW })).stdout).not.toContain('has no caption');

    const unknown = await runCli(['caption', '1', '7', 'Nothing'], { home, now: NOW });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('RC-0001 has no evidence #7 (it has #1).');
    expect((await runCli(['caption', '1', 'x', 'Nothing'], { home, now: NOW })).code).toBe(2);
  });

  it('attach --caption is kept', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    await runCli(claimFlags(), { home, now: NOW });
    await runCli(['attach', '1', 'invoice.pdf', '--kind', 'receipt', '--caption', 'The October invoice'], {
      home,
      now: NOW,
    });
    expect((await showClaim(home, '1', NOW)).evidence[0]?.caption).toBe('The October invoice');
  });
});
