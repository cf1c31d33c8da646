import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandToRun, isOnPath } from '../../../src/cli/how-to-run.js';
import type { Invocation } from '../../../src/cli/how-to-run.js';
import { tempDir } from '../../helpers/temp.js';

const clone = '/home/ana/src/refund-claim';
const base: Invocation = {
  onPath: false,
  npmLifecycleEvent: undefined,
  npmExecpath: undefined,
  script: `${clone}/bin/refund-claim.js`,
  cwd: clone,
  packageRoot: clone,
};

describe('how the next steps tell the user to run refund-claim', () => {
  it('uses the plain name when it is on their PATH, however this run started', () => {
    expect(commandToRun({ ...base, onPath: true, npmLifecycleEvent: 'npx' })).toBe('refund-claim');
  });

  it('repeats npx from the registry', () => {
    const cache = '/home/ana/.npm/_npx/1a2b/node_modules/refund-claim';
    expect(
      commandToRun({
        ...base,
        npmLifecycleEvent: 'npx',
        npmExecpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
        script: `${cache}/bin/refund-claim.js`,
        cwd: '/home/ana',
        packageRoot: cache,
      }),
    ).toBe('npx refund-claim');
  });

  it('says `npx .` in a clone, and the clone’s path from elsewhere', () => {
    const npx = { ...base, npmLifecycleEvent: 'npx', npmExecpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' };
    expect(commandToRun(npx)).toBe('npx .');
    expect(commandToRun({ ...npx, cwd: '/home/ana/src' })).toBe('npx ./refund-claim');
    expect(commandToRun({ ...npx, cwd: '/home/ana' })).toBe('npx ./src/refund-claim');
    expect(commandToRun({ ...npx, cwd: '/tmp' })).toBe(`npx ${clone}`);
  });

  it('repeats `node <script>` when it was started that way', () => {
    expect(commandToRun(base)).toBe('node bin/refund-claim.js');
    expect(commandToRun({ ...base, cwd: '/elsewhere' })).toBe(`node ${clone}/bin/refund-claim.js`);
    expect(commandToRun({ ...base, script: '/home/ana/my tools/bin/refund-claim.js', cwd: '/x' })).toBe(
      "node '/home/ana/my tools/bin/refund-claim.js'",
    );
  });
});

describe('isOnPath', () => {
  it('finds an executable refund-claim, but not in the node_modules/.bin folders npm adds for a run', () => {
    const home = tempDir();
    const bin = join(home, 'bin');
    const npmBin = join(home, 'project', 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    mkdirSync(npmBin, { recursive: true });
    writeFileSync(join(npmBin, 'refund-claim'), '#!/bin/sh\n');
    chmodSync(join(npmBin, 'refund-claim'), 0o755);
    expect(isOnPath([npmBin, bin].join(delimiter), undefined)).toBe(false);
    writeFileSync(join(bin, 'refund-claim'), '#!/bin/sh\n');
    chmodSync(join(bin, 'refund-claim'), 0o644);
    expect(isOnPath(bin, undefined)).toBe(false);
    chmodSync(join(bin, 'refund-claim'), 0o755);
    expect(isOnPath([npmBin, bin].join(delimiter), undefined)).toBe(true);
  });
});
