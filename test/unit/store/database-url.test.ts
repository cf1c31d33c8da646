import { describe, expect, it } from 'vitest';
import { databaseUrlOf } from '../../../src/cli/context.js';
import { UsageError } from '../../../src/domain/errors.js';
import { describeDatabaseUrl, passwordsIn, tlsSetting } from '../../../src/store/postgres/database-url.js';

describe('a team database URL', () => {
  it('is shown without its password, in any of its forms', () => {
    const target = describeDatabaseUrl('postgresql://ana:p%40ss%3Aw0rd@db.example.com:6543/claims?sslmode=require');
    expect(target).toMatchObject({
      display: 'postgresql://ana@db.example.com:6543/claims?sslmode=require',
      host: 'db.example.com',
      port: '6543',
      database: 'claims',
      user: 'ana',
      sslmode: 'require',
    });
    expect(target.secrets).toEqual(['p%40ss%3Aw0rd', 'p@ss:w0rd']);
    expect(passwordsIn('postgres://ana@db/claims?password=hunter2')).toEqual(['hunter2']);
    expect(passwordsIn('not a url')).toEqual([]);
    expect(describeDatabaseUrl('postgres://ana@db/claims?password=hunter2').display).not.toContain('hunter2');
  });

  it('takes libpq’s sslmode values, with their meanings, and refuses others', () => {
    expect(describeDatabaseUrl('postgres://db/claims').sslmode).toBe('prefer');
    expect(
      ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'].map((mode) => tlsSetting(mode as never)),
    ).toEqual([false, 'prefer', 'prefer', 'require', 'verify-full', 'verify-full']);
    expect(() => describeDatabaseUrl('postgres://db/claims?sslmode=always')).toThrow(UsageError);
  });

  it('is chosen by --database before REFUND_CLAIM_DATABASE_URL, and only when it is PostgreSQL’s', () => {
    expect(databaseUrlOf(undefined, undefined)).toBeNull();
    expect(databaseUrlOf(undefined, '  ')).toBeNull();
    expect(databaseUrlOf(undefined, 'postgres://db/a')).toBe('postgres://db/a');
    expect(databaseUrlOf('postgresql://db/b', 'postgres://db/a')).toBe('postgresql://db/b');
    expect(() => databaseUrlOf('sqlite:claims.db', undefined)).toThrow('--database must be a PostgreSQL URL');
    expect(() => databaseUrlOf(undefined, 'mysql://x')).toThrow('REFUND_CLAIM_DATABASE_URL must be a PostgreSQL URL');
  });
});
