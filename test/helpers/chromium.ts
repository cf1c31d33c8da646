/**
 * Renders an HTML file to a PNG in headless Chromium (Debian's `chromium`, no driver): the proof
 * that a page a person opens is drawn by a real browser. Each run gets a fresh profile directory,
 * removed afterwards, and the browser's whole process group is killed when it is done, so no
 * browser is left behind, also when it hangs.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Chromium on PATH (`chromium`, as Debian names it, or `chromium-browser`), or null. */
export function findChromium(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // Not here.
      }
    }
  }
  return null;
}

export interface Screenshot {
  /** The browser's process group: gone once `screenshot` resolves (see groupIsGone). */
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Flags from TOOLCHAIN.md "Headless Chromium": no network of its own, no first-run work. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
];

/** Draws `html` into a PNG of the given window size. */
export function screenshot(
  chromium: string,
  html: string,
  png: string,
  { width = 1000, height = 4000, timeout = 60_000 } = {},
): Promise<Screenshot> {
  return runChromium(chromium, [`--screenshot=${png}`, `--window-size=${width},${height}`], html, timeout);
}

/** Prints `html` to a PDF, as a person printing the page would (no header or footer added). */
export function printToPdf(chromium: string, html: string, pdf: string, timeout = 60_000): Promise<Screenshot> {
  return runChromium(chromium, [`--print-to-pdf=${pdf}`, '--no-pdf-header-footer'], html, timeout);
}

function runChromium(chromium: string, output: string[], html: string, timeout: number): Promise<Screenshot> {
  const profile = mkdtempSync(join(tmpdir(), 'refund-claim-chromium-'));
  const args = [...FLAGS, `--user-data-dir=${profile}`, ...output, pathToFileURL(html).href];
  // Its own process group, so the renderer and GPU helpers it starts end with it.
  const child = spawn(chromium, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const timer = setTimeout(killGroup, timeout);
  return new Promise<Screenshot>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ pid: child.pid ?? 0, code, signal, stderr }));
  }).finally(async () => {
    clearTimeout(timer);
    killGroup();
    // Killed helpers linger a moment until they are reaped.
    for (let waited = 0; child.pid !== undefined && !groupIsGone(child.pid) && waited < 5000; waited += 50) {
      await new Promise((wake) => setTimeout(wake, 50));
    }
    rmSync(profile, { recursive: true, force: true });
  });
}

/** Whether no process of the group is left (signal 0 only asks). */
export function groupIsGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
