import { existsSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, TargetExistsError, writeFileAtomic } from '../../../src/fs/atomic-file.js';
import { errnoCode, IncompleteWriteError } from '../../../src/fs/errno.js';
import { tempDir } from '../../helpers/temp.js';

const twoHoursAgo = (): Date => new Date(Date.now() - 2 * 60 * 60 * 1000);

describe('writeFileAtomic', () => {
  it('writes the whole file, private to the user, and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'ticket.txt');
    await writeFileAtomic(target, 'Dear support,\n', { overwrite: false });
    expect(readFileSync(target, 'utf8')).toBe('Dear support,\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['ticket.txt']);
  });

  it('replaces an existing file only with overwrite', async () => {
    const dir = tempDir();
    const target = join(dir, 'ticket.txt');
    writeFileSync(target, 'previous');
    const refused = writeFileAtomic(target, Buffer.from('new'), { overwrite: false });
    await expect(refused).rejects.toThrow(TargetExistsError);
    await expect(refused).rejects.toMatchObject({ code: 'EEXIST', target });
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['ticket.txt']);

    await writeFileAtomic(target, Buffer.from('new'), { overwrite: true });
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['ticket.txt']);
  });

  it('fails with the system error when the directory is missing', async () => {
    const dir = tempDir();
    const failed = await writeFileAtomic(join(dir, 'nope', 'ticket.txt'), 'x', { overwrite: true }).catch(
      (error: unknown) => error,
    );
    expect(errnoCode(failed)).toBe('ENOENT');
  });
});

describe('AtomicFile', () => {
  it('shows nothing under the target until committed', async () => {
    const dir = tempDir();
    const target = join(dir, 'b.zip');
    const file = await AtomicFile.beside(target);
    expect(file.path).toMatch(/\/\.b\.zip\.[0-9a-f]{12}\.partial$/);
    await file.write(Buffer.from('part one, '));
    await file.write(Buffer.from('part two'));
    expect(existsSync(target)).toBe(false);
    await file.commit(target, { overwrite: false });
    expect(readFileSync(target, 'utf8')).toBe('part one, part two');
    expect(readdirSync(dir)).toEqual(['b.zip']);
    // Committed: a late discard leaves the target alone.
    await file.discard();
    expect(readdirSync(dir)).toEqual(['b.zip']);
  });

  it('refuses a target that appeared while it was written, and discards cleanly', async () => {
    const dir = tempDir();
    const target = join(dir, 'b.zip');
    const file = await AtomicFile.beside(target);
    await file.write(Buffer.from('mine'));
    writeFileSync(target, 'theirs');
    await expect(file.commit(target, { overwrite: false })).rejects.toThrow(TargetExistsError);
    await file.discard();
    await file.discard();
    expect(readdirSync(dir)).toEqual(['b.zip']);
    expect(readFileSync(target, 'utf8')).toBe('theirs');
  });

  it('discards an unfinished file without touching the target', async () => {
    const dir = tempDir();
    const target = join(dir, 'b.zip');
    writeFileSync(target, 'previous');
    const file = await AtomicFile.beside(target);
    await file.write(Buffer.from('half'));
    await file.discard();
    expect(readdirSync(dir)).toEqual(['b.zip']);
    expect(readFileSync(target, 'utf8')).toBe('previous');
  });

  it('writes the rest after a short write, and refuses a write that takes nothing instead of spinning', async () => {
    const dir = tempDir();
    const file = await AtomicFile.create(dir, { prefix: '.incoming-' });
    type Write = (data: Buffer, offset: number, length: number) => Promise<{ bytesWritten: number }>;
    const write = file.handle.write.bind(file.handle) as Write;
    const takes: number[] = [];
    // As at the file-size limit: the first write takes only part of the chunk.
    let next: (length: number) => number = () => 3;
    const fake: Write = (data, offset, length) => {
      const take = next(length);
      next = (rest) => rest;
      takes.push(take);
      return take === 0 ? Promise.resolve({ bytesWritten: 0 }) : write(data, offset, take);
    };
    Object.assign(file.handle, { write: fake });
    await file.write(Buffer.from('0123456789'));
    expect(takes).toEqual([3, 7]);
    next = () => 0;
    const failed = await file.write(Buffer.from('more')).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(IncompleteWriteError);
    expect(failed).toMatchObject({ code: 'EIO', path: file.path });
    await file.commit(join(dir, 'whole'), { overwrite: false, bytes: 10 });
    expect(readFileSync(join(dir, 'whole'), 'utf8')).toBe('0123456789');
  });

  it('publishes nothing when the file holds fewer bytes than were written', async () => {
    const dir = tempDir();
    const target = join(dir, 'named-by-content');
    const file = await AtomicFile.create(dir, { prefix: '.incoming-' });
    await file.write(Buffer.from('all ten by'));
    // Whatever cut it short, the length on disk is what counts.
    truncateSync(file.path, 4);
    const failed = await file.commit(target, { overwrite: true, bytes: 10 }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(IncompleteWriteError);
    expect((failed as Error).message).toBe(`${file.path}: holds 4 of the 10 bytes written`);
    await file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a file found only once written: create in a directory, commit under any name', async () => {
    const dir = tempDir();
    const file = await AtomicFile.create(dir, { prefix: '.incoming-' });
    expect(file.path).toMatch(/\/\.incoming-[0-9a-f]{12}$/);
    await file.write(Buffer.from('content'));
    await file.flush();
    await file.commit(join(dir, 'named-by-content'), { overwrite: true });
    expect(readdirSync(dir)).toEqual(['named-by-content']);
  });

  it('removes temporary files a killed run left an hour ago, not a running one, nor other files', async () => {
    const dir = tempDir();
    const names = {
      stale: '.b.zip.0123456789ab.partial',
      fresh: '.b.zip.ba9876543210.partial',
      otherTarget: '.c.zip.0123456789ab.partial',
      userFile: '.b.zip.notes',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'left behind');
    for (const name of [names.stale, names.otherTarget, names.userFile])
      utimesSync(join(dir, name), twoHoursAgo(), twoHoursAgo());
    const file = await AtomicFile.beside(join(dir, 'b.zip'));
    await file.discard();
    expect(readdirSync(dir).sort()).toEqual([names.fresh, names.otherTarget, names.userFile].sort());
  });

  it("removes at once the temporary files of ended processes, and never a running one's, however old", async () => {
    const dir = tempDir();
    const host = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
    const otherHost = host === '00000000' ? '11111111' : '00000000';
    const names = {
      ended: `.incoming-300-${host}-0123456789ab`,
      running: `.incoming-200-${host}-0123456789ab`,
      ownId: `.incoming-100-${host}-0123456789ab`,
      otherMachine: `.incoming-300-${otherHost}-0123456789ab`,
      unownedOld: '.incoming-0123456789ab',
      unownedNew: '.incoming-ba9876543210',
      userFile: '.incoming-notes',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'left behind');
    // Age says nothing about an owned file: a running process's stays, an ended one's goes.
    utimesSync(join(dir, names.running), twoHoursAgo(), twoHoursAgo());
    utimesSync(join(dir, names.unownedOld), twoHoursAgo(), twoHoursAgo());
    const asked: number[] = [];
    const processes = {
      pid: 100,
      isRunning: (pid: number) => {
        asked.push(pid);
        return pid === 200;
      },
    };
    const file = await AtomicFile.create(dir, { prefix: '.incoming-', processes });
    expect(file.path).toMatch(new RegExp(`/\\.incoming-100-${host}-[0-9a-f]{12}$`));
    await file.discard();
    expect(readdirSync(dir).sort()).toEqual(
      [names.running, names.ownId, names.otherMachine, names.unownedNew, names.userFile].sort(),
    );
    expect(asked.sort()).toEqual([200, 300]);
  });
});
