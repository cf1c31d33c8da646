/**
 * `status` and `list` in a real 80-column terminal (tmux), with long account and promotion names
 * in Japanese and with emoji: every line fits, so the terminal wraps none of them.
 */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, claimFlags, dataDirOf, NOW, promoteFlags } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

// CI installs tmux (.ci/run); elsewhere a machine without it skips these, loudly.
const describeWithTmux = hasTmux() || process.env.CI ? describe : describe.skip;

const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});

describeWithTmux('tables in a real 80-column terminal', () => {
  it('prints status and list without a wrapped line, long CJK and emoji names cut with …', async () => {
    const home = tempDir();
    const create = async (args: string[]) => expect((await runCli(args, { home })).code).toBe(0);
    await create([...claimFlags(), '--file-by', '2026-11-18']);
    await create(
      claimFlags({
        '--account-name': '株式会社サンプル広告代理店 東京本社 マーケティング部 🚀',
        '--advertiser-id': '7012345678901234567',
        '--promotion-id': '1790000000000000001',
        '--promotion-name': '年末セール キャンペーン 2026 🎉 超特価 — 全商品 50% オフ 👩‍👩‍👧‍👦',
        '--charged': '123456.78',
        '--expected': '0.01',
      }),
    );
    await create(promoteFlags('PRM-1'));
    await create(['submit', '3', '--ticket', 'T-3', '--on', '2026-11-10']);
    await create(['decision', '3', 'partially-approved', '--amount', '1000', '--on', '2026-11-12']);

    const node = process.execPath;
    const session = TmuxSession.start(
      'tables',
      home,
      ['sh', '-c', `'${node}' '${BIN}' status; echo END-STATUS; '${node}' '${BIN}' list; echo END-LIST`],
      {
        REFUND_CLAIM_HOME: dataDirOf(home),
        REFUND_CLAIM_NOW: NOW,
        TZ: 'UTC',
        HOME: home,
        PATH: process.env.PATH ?? '',
        TERM: 'xterm-256color',
      },
      { columns: 80, rows: 40 },
    );
    sessions.push(session);
    await session.waitFor('END-LIST');
    expect(await session.exitCode()).toBe(0);
    // Rows as the terminal shows them, and lines as printed (wrapped rows joined): the same.
    const rows = session.screen({ joined: false }).trimEnd().split('\n');
    const lines = session.screen().trimEnd().split('\n');
    expect(rows).toEqual(lines);
    for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(80);
    const text = rows.join('\n');
    expect(text).toContain('Overdue');
    expect(text).toMatch(/RC-0002 .*株式.*…/);
    expect(text).toMatch(/ID +STATUS +ACCOUNT/);
    expect(text).toMatch(/RC-0003 +partially-approved +Café.* +confirm-refund/);
  });
});
