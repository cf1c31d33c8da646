import { ConcurrentChangeError, UserError } from '../../domain/errors.js';
import type { DatabaseTarget } from './database-url.js';

const HINT_URL = 'Check the URL given with --database or REFUND_CLAIM_DATABASE_URL.';

/**
 * What went wrong with the team database, in one line that says which: unreachable, refused,
 * wrong password, no such database, missing privileges, the connection lost. Never the password:
 * the messages are built from the target, which has none. Null for anything else (a bug).
 */
export function databaseError(
  error: unknown,
  target: DatabaseTarget,
  { connecting = false }: { connecting?: boolean } = {},
): UserError | null {
  if (error instanceof UserError || !(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const at = `${target.host}:${target.port}`;
  const tlsRequired = target.sslmode === 'require' || target.sslmode.startsWith('verify-');
  // A server without TLS answers the TLS handshake by hanging up.
  if (connecting && tlsRequired && (code === 'CONNECTION_CLOSED' || code === 'ECONNRESET')) {
    return new UserError(
      `The team database at ${at} does not accept TLS connections, and the URL says sslmode=${target.sslmode}.`,
      'Enable TLS on the server, or lower sslmode in the URL if the network is trusted.',
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new UserError(
        `Cannot reach the team database at ${at}: the connection was refused (is PostgreSQL running there?).`,
        HINT_URL,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UserError(`Cannot reach the team database: the host ${target.host} is not known.`, HINT_URL);
    case 'CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new UserError(
        `Cannot reach the team database at ${at}: no answer.`,
        'Check the network, the host and the port.',
      );
    case '28P01':
      return new UserError(
        `The team database at ${at} refused the password of the role "${target.user}".`,
        'Check the password in the URL (percent-encode @, : and / in it).',
      );
    case '28000':
      return new UserError(
        `The team database at ${at} does not let the role "${target.user}" connect: ${error.message}.`,
        'Ask its administrator to allow the role (pg_hba.conf), or check the URL.',
      );
    case '3D000':
      return new UserError(
        `The team database "${target.database}" does not exist on ${at}.`,
        'Create it (README, "Team mode"), or fix the database name in the URL.',
      );
    case '42501':
      return new UserError(
        `The role "${target.user}" lacks a privilege in the team database: ${error.message}.`,
        'Ask the database owner to grant it (README, "Team mode").',
      );
    case '3F000':
      // A search_path of schemas the role may not use: to the role, none exists.
      return new UserError(
        `The role "${target.user}" has no schema it may use in the team database (${error.message}).`,
        'Ask the database owner to grant it USAGE and CREATE on the schema (README, "Team mode").',
      );
    case '55P03':
    case '40001':
    case '40P01':
      return new ConcurrentChangeError('The claim');
    case 'CONNECTION_CLOSED':
    case 'CONNECTION_DESTROYED':
    case 'CONNECTION_ENDED':
    case 'ECONNRESET':
    case 'EPIPE':
    case '57P01':
    case '57P02':
    case '57P03':
      return new UserError(
        `The connection to the team database at ${at} was lost mid-command; the change in progress was not saved.`,
        'Run the command again once the database is reachable.',
      );
    case '53300':
      return new UserError(`The team database at ${at} has no free connection left.`, 'Try again in a moment.');
  }
  if (/SSL|TLS|certificate/i.test(error.message) || (typeof code === 'string' && /TLS|CERT/.test(code))) {
    return new UserError(
      `Cannot open a TLS connection to the team database at ${at}: ${error.message}.`,
      'Check sslmode in the URL (disable, prefer, require, verify-full) and the server’s TLS set-up.',
    );
  }
  if (error.name === 'PostgresError') {
    return new UserError(`The team database at ${at} refused the command: ${error.message} (${String(code)}).`);
  }
  return null;
}
