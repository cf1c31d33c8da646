/**
 * Runs refund-claim the way most people do: no --data-dir and no REFUND_CLAIM_HOME, so the data
 * directory is the platform's default (which costs a module load to work out). HOME and the XDG
 * and Windows variables point into the case's work directory, so nothing of the user's is read
 * or written.
 */
import { join } from 'node:path';
import envPaths from 'env-paths';

const VARIABLES = ['HOME', 'USERPROFILE', 'XDG_DATA_HOME', 'LOCALAPPDATA', 'REFUND_CLAIM_HOME'];

/** The environment for commands run in `home`, and the data directory refund-claim uses there. */
export function defaultDataDir(home) {
  const env = {
    HOME: home,
    USERPROFILE: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    LOCALAPPDATA: join(home, 'AppData', 'Local'),
    REFUND_CLAIM_HOME: undefined,
    NO_COLOR: '1',
  };
  const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  try {
    for (const name of VARIABLES) {
      if (env[name] === undefined) delete process.env[name];
      else process.env[name] = env[name];
    }
    return { env, dataDir: envPaths('refund-claim', { suffix: '' }).data };
  } finally {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}
