/**
 * Claim aliases and logged emails' keys, shared by both stores: which ones an import records, and
 * rows grouped by claim.
 * SQL apart, the two stores must agree exactly, so this is written once.
 */
import type { ImportedClaim, ImportOutcome } from '../../app/deps.js';

/**
 * The (alias, claim) pairs an import adds: each imported claim's ID in the file when it was
 * renumbered, and the aliases it brought from earlier imports. A claim is never its own alias
 * (one brought back to the ID it once had).
 */
export function aliasesToRecord(
  claims: readonly ImportedClaim[],
  imported: ImportOutcome['imported'],
): [alias: number, claim: number][] {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return imported.flatMap(({ from, to }) => {
    const aliases = new Set([...(byId.get(from)?.aliases ?? []), from]);
    aliases.delete(to);
    return [...aliases].sort((a, b) => a - b).map((alias): [number, number] => [alias, to]);
  });
}

/** The (email key, claim) pairs an import records: each imported claim's logged emails, under its new ID. */
export function loggedEmailsToRecord(
  claims: readonly ImportedClaim[],
  imported: ImportOutcome['imported'],
): [emailKey: string, claim: number][] {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return imported.flatMap(({ from, to }) =>
    (byId.get(from)?.loggedEmails ?? []).map((key): [string, number] => [key, to]),
  );
}

/** Rows of `logged_emails` as each claim's email keys, ascending. */
export function groupLoggedEmails(rows: readonly { email_key: string; claim_id: number }[]): Map<number, string[]> {
  const grouped = new Map<number, string[]>();
  for (const row of rows) {
    const claim = Number(row.claim_id);
    grouped.set(claim, [...(grouped.get(claim) ?? []), row.email_key]);
  }
  for (const keys of grouped.values()) keys.sort();
  return grouped;
}

/** Rows of `claim_aliases` as each claim's aliases, ascending. */
export function groupAliases(rows: readonly { alias_id: number; claim_id: number }[]): Map<number, number[]> {
  const grouped = new Map<number, number[]>();
  for (const row of rows) {
    const claim = Number(row.claim_id);
    grouped.set(claim, [...(grouped.get(claim) ?? []), Number(row.alias_id)]);
  }
  for (const aliases of grouped.values()) aliases.sort((a, b) => a - b);
  return grouped;
}
