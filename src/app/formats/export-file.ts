/**
 * The export file, a published format: `export` writes it, `import` reads it back. Each version
 * keeps its reader here, so a backup made by an older refund-claim still restores.
 *
 * Reading checks every value by the same rules as the command line, checking every value by the same rules as the command
 * line, so a damaged or hand-edited file is refused (exit 2, naming where) before anything is
 * written. Derived values (status, amounts decided, next action) are worked out again from the
 * events; a file whose stated status disagrees with its own events is refused too.
 */
import {
  CHANNELS,
  EVENT_TYPES,
  EVIDENCE_KINDS,
  formatClaimId,
  parseClaimId,
  REASONS,
  STATUSES,
} from '../../domain/claim.js';
import { FIELD_KEYS } from '../../domain/claim.js';
import type { ClaimEvent, ClaimFields, EventData, Evidence, FieldKey } from '../../domain/claim.js';
import { crossFieldProblems } from '../../domain/completeness.js';
import { isCalendarDate } from '../../domain/dates.js';
import { UsageError } from '../../domain/errors.js';
import { decisionProblem, firstMisfit, foldEvents } from '../../domain/lifecycle.js';
import { parseAmount, parseCurrency, toDecimalString } from '../../domain/money.js';
import type { Parsed } from '../../domain/parsed.js';
import { parseAdvertiserId, parseCreatorHandle, parseEmail, parseText } from '../../domain/text.js';
import type { AccountRecord, ImportedClaim } from '../deps.js';
import type { ClaimJson } from './claim-json.js';

export const EXPORT_FORMAT = 'refund-claim-export';
/** Bumped when a change to the file would mislead an older reader; older versions stay readable. */
export const EXPORT_VERSION = 1;

/**
 * The export file. `claims` are exactly `show --json` documents; their `nextAction` is derived
 * and ignored by `import`, which works it out again from the events.
 */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO-8601 UTC instant. */
  exportedAt: string;
  accounts: AccountRecord[];
  claims: ClaimJson[];
}

export interface ExportContents {
  accounts: AccountRecord[];
  claims: ImportedClaim[];
}

type Json = Record<string, unknown>;

/** Where in the file a value is, for messages: `claims[2] (RC-0003).amounts.charged`. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly path: string,
  ) {}

  at(key: string | number): Reader {
    return new Reader(this.file, typeof key === 'number' ? `${this.path}[${key}]` : `${this.path}.${key}`);
  }

  fail(problem: string): never {
    throw new UsageError(
      `${this.file}: ${this.path} ${problem}; nothing was imported.`,
      'Export the data again with `refund-claim export`, or correct the file.',
    );
  }

  object(value: unknown): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail('is not an object');
    return value as Json;
  }

  array(value: unknown): unknown[] {
    if (!Array.isArray(value)) this.fail('is not a list');
    return value;
  }

  string(value: unknown): string {
    if (typeof value !== 'string') this.fail(`is ${describe(value)}, not text`);
    return value;
  }

  nullable<T>(value: unknown, read: (value: unknown) => T): T | null {
    return value === null ? null : read(value);
  }

  /** A value read by one of the command line's parsers (`parseText`, `parseEmail`, …). */
  parsed<T>(value: unknown, parse: (text: string) => Parsed<T>): T {
    const result = parse(this.string(value));
    if (!result.ok) this.fail(result.error.startsWith('"') ? result.error : `${JSON.stringify(value)} ${result.error}`);
    return result.value;
  }

  oneOf<T extends string>(value: unknown, choices: readonly T[]): T {
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.fail(`is ${describe(value)}; expected one of ${choices.join(', ')}`);
    }
    return value as T;
  }

  date(value: unknown): string {
    const text = this.string(value);
    if (!isCalendarDate(text)) this.fail(`${JSON.stringify(text)} is not a date (YYYY-MM-DD)`);
    return text;
  }

  instant(value: unknown): string {
    const text = this.string(value);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) || Number.isNaN(Date.parse(text))) {
      this.fail(`${JSON.stringify(text)} is not an ISO-8601 UTC instant`);
    }
    return text;
  }

  /** A decimal string such as "50.00" in `currency`, as minor units. */
  amount(value: unknown, currency: string): number {
    const text = this.string(value);
    if (!/^\d+(\.\d+)?$/.test(text)) this.fail(`${JSON.stringify(text)} is not a decimal amount like "50.00"`);
    return this.parsed(text, (input) => parseAmount(input, currency));
  }

  integer(value: unknown, min: number): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      this.fail(`is ${describe(value)}; expected a whole number of at least ${min}`);
    }
    return value;
  }

  boolean(value: unknown): boolean {
    if (typeof value !== 'boolean') this.fail(`is ${describe(value)}; expected true or false`);
    return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const singleLine = (text: string): Parsed<string> => parseText(text);

/** Parses and checks a whole export; `file` names it in messages. */
export function readExport(text: string, file: string): ExportContents {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${file} is not JSON (${(error as Error).message}); nothing was imported.`,
      'Give a file written by `refund-claim export` (the JSON format).',
    );
  }
  const top = new Reader(file, 'the file');
  const root = top.object(data);
  if (root.format !== EXPORT_FORMAT) {
    throw new UsageError(
      `${file} is not a refund-claim export (its "format" is ${describe(root.format)}, not "${EXPORT_FORMAT}"); nothing was imported.`,
      'Give a file written by `refund-claim export` (the JSON format).',
    );
  }
  const readVersion = typeof root.version === 'number' ? READERS[root.version] : undefined;
  if (!readVersion) {
    const newer = typeof root.version === 'number' && root.version > EXPORT_VERSION;
    throw new UsageError(
      `${file} is export version ${describe(root.version)}; this refund-claim reads version ${EXPORT_VERSION}${EXPORT_VERSION > 1 ? ' and older' : ''}. Nothing was imported.`,
      newer
        ? 'Upgrade refund-claim: npm install -g refund-claim@latest'
        : 'Export the data again with `refund-claim export`.',
    );
  }
  return readVersion(root, file);
}

/** The reader of each export version this refund-claim can restore. */
const READERS: Partial<Record<number, (root: Json, file: string) => ExportContents>> = { 1: readVersion1 };

function readVersion1(root: Json, file: string): ExportContents {
  const accountsReader = new Reader(file, 'accounts');
  const accounts = accountsReader
    .array(root.accounts)
    .map((value, index) => readAccount(accountsReader.at(index), value));
  const claimsReader = new Reader(file, 'claims');
  const seen = new Set<number>();
  const claims = claimsReader.array(root.claims).map((value, index) => {
    const claim = readClaim(new Reader(file, `claims[${index}]${labelOf(value)}`), value);
    if (seen.has(claim.id)) claimsReader.at(index).fail(`repeats the ID ${formatClaimId(claim.id)}`);
    seen.add(claim.id);
    return claim;
  });
  return { accounts, claims };
}

function labelOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 20 ? ` (${id})` : '';
}

function readAccount(at: Reader, value: unknown): AccountRecord {
  const account = at.object(value);
  return {
    name: at.at('name').parsed(account.name, singleLine),
    advertiserId: at
      .at('advertiserId')
      .nullable(account.advertiserId, (v) => at.at('advertiserId').parsed(v, parseAdvertiserId)),
    email: at.at('email').parsed(account.email, parseEmail),
    updatedAt: at.at('updatedAt').instant(account.updatedAt),
  };
}

function readClaim(at: Reader, value: unknown): ImportedClaim {
  const doc = at.object(value);
  const idText = at.at('id').string(doc.id);
  const id = parseClaimId(idText) ?? 0;
  if (id === 0 || formatClaimId(id) !== idText)
    at.at('id').fail(`${JSON.stringify(idText)} is not a claim ID like RC-0007`);

  const account = at.at('account').object(doc.account);
  const promotion = at.at('promotion').object(doc.promotion);
  const amounts = at.at('amounts').object(doc.amounts);
  const details = at.at('details').object(doc.details);
  const currency = at.at('amounts').at('currency').parsed(amounts.currency, parseCurrency);
  const money = (key: string): Reader => at.at('amounts').at(key);
  const optional = <T>(reader: Reader, v: unknown, read: (r: Reader, v: unknown) => T): T | null =>
    v === null ? null : read(reader, v);
  const text = (r: Reader, v: unknown): string => r.parsed(v, singleLine);
  const date = (r: Reader, v: unknown): string => r.date(v);

  const fields: ClaimFields = {
    channel: at.at('channel').oneOf(doc.channel, CHANNELS),
    reason: at.at('reason').oneOf(doc.reason, REASONS),
    accountName: text(at.at('account').at('name'), account.name),
    advertiserId: optional(at.at('account').at('advertiserId'), account.advertiserId, (r, v) =>
      r.parsed(v, parseAdvertiserId),
    ),
    email: at.at('account').at('email').parsed(account.email, parseEmail),
    promotionId: text(at.at('promotion').at('id'), promotion.id),
    promotionName: optional(at.at('promotion').at('name'), promotion.name, text),
    start: optional(at.at('promotion').at('start'), promotion.start, date),
    end: optional(at.at('promotion').at('end'), promotion.end, date),
    currency,
    charged: money('charged').amount(amounts.charged, currency),
    expected: optional(money('expected'), amounts.expected, (r, v) => r.amount(v, currency)),
    requested: money('requested').amount(amounts.requested, currency),
    chargeDate: optional(at.at('details').at('chargeDate'), details.chargeDate, date),
    promised: optional(at.at('details').at('promised'), details.promised, text),
    delivered: optional(at.at('details').at('delivered'), details.delivered, text),
    creator: optional(at.at('details').at('creator'), details.creator, (r, v) => r.parsed(v, parseCreatorHandle)),
    deliverables: optional(at.at('details').at('deliverables'), details.deliverables, text),
    description: at.at('description').parsed(doc.description, (input) => parseText(input, { multiline: true })),
    fileBy: optional(at.at('fileBy'), doc.fileBy, date),
  };
  const [problem] = crossFieldProblems(fields);
  if (problem) at.at(problemPath(problem.field)).fail(`is inconsistent: ${problem.message}`);

  const evidenceReader = at.at('evidence');
  const numbers = new Set<number>();
  const evidence = evidenceReader.array(doc.evidence).map((item, index) => {
    const read = readEvidence(evidenceReader.at(index), item);
    if (numbers.has(read.seq)) evidenceReader.at(index).at('id').fail(`repeats evidence number ${read.seq}`);
    numbers.add(read.seq);
    return read;
  });

  const eventsReader = at.at('events');
  const events = eventsReader
    .array(doc.events)
    .map((item, index) => readEvent(eventsReader.at(index), item, index, currency));
  assertLegalHistory(eventsReader, events, fields.requested);

  const state = foldEvents(events, fields.requested);
  const stated = {
    status: at.at('status').oneOf(doc.status, STATUSES),
    ticketNumber: optional(at.at('ticketNumber'), doc.ticketNumber, (r, v) => r.string(v)),
    approved: optional(money('approved'), amounts.approved, (r, v) => r.amount(v, currency)),
    recovered: optional(money('recovered'), amounts.recovered, (r, v) => r.amount(v, currency)),
  };
  for (const key of ['status', 'ticketNumber', 'approved', 'recovered'] as const) {
    if (stated[key] === state[key]) continue;
    const isAmount = key === 'approved' || key === 'recovered';
    const show = (v: string | number | null): string =>
      describe(isAmount && typeof v === 'number' ? toDecimalString(v, currency) : v);
    (isAmount ? money(key) : at.at(key)).fail(
      `is ${show(stated[key])}, but the claim's events make it ${show(state[key])}`,
    );
  }

  return {
    id,
    fields,
    createdAt: at.at('createdAt').instant(doc.createdAt),
    createdOn: at.at('createdOn').date(doc.createdOn),
    events,
    evidence,
  };
}

/** Where a field the consistency rules name lives in a claim document, for messages. */
function problemPath(field: FieldKey): string {
  if (field === 'start' || field === 'end') return `promotion.${field}`;
  if (field === 'charged' || field === 'expected' || field === 'requested') return `amounts.${field}`;
  return field;
}

function readEvidence(at: Reader, value: unknown): Evidence {
  const item = at.object(value);
  const sha256 = at.at('sha256').string(item.sha256);
  if (!/^[0-9a-f]{64}$/.test(sha256)) at.at('sha256').fail(`${describe(sha256)} is not a SHA-256 checksum`);
  const name = at.at('name').string(item.name);
  if (name === '' || name.length > 1000) at.at('name').fail('is empty or too long');
  return {
    seq: at.at('id').integer(item.id, 1),
    kind: at.at('kind').oneOf(item.kind, EVIDENCE_KINDS),
    name,
    caption: at.at('caption').nullable(item.caption, (v) => at.at('caption').string(v)),
    bytes: at.at('bytes').integer(item.bytes, 0),
    sha256,
    mime: at.at('mime').parsed(item.mime, singleLine),
    addedAt: at.at('addedAt').instant(item.addedAt),
  };
}

/** Each key an event's `data` may hold, and how to read it. */
const DATA_READERS: { [K in keyof EventData]-?: (at: Reader, value: unknown, currency: string) => EventData[K] } = {
  ticket: (at, v) => at.string(v),
  from: (at, v) => at.oneOf(v, ['support', 'me'] as const),
  message: (at, v) => at.string(v),
  infoRequested: (at, v) => at.boolean(v),
  decision: (at, v) => at.oneOf(v, ['approved', 'partially-approved', 'denied'] as const),
  outcome: (at, v) => at.oneOf(v, ['refunded', 'credited', 'rejected', 'withdrawn'] as const),
  amount: (at, v, currency) => at.nullable(v, (x) => at.amount(x, currency)),
  reason: (at, v) => at.nullable(v, (x) => at.string(x)),
  expectBy: (at, v) => at.nullable(v, (x) => at.date(x)),
  appealBy: (at, v) => at.nullable(v, (x) => at.date(x)),
  fields: (at, v) => at.array(v).map((x, i) => at.at(i).oneOf(x, FIELD_KEYS)),
  evidence: (at, v) => at.array(v).map((x, i) => at.at(i).integer(x, 1)),
};

function readEvent(at: Reader, value: unknown, index: number, currency: string): ClaimEvent {
  const event = at.object(value);
  const raw = at.at('data').object(event.data);
  const data: Record<string, unknown> = {};
  // Keys keep their order, so `show --json` prints the restored event exactly as it was.
  for (const [key, item] of Object.entries(raw)) {
    if (!Object.hasOwn(DATA_READERS, key)) at.at('data').fail(`has an unknown key "${key}"`);
    const read = DATA_READERS[key as keyof EventData] as (r: Reader, v: unknown, c: string) => unknown;
    data[key] = read(at.at('data').at(key), item, currency);
  }
  return {
    seq: index + 1,
    type: at.at('type').oneOf(event.type, EVENT_TYPES),
    on: at.at('at').date(event.at),
    recordedAt: at.at('recordedAt').instant(event.recordedAt),
    note: at.at('note').nullable(event.note, (v) => at.at('note').string(v)),
    data,
  };
}

/** Every step must have been allowed where it happened, as the lifecycle commands enforce. */
function assertLegalHistory(at: Reader, events: readonly ClaimEvent[], requested: number): void {
  events.forEach((event, index) => {
    if (event.type !== 'decision') return;
    const { data } = event;
    const problem = decisionProblem({
      decision: data.decision ?? 'denied',
      amount: data.amount ?? null,
      requested,
      expectBy: data.expectBy ?? null,
      appealBy: data.appealBy ?? null,
    });
    if (problem) at.at(index).at('data').fail(`does not hold a consistent decision: ${problem}`);
  });
  const misfit = firstMisfit(events, requested);
  if (misfit)
    at.at(events.indexOf(misfit.event)).fail(`(${misfit.event.type}) cannot happen to a ${misfit.status} claim`);
}
