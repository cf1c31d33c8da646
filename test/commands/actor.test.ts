import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimFlags } from '../helpers/cli.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const NOW = '2026-11-20T12:00:00Z';

describe('who recorded each event', () => {
  it('records REFUND_CLAIM_USER on every event; show prints it, show --json has actor', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW, env: { REFUND_CLAIM_USER: 'maria' } });
    await runCli(['submit', '1', '--ticket', '7301928374'], { home, now: NOW, env: { REFUND_CLAIM_USER: 'tom' } });
    const claim = await showClaim(home, '1', NOW);
    expect(claim.events.map((e) => [e.type, e.actor])).toEqual([
      ['created', 'maria'],
      ['submitted', 'tom'],
    ]);
    const shown = (await runCli(['show', '1'], { home, now: NOW })).stdout;
    expect(shown).toContain('2026-11-20  Claim drafted  (by maria)');
    expect(shown).toContain('2026-11-20  Ticket filed with support (ticket 7301928374)  (by tom)');
  });

  it('falls back to the login name without REFUND_CLAIM_USER', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW, env: { REFUND_CLAIM_USER: undefined } });
    const [created] = (await showClaim(home, '1', NOW)).events;
    expect(typeof created?.actor).toBe('string');
    expect(created?.actor).not.toBe('');
  });

  it('export version 2 round-trips facts, captions and actors; import still reads version 1', async () => {
    const home = tempDir();
    await runCli(
      claimFlags({
        '--invoice': 'INV-4471',
        '--agency': 'Northwind Media',
        '--sales-rep': 'Dana Lee',
        '--as-credit': '',
      }),
      { home, now: NOW },
    );
    const exported = await runCli(['export'], { home, now: NOW });
    const file = JSON.parse(exported.stdout) as { version: number; claims: unknown[] };
    expect(file.version).toBe(2);
    const path = join(home, 'backup.json');
    writeFileSync(path, exported.stdout);
    const target = tempDir();
    expect((await runCli(['import', path], { home: target, now: NOW })).code).toBe(0);
    const original = (await runCli(['show', '1', '--json'], { home, now: NOW })).stdout;
    expect((await runCli(['show', '1', '--json'], { home: target, now: NOW })).stdout).toBe(original);
    const restored = await showClaim(target, '1', NOW);
    expect(restored.events[0]?.actor).toBe('ana');
    expect(restored.facts.invoice).toBe('INV-4471');
    expect(restored.account).toMatchObject({ agency: 'Northwind Media', salesRep: 'Dana Lee' });

    // The same claim as version 1 wrote it: no facts, no agency, no actors.
    const v1 = JSON.parse(exported.stdout) as {
      version: number;
      accounts: Record<string, unknown>[];
      claims: Record<string, unknown>[];
    };
    v1.version = 1;
    for (const account of v1.accounts) {
      delete account.agency;
      delete account.salesRep;
    }
    for (const claim of v1.claims) {
      delete claim.facts;
      delete claim.asCredit;
      delete claim.factsVersion;
      const account = claim.account as Record<string, unknown>;
      delete account.agency;
      delete account.salesRep;
      for (const event of claim.events as Record<string, unknown>[]) delete event.actor;
    }
    const v1Path = join(home, 'v1.json');
    writeFileSync(v1Path, JSON.stringify(v1));
    const old = tempDir();
    const imported = await runCli(['import', v1Path], { home: old, now: NOW });
    expect(imported.code).toBe(0);
    const fromV1 = await showClaim(old, '1', NOW);
    expect(fromV1).toMatchObject({ factsVersion: 1, asCredit: false, account: { agency: null, salesRep: null } });
    expect(fromV1.facts.invoice).toBeNull();
    expect(fromV1.events.map((e) => e.actor)).toEqual([null]);
    // A claim drafted under version 1 lacks facts it was never asked: warnings, not errors.
    const check = await runCli(['check', '1'], { home: old, now: NOW });
    expect(check.stdout).toContain('warning  The invoice reference is not given');
  });
});
