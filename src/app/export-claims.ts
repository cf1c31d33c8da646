/**
 * `export`: every claim as `show --json` prints it, with the address book, in a versioned file
 * that `import` restores exactly; or one CSV row per claim for spreadsheets.
 */
import { formatClaimId } from '../domain/claim.js';
import { toLocalDate } from '../domain/dates.js';
import { nextAction } from '../domain/deadlines.js';
import { currencyDigits, toDecimalString } from '../domain/money.js';
import { claimDocument } from './formats/claim-json.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './formats/export-file.js';
import type { ExportFile } from './formats/export-file.js';
import type { Claim } from '../domain/claim.js';
import { ownsClaim } from '../domain/accounts.js';
import type {
  Account,
  ClaimStore,
  Clock,
  CsvWriter,
  EvidenceStore,
  IntegrityState,
  XlsxCell,
  XlsxWriter,
} from './deps.js';

/** Every claim, or with `account` that account's claims alone; none without a store. */
async function claimsOf(store: ClaimStore | null, account: Account | null): Promise<Claim[]> {
  if (store === null) return [];
  const claims = await store.fullClaims();
  return account === null ? claims : claims.filter((claim) => ownsClaim(account, claim));
}

export async function exportFile(deps: {
  store: ClaimStore | null;
  clock: Clock;
  account?: Account | null;
}): Promise<ExportFile> {
  const now = deps.clock.now();
  const today = toLocalDate(now);
  const account = deps.account ?? null;
  const accounts = deps.store === null ? [] : await deps.store.listAccounts();
  // Carried along, so that the claims stay findable by them after the next import.
  const aliases = deps.store === null ? new Map<number, number[]>() : await deps.store.claimAliases();
  // So that `log` and `inbox` still skip the emails already logged, after the next import.
  const loggedEmails = deps.store === null ? new Map<number, string[]>() : await deps.store.loggedEmailsByClaim();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    // With --account, that account's entry alone: the file holds nothing about the others.
    accounts:
      account === null
        ? accounts
        : accounts.filter((entry) => ownsClaim(account, { ...entry, accountName: entry.name })),
    claims: (await claimsOf(deps.store, account)).map((claim) => {
      const document = claimDocument(claim, today, aliases.get(claim.id));
      const keys = loggedEmails.get(claim.id);
      return keys === undefined ? document : { ...document, loggedEmails: keys };
    }),
  };
}

/** SPEC's CSV columns, in order. */
export const CSV_HEADER = [
  'id',
  'status',
  'channel',
  'reason',
  'account_name',
  'advertiser_id',
  'promotion_id',
  'promotion_name',
  'currency',
  'charged',
  'requested',
  'recovered',
  'ticket_number',
  'next_action',
  'due',
  'created',
  'description',
] as const;

export async function exportCsv(deps: {
  store: ClaimStore | null;
  csv: CsvWriter;
  account?: Account | null;
}): Promise<{ text: string; count: number }> {
  const claims = await claimsOf(deps.store, deps.account ?? null);
  const rows = claims.map((claim) => {
    const money = (minor: number | null): string | null =>
      minor === null ? null : toDecimalString(minor, claim.currency);
    const next = nextAction(claim);
    return [
      formatClaimId(claim.id),
      claim.status,
      claim.channel,
      claim.reason,
      claim.accountName,
      claim.advertiserId,
      claim.promotionId,
      claim.promotionName,
      claim.currency,
      money(claim.charged),
      money(claim.requested),
      money(claim.recovered),
      claim.ticketNumber,
      next?.action ?? null,
      next?.due ?? null,
      claim.createdOn,
      claim.description,
    ];
  });
  return { text: deps.csv.write(CSV_HEADER, rows), count: claims.length };
}

/**
 * `export --format xlsx`: the CSV's table as a spreadsheet with typed cells: IDs and names as
 * text, amounts as numbers in their currency's format (`"USD "#,##0.00`), days as dates.
 */
export async function exportXlsx(deps: {
  store: ClaimStore | null;
  xlsx: XlsxWriter;
  account?: Account | null;
}): Promise<{ bytes: Uint8Array; count: number }> {
  const claims = await claimsOf(deps.store, deps.account ?? null);
  const text = (value: string | null): XlsxCell => (value === null ? null : { kind: 'text', value });
  const day = (value: string | null): XlsxCell => (value === null ? null : { kind: 'date', value });
  const rows = claims.map((claim) => {
    const format = amountFormat(claim.currency);
    const money = (minor: number | null): XlsxCell =>
      minor === null ? null : { kind: 'number', value: Number(toDecimalString(minor, claim.currency)), format };
    const next = nextAction(claim);
    return [
      text(formatClaimId(claim.id)),
      text(claim.status),
      text(claim.channel),
      text(claim.reason),
      text(claim.accountName),
      text(claim.advertiserId),
      text(claim.promotionId),
      text(claim.promotionName),
      text(claim.currency),
      money(claim.charged),
      money(claim.requested),
      money(claim.recovered),
      text(claim.ticketNumber),
      text(next?.action ?? null),
      day(next?.due ?? null),
      day(claim.createdOn),
      text(claim.description),
    ];
  });
  return { bytes: await deps.xlsx.write('Claims', CSV_HEADER, rows), count: claims.length };
}

/** A spreadsheet number format showing the currency and its own number of decimals. */
export function amountFormat(currency: string): string {
  const digits = currencyDigits(currency);
  return `"${currency} "#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
}

/** What it takes to copy a stored evidence file: the claim documents' evidence entries fit. */
export interface EvidenceFileInfo {
  sha256: string;
  name: string;
  bytes: number;
  mime: string;
}

export interface EvidenceCopyResult {
  copied: number;
  /** Stored copies that could not be carried along. */
  unusable: (EvidenceFileInfo & { state: Exclude<IntegrityState, 'ok'> })[];
}

/**
 * `export --with-evidence <dir>`: copies each distinct stored file into `folder` under its SHA-256,
 * as the data directory keeps it. Only copies that still match their checksum travel.
 */
export async function exportEvidence(
  items: readonly EvidenceFileInfo[],
  source: EvidenceStore,
  folder: EvidenceStore,
): Promise<EvidenceCopyResult> {
  const result: EvidenceCopyResult = { copied: 0, unusable: [] };
  for (const item of distinctFiles(items)) {
    const state = await source.verify(item.sha256);
    if (state !== 'ok') {
      result.unusable.push({ ...item, state });
      continue;
    }
    const stream = await source.open(item.sha256);
    // Hashed again while copying: a file changed between the check and the copy is caught here.
    const copy = stream && (await folder.put(stream));
    if (copy?.sha256 === item.sha256) result.copied++;
    else result.unusable.push({ ...item, state: copy ? 'altered' : 'missing' });
  }
  return result;
}

/** Each stored file once, however many claims use it. */
export function distinctFiles<T extends EvidenceFileInfo>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.sha256)) seen.set(item.sha256, item);
  return [...seen.values()];
}
