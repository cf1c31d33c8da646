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
  /** Every form of the password that could appear in text (as given, and decoded), to scrub. */
  secrets: string[];
}

export function describeDatabaseUrl(url: string): DatabaseTarget {
  const parsed = new URL(url);
  const secrets = new Set<string>();
  const addSecret = (value: string | null): void => {
    if (!value) return;
    secrets.add(value);
    try {
      secrets.add(decodeURIComponent(value));
    } catch {
      // A malformed escape: the raw form is scrubbed still.
    }
  };
  addSecret(parsed.password);
  addSecret(parsed.searchParams.get('password'));
  parsed.password = '';
  parsed.searchParams.delete('password');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username);
  return {
    display: parsed.toString(),
    host: parsed.hostname || 'localhost',
    port: parsed.port || '5432',
    database,
    user: decodeURIComponent(parsed.username),
    // Long ones first, so a password that contains another's text is replaced whole.
    secrets: [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length),
  };
}

/** Text with every form of the password replaced, for anything printed. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of secrets) scrubbed = scrubbed.split(secret).join('***');
  return scrubbed;
}
