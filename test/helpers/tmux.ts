/**
 * Drives a command in a real terminal: a detached tmux session on a private socket, keys sent
 * with send-keys, the screen read with capture-pane. This is how a person meets the wizard.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class TmuxSession {
  private readonly socket: string;
  private readonly exitFile: string;

  private constructor(
    private readonly name: string,
    dir: string,
  ) {
    // A socket file of its own in the test's directory (`-S`), not one named in tmux's shared
    // socket directory (`-L`): kill() removes it, so no run leaves a socket behind.
    this.socket = join(dir, `${name}.tmux`);
    this.exitFile = join(dir, `${name}.exit`);
  }

  /** Starts `argv` in a 120×50 terminal (or `size`) with `env`; its exit code lands in a file when it ends. */
  static start(
    name: string,
    dir: string,
    argv: readonly string[],
    env: Record<string, string>,
    size: { columns: number; rows: number } = { columns: 120, rows: 50 },
  ): TmuxSession {
    const session = new TmuxSession(name, dir);
    const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
    const exports = Object.entries(env)
      .map(([key, value]) => `export ${key}=${quote(value)};`)
      .join(' ');
    const script = `${exports} cd ${quote(dir)}; ${argv.map(quote).join(' ')}; echo $? > ${quote(session.exitFile)}; sleep 600`;
    session.tmux(
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      'sh',
      '-c',
      script,
    );
    return session;
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  /** The screen, lines the terminal wrapped joined again; with `joined: false`, as the rows show it. */
  screen(options: { joined?: boolean } = {}): string {
    const join = options.joined === false ? [] : ['-J'];
    return this.tmux('capture-pane', '-p', ...join, '-S', '-200', '-t', this.name);
  }

  /** Waits until the screen shows `text`; fails with the screen's content after `ms`. */
  async waitFor(text: string | RegExp, ms = 15_000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(text)}. Screen:\n${screen}`);
      await sleep(100);
    }
  }

  /** Types text literally, then presses Enter. */
  answer(text: string): void {
    if (text !== '') this.tmux('send-keys', '-t', this.name, '-l', text);
    this.tmux('send-keys', '-t', this.name, 'Enter');
  }

  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  async exitCode(ms = 15_000): Promise<number> {
    const deadline = Date.now() + ms;
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error(`The command did not finish. Screen:\n${this.screen()}`);
      await sleep(100);
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    rmSync(this.socket, { force: true });
  }
}
