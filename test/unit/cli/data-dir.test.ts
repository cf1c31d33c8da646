import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDataDir } from '../../../src/cli/data-dir.js';
import { environmentError } from '../../../src/cli/environment-errors.js';
import { tempDir } from '../../helpers/temp.js';

describe('preparing the data directory', () => {
  it('creates a missing one private to the user', () => {
    const dir = join(tempDir(), 'data');
    prepareDataDir(dir, () => undefined);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('tightens a loose one that holds claims.db (or nothing yet), saying so', () => {
    for (const files of [['claims.db'], []]) {
      const dir = tempDir();
      for (const name of files) writeFileSync(join(dir, name), '');
      chmodSync(dir, 0o755);
      const notes: string[] = [];
      prepareDataDir(dir, (text) => notes.push(text));
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(notes).toEqual([`Note: ${dir} was readable by others (mode 755); it is now private (700).`]);
    }
  });

  it('never changes a directory given by mistake: one with other files and no claims.db', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    chmodSync(dir, 0o755);
    expect(() => prepareDataDir(dir, () => undefined)).toThrow(
      `Cannot use ${dir} as the data directory: it holds other files (notes.txt) and no claims.db.`,
    );
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses an empty claims.db beside stored evidence instead of starting afresh', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'claims.db'), '');
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'a'.repeat(64)), 'x');
    expect(() => prepareDataDir(dir, () => undefined)).toThrow(
      /claims\.db is empty \(0 bytes\) although .* holds evidence/,
    );
  });
});

describe('errors from the environment', () => {
  it('name the path and the cause for errno codes, and the data directory for SQLite codes', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      path: '/data/evidence/.incoming-1',
    });
    expect(environmentError(full, '/data')?.message).toBe(
      'Cannot use /data/evidence/.incoming-1: no space left on the device.',
    );
    const notADb = Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
    expect(environmentError(notADb, '/data')?.message).toBe(
      'Cannot use the claims database in /data: the file is not a database.',
    );
    const readonly = Object.assign(new Error('attempt to write a readonly database'), {
      code: 'SQLITE_READONLY_DIRECTORY',
    });
    expect(environmentError(readonly, '/data')?.message).toBe(
      'Cannot use the claims database in /data: the database is read-only.',
    );
    expect(environmentError(new TypeError('x is undefined'), '/data')).toBeNull();
  });
});
