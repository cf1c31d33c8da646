/**
 * `refund-claim status | head -1`: the reader closes the pipe early. The command must end quietly,
 * not die with an unhandled EPIPE and a stack trace.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, claimFlags, cliEnv } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the binary with its standard output already closed by the reader, as `| true` does. */
function runIntoClosedPipe(args: readonly string[], home: string): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: home,
      env: cliEnv(home),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed long before Node has started: the first write meets a pipe nobody reads.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('output into a pipe the reader closed early', () => {
  it.each(['status', 'status --json', 'list', 'list --json', 'show 1'])(
    '%s ends quietly with exit 0',
    async (command) => {
      const home = tempDir();
      for (const id of ['1790000001', '1790000002', '1790000003']) {
        expect((await runCli(claimFlags({ '--promotion-id': id }), { home })).code).toBe(0);
      }
      expect(await runIntoClosedPipe(command.split(' '), home)).toEqual({ code: 0, signal: null, stderr: '' });
    },
  );
});
