import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initial } from '../../src/store/sqlite/migrations/001-initial.js';
import { pendingCoveringIndex } from '../../src/store/sqlite/migrations/002-pending-covering-index.js';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { writeOldDatabase } from '../helpers/old-database.js';
import { tempDir } from '../helpers/temp.js';

const NOW = '2026-11-20T12:00:00Z';
const CREATOR_REASONS = 'creator-no-delivery, campaign-cancelled, non-performance, incorrect-charge, accidental-charge';

describe('channel × reason', () => {
  it('refuses a pair outside the table with exit 2, naming the reasons the channel allows', async () => {
    const home = tempDir();
    const result = await runCli(
      claimFlags({ '--channel': 'creator', '--reason': 'unspent-balance', '--expected': '' }).filter(
        (f) => f !== '--expected',
      ),
      { home, now: NOW },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `error: A creator claim cannot be for unspent-balance; its reason is one of ${CREATOR_REASONS}.`,
    );
    expect((await runCli(['list', '--json'], { home, now: NOW })).stdout).toBe('[]\n');
  });

  it('takes the only channel a reason fits when none is given', async () => {
    const home = tempDir();
    const result = await runCli(
      [
        'new',
        '--no-input',
        '--reason',
        'creator-no-delivery',
        '--account-name',
        'Corner Bakery',
        '--email',
        'hi@bakery.test',
        '--promotion-id',
        'deal-7',
        '--charged',
        '800',
        '--creator',
        'studio.name',
        '--deliverables',
        'Two videos',
        '--deliverables-due',
        '2026-11-10',
        '--description',
        'Paid in full on 1 Nov; neither video has been posted.',
      ],
      { home, now: NOW },
    );
    expect(result.code).toBe(0);
    expect((await showClaim(home, '1', NOW)).channel).toBe('creator');
  });

  it('defaults the promotion ID of an unspent balance to the advertiser ID', async () => {
    const home = tempDir();
    const flags = claimFlags({ '--reason': 'unspent-balance', '--expected': '', '--promotion-id': '' }).filter(
      (f) => f !== '--expected' && f !== '--promotion-id',
    );
    const result = await runCli([...flags, '--yes'], { home, now: NOW });
    expect(result.code).toBe(0);
    expect((await showClaim(home, '1', NOW)).promotion.id).toBe('7012345678901');
  });

  it('edit refuses to move a claim to a pair outside the table', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW });
    const result = await runCli(['edit', '1', '--channel', 'tiktok-promote', '--reason', 'unspent-balance'], {
      home,
      now: NOW,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('A tiktok-promote claim cannot be for unspent-balance; its reason is one of');
  });

  it('import refuses a claim whose pair is outside the table', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW });
    const exported = await runCli(['export'], { home, now: NOW });
    const file = JSON.parse(exported.stdout) as { claims: { channel: string; reason: string }[] };
    file.claims[0]!.channel = 'creator';
    file.claims[0]!.reason = 'unspent-balance';
    const path = join(home, 'bad.json');
    writeFileSync(path, JSON.stringify(file));
    const result = await runCli(['import', path], { home: tempDir(), now: NOW, cwd: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.reason is refused: a creator claim cannot be for unspent-balance');
  });

  it('keeps an old claim with such a pair working, with a check warning naming the edit', async () => {
    const home = tempDir();
    mkdirSync(dataDirOf(home), { mode: 0o700 });
    writeOldDatabase(
      join(dataDirOf(home), 'claims.db'),
      [initial, pendingCoveringIndex],
      [
        {
          id: 1,
          channel: 'creator',
          reason: 'unspent-balance',
          account_name: 'Corner Bakery',
          advertiser_id: null,
          email: 'hi@bakery.test',
          promotion_id: 'deal-5',
          promotion_name: null,
          currency: 'USD',
          charged: 5_000,
          requested: 5_000,
          description: 'Asked for the unspent part of the partnership fee back.',
          created_on: '2026-11-02',
          next_action: 'submit',
          next_due: '2026-11-04',
        },
      ],
    );
    const check = await runCli(['check', '1'], { home, now: NOW });
    expect(check.stdout).toContain(
      `warning  A creator claim cannot be for unspent-balance; its reason is one of ${CREATOR_REASONS}`,
    );
    expect(check.stdout).toContain(
      'fix: refund-claim edit RC-0001 --reason <creator-no-delivery|campaign-cancelled|non-performance|incorrect-charge|accidental-charge>',
    );
    const edited = await runCli(['edit', '1', '--promotion-name', 'Autumn collab'], { home, now: NOW });
    expect(edited.code).toBe(0);
    const fixed = await runCli(
      ['edit', '1', '--reason', 'non-performance', '--promised', '2 videos', '--delivered', 'none'],
      {
        home,
        now: NOW,
      },
    );
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(dataDirOf(home), 'claims.db')).length).toBeGreaterThan(0);
    expect((await showClaim(home, '1', NOW)).reason).toBe('non-performance');
  });
});
