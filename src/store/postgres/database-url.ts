import { UsageError } from '../../domain/errors.js';

/**
 * A team database URL as people see it: never with its password. Pure, so the composition root can
 * name the database before the driver is loaded.
 */

/** `postgres://` and `postgresql://` select the team store; anything else is the user's mistake. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export interface DatabaseTarget {
  /** The URL without password, for messages. */
  display: string;
  host: string;
  port: string;
  database: string;
  user: string;
  /** The URL's `sslmode` as libpq reads it; absent means `prefer`. */
  sslmode: SslMode;
  /** Every form of the password that could appear in text (as given, and decoded), to scrub. */
  secrets: string[];
}

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly string[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export function describeDatabaseUrl(url: string): DatabaseTarget {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get('sslmode') ?? 'prefer';
  if (!SSL_MODES.includes(sslmode)) {
    throw new UsageError(
      `The database URL's sslmode=${sslmode} is not one PostgreSQL knows.`,
      `Use one of ${SSL_MODES.join(', ')}.`,
    );
  }
  parsed.password = '';
  parsed.searchParams.delete('password');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username);
  return {
    display: parsed.toString(),
    host: parsed.hostname || 'localhost',
    port: parsed.port || '5432',
    database,
    user: decodeURIComponent(parsed.username),
    sslmode: sslmode as SslMode,
    secrets: passwordsIn(url),
  };
}

/**
 * Every form of the password a URL holds (as given and decoded, in the user part or as
 * `?password=`), longest first so that one containing another's text is replaced whole. Never
 * throws: a URL refused for another reason is still scrubbed from what is printed about it.
 */
export function passwordsIn(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const secrets = new Set<string>();
  for (const value of [parsed.password, parsed.searchParams.get('password')]) {
    if (!value) continue;
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // A malformed escape: the raw form is scrubbed still.
    }
  }
  return [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * The driver's TLS setting for an sslmode, with libpq's meanings: `allow` and `prefer` use TLS
 * when the server offers it; `verify-ca` checks the certificate chain, and the host name too
 * (Node checks both together, which is stricter, never weaker).
 */
export function tlsSetting(mode: SslMode): false | 'prefer' | 'require' | 'verify-full' {
  if (mode === 'disable') return false;
  if (mode === 'allow' || mode === 'prefer') return 'prefer';
  if (mode === 'require') return 'require';
  return 'verify-full';
}
