/**
 * `refund-claim --help` against its floor, an ESM file that loads commander, defines the same
 * commands and prints the same help (bench/lib/floors.js), and against an empty Node.js.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defaultDataDir } from '../lib/data-dir.js';
import { writeHelpFloor } from '../lib/floors.js';
import { quote, row } from '../lib/format.js';

export const FLOOR_TARGET = 1.1;

export async function run(ctx) {
  const node = quote(process.execPath);
  const { env } = defaultDataDir(ctx.workDir);
  const childEnv = Object.fromEntries(
    Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined),
  );
  const printed = (args) => {
    const result = spawnSync(process.execPath, args, { env: childEnv, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
    return result.stdout;
  };

  const help = printed([ctx.bin, '--help']);
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const floor = writeHelpFloor(help, version);
  if (printed([floor, '--help']) !== help) throw new Error(`the floor (${floor}) prints a different help`);

  const [baseline, floorRun, subject] = ctx.hyperfine(
    [
      { name: 'node -e ""', command: `${node} -e ""` },
      { name: 'floor --help', command: `${node} ${quote(floor)} --help` },
      { name: 'refund-claim --help', command: `${node} ${quote(ctx.bin)} --help` },
    ],
    { env },
  );
  return [
    row('--help: floor', 'node -e ""', baseline, 'commander floor', floorRun, null, null, baseline),
    row(
      '--help',
      'floor',
      floorRun,
      'refund-claim --help',
      subject,
      FLOOR_TARGET,
      'the floor is ESM + commander with the same commands, printing the same help',
      baseline,
    ),
  ];
}
