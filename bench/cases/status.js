/**
 * The morning `status` and the other read commands on an agency's database of 100,000 claims
 * (about 95% closed), made once per run through the product's own store and domain code.
 */
import { spawnSync } from 'node:child_process';
import { generateClaims } from '../lib/claims-dataset.js';
import { defaultDataDir } from '../lib/data-dir.js';
import { quote, row } from '../lib/format.js';

const CLAIMS = 100_000;

export async function run(ctx) {
  const node = quote(process.execPath);
  const { env, dataDir } = defaultDataDir(ctx.workDir);

  ctx.log(`generating ${CLAIMS.toLocaleString('en')} claims through the store…`);
  const { counts, seconds } = await generateClaims(dataDir, { count: CLAIMS, log: ctx.log });
  const open = Object.entries(counts)
    .filter(([status]) => !['refunded', 'credited', 'rejected', 'withdrawn'].includes(status))
    .reduce((sum, [, n]) => sum + n, 0);
  ctx.log(`${CLAIMS.toLocaleString('en')} claims, ${open.toLocaleString('en')} open, in ${seconds.toFixed(1)} s`);

  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined),
  );
  const refundClaim = (args) => `${node} ${quote(ctx.bin)} ${args}`;
  const once = (args) => {
    const result = spawnSync(process.execPath, [ctx.bin, ...args], {
      env: childEnv,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (result.status !== 0)
      throw new Error(`refund-claim ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
    return result.stdout;
  };

  // Check that each command does its whole job before timing it.
  const pending = JSON.parse(once(['status', '--json']));
  if (pending.length !== open) throw new Error(`status --json listed ${pending.length} claims, expected ${open}`);
  const lines = once(['status']).trimEnd().split('\n').length;
  if (lines !== open) throw new Error(`status printed ${lines} lines, expected ${open}`);
  // The claim a person looks at next: the most overdue one.
  const id = pending[0].id;
  if (!once(['show', id]).includes(id)) throw new Error(`show ${id} did not show it`);
  const listed = once(['list']).trimEnd().split('\n').length;
  if (listed !== CLAIMS) throw new Error(`list printed ${listed} lines, expected ${CLAIMS}`);

  const baselineCommand = { name: 'node -e ""', command: `${node} -e ""` };
  const [baseline, status, json, show] = ctx.hyperfine(
    [
      baselineCommand,
      { name: 'status', command: refundClaim('status') },
      { name: 'status --json', command: refundClaim('status --json') },
      { name: 'show', command: refundClaim(`show ${id}`) },
    ],
    { env },
  );
  const [listBaseline, list] = ctx.hyperfine([baselineCommand, { name: 'list', command: refundClaim('list') }], {
    env,
    runs: 10,
  });

  const size = `${CLAIMS.toLocaleString('en')} claims, ${open.toLocaleString('en')} open`;
  return [
    row('refund-claim status', 'node -e ""', baseline, 'status', status, 1.4, `${size}: prints every open claim`),
    row('refund-claim status --json', 'node -e ""', baseline, 'status --json', json, 1.5, `${size}`),
    row(`refund-claim show ${id}`, 'node -e ""', baseline, 'show', show, null),
    row(
      'refund-claim list',
      'node -e ""',
      listBaseline,
      'list',
      list,
      null,
      `prints all ${CLAIMS.toLocaleString('en')} claims`,
    ),
  ];
}
