import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The headers of the Node.js running the tests, for npm to compile better-sqlite3 against: npm's
 * own `nodedir` setting may name another version's (an ABI this Node.js cannot load). A Node.js
 * installed with its headers has them under its prefix (`<prefix>/include/node`).
 */
function nodeDir(): string | undefined {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_version.h')) ? prefix : process.env.npm_config_nodedir;
}

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_nodedir: nodeDir() },
  });

describe('the published package', () => {
  it('holds the binary, the built code and the templates, and nothing else', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root)) as [
      { files: { path: string }[] },
    ];
    const files = pack.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/refund-claim.js',
        'dist/cli/main.js',
        'templates/ticket-tiktok-ads.hbs',
        'package.json',
        'README.md',
      ]),
    );
    expect(files.filter((f) => /^(src|test|bench|\.ci)\//.test(f))).toEqual([]);
  });

  // Installing compiles better-sqlite3 from source here (~65 s of one core), so this runs in CI
  // (CI=true) or when asked with REFUND_CLAIM_TEST_PACK=1.
  it.runIf(process.env.CI || process.env.REFUND_CLAIM_TEST_PACK)(
    'installs from its tarball and runs',
    () => {
      const dir = tempDir();
      const [pack] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root)) as [{ filename: string }];
      const app = join(dir, 'app');
      mkdirSync(app);
      npm(['init', '-y'], app);
      npm(['install', '--no-audit', '--no-fund', join(dir, pack.filename)], app);
      const bin = join(app, 'node_modules', '.bin', 'refund-claim');
      expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toContain('Usage: refund-claim');
      const home = join(dir, 'data');
      const env = { ...process.env, REFUND_CLAIM_HOME: home, NO_COLOR: '1' };
      const id = execFileSync(
        bin,
        [
          'new',
          '--no-input',
          '--reason',
          'campaign-cancelled',
          '--advertiser-id',
          '1',
          '--account-name',
          'A',
          '--email',
          'a@a.test',
          '--promotion-id',
          '1',
          '--charged',
          '10',
          '--cancelled-on',
          '2026-11-01',
          '--cancel-reason',
          'The product launch was called off.',
          '--description',
          'Cancelled before it ran, on 1 November.',
        ],
        { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(id).toBe('RC-0001\n');
      expect(execFileSync(bin, ['ticket', '1'], { encoding: 'utf8', env })).toContain('Claim reference: RC-0001');
    },
    600_000,
  );
});
