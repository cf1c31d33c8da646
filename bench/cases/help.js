/** `refund-claim --help` against an empty Node.js: the cost of loading the command line itself. */
import { defaultDataDir } from '../lib/data-dir.js';
import { quote, row } from '../lib/format.js';

export async function run(ctx) {
  const node = quote(process.execPath);
  const { env } = defaultDataDir(ctx.workDir);
  const [baseline, help] = ctx.hyperfine(
    [
      { name: 'node -e ""', command: `${node} -e ""` },
      { name: 'refund-claim --help', command: `${node} ${quote(ctx.bin)} --help` },
    ],
    { env },
  );
  return [row('refund-claim --help', 'node -e ""', baseline, 'refund-claim --help', help, 1.3)];
}
