/**
 * The export file, a published format: `export` writes it, `import` reads it back. Each version
 * keeps its reader here, so a backup made by an older refund-claim still restores.
 *
 * Reading checks every value by the same rules as the command line, so a damaged or hand-edited
 * file is refused (exit 2, naming where) before anything is written. Derived values (status,
 * amounts decided, next action) are worked out again from the events; a file whose stated status
 * disagrees with its own events is refused too.
 */
import {
  CHANNELS,
  EVENT_TYPES,
  EVIDENCE_KINDS,
  formatClaimId,
  MAX_CLAIM_ID,
  MAX_EVENTS_PER_CLAIM,
  MAX_EVIDENCE_PER_CLAIM,
  parseClaimId,
  REASONS,
  STATUSES,
} from '../../domain/claim.js';
import { FACTS_VERSION, FIELD_KEYS, PAID_VIA } from '../../domain/claim.js';
import type { ClaimEvent, ClaimFields, EventDataByType, EventType, Evidence, FieldKey } from '../../domain/claim.js';
import { crossFieldProblems, defaultPaidVia } from '../../domain/completeness.js';
import { isCalendarDate } from '../../domain/dates.js';
import { isEmailKey } from '../../domain/email.js';
import { channelReasonProblem } from '../../domain/reasons.js';
import { UsageError } from '../../domain/errors.js';
import { decisionProblem, firstMisfit, foldEvents } from '../../domain/lifecycle.js';
import { parseCurrency, parseDecimalString, toDecimalString } from '../../domain/money.js';
import type { Parsed } from '../../domain/parsed.js';
import {
  printable,
  parseAdvertiserId,
  parseCaption,
  parseCreatorHandle,
  parseEmail,
  parseName,
  parseText,
} from '../../domain/text.js';
import type { AccountRecord, ImportedClaim } from '../deps.js';
import type { ClaimJson } from './claim-json.js';

export const EXPORT_FORMAT = 'refund-claim-export';
/** Bumped when a change to the file would mislead an older reader; older versions stay readable. */
export const EXPORT_VERSION = 2;

/**
 * The export file. `claims` are `show --json` documents; their `nextAction` is derived and
 * ignored by `import`, which works it out again from the events. A claim that had saved emails
 * logged on it also carries their keys (`loggedEmails`), so that they are not logged again after
 * an import.
 */
export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO-8601 UTC instant. */
  exportedAt: string;
  accounts: AccountRecord[];
  claims: (ClaimJson & { loggedEmails?: string[] })[];
}

export interface ReadExportOptions {
  /** Nothing in the file may have happened after this day (`YYYY-MM-DD`). */
  today: string;
}

export interface ExportContents {
  accounts: AccountRecord[];
  claims: ImportedClaim[];
}

type Json = Record<string, unknown>;

/** The file being read: its name for messages, and the day nothing in it may come after. */
interface Source {
  file: string;
  today: string;
}

/** Where in the file a value is, for messages: `claims[2] (RC-0003).amounts.charged`. */
class Reader {
  constructor(
    private readonly source: Source,
    private readonly path: string,
  ) {}

  at(key: string | number): Reader {
    return new Reader(this.source, typeof key === 'number' ? `${this.path}[${key}]` : `${this.path}.${key}`);
  }

  fail(problem: string): never {
    refuseImport(this.source.file, this.path, problem);
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

  /** The day something happened: never in the future, as `--on` on the command line. */
  pastDate(value: unknown): string {
    return this.notFuture(this.date(value));
  }

  /** When something was recorded; it cannot be later than now. */
  instant(value: unknown): string {
    const text = this.string(value);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) || Number.isNaN(Date.parse(text))) {
      this.fail(`${JSON.stringify(text)} is not an ISO-8601 UTC instant`);
    }
    return this.notFuture(text);
  }

  private notFuture(text: string): string {
    if (text.slice(0, 10) > this.source.today) this.fail(`${JSON.stringify(text)} is in the future`);
    return text;
  }

  /** One line of text, as a one-line flag takes it. */
  line(value: unknown): string {
    return this.parsed(value, (input) => parseText(input));
  }

  /** Text with line breaks, as `--description` or `--message` takes it. */
  lines(value: unknown): string {
    return this.parsed(value, (input) => parseText(input, { multiline: true }));
  }

  /** A name or ID, as `--account-name` or `--ticket` takes it. */
  name(value: unknown): string {
    return this.parsed(value, (input) => parseName(input));
  }

  /** A decimal string such as "50.00" in `currency`, as minor units. */
  amount(value: unknown, currency: string): number {
    const text = this.string(value);
    if (!/^\d+(\.\d+)?$/.test(text)) this.fail(`${JSON.stringify(text)} is not a decimal amount like "50.00"`);
    return this.parsed(text, (input) => parseDecimalString(input, currency));
  }

  integer(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
      this.fail(`is ${describe(value)}; expected a whole number ${range}`);
    }
    return value;
  }

  /** A list of at most `max` items. */
  list(value: unknown, max: number): unknown[] {
    const items = this.array(value);
    if (items.length > max) this.fail(`holds ${items.length} items; at most ${max} are accepted`);
    return items;
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
  return printable(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}

/** Refuses the file, naming the place (`claims[2] (RC-0003).amounts.charged`) and the problem. */
export function refuseImport(file: string, path: string, problem: string): never {
  // The problem quotes the file, which may hold terminal escapes or direction controls.
  throw new UsageError(
    printable(`${file}: ${path} ${problem}; nothing was imported.`),
    'Export the data again with `refund-claim export`, or correct the file.',
  );
}

/** Where the `n`-th evidence item of the `index`-th claim is in the file, as the reader names it. */
export function evidencePlace(index: number, claim: ImportedClaim, n: number): string {
  return `claims[${index}] (${formatClaimId(claim.id)}).evidence[${n}]`;
}

/** Parses and checks a whole export; `file` names it in messages. */
export function readExport(text: string, file: string, options: ReadExportOptions): ExportContents {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      // V8 quotes the text around the error, which may hold terminal escapes.
      printable(`${file} is not JSON (${(error as Error).message}); nothing was imported.`),
      'Give a file written by `refund-claim export` (the JSON format).',
    );
  }
  const source = { file, today: options.today };
  const top = new Reader(source, 'the file');
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
  return readVersion(root, source);
}

/** More old IDs than any chain of imports gives one claim: a file with more is not an export. */
const MAX_ALIASES_PER_CLAIM = 1_000;
/** More saved emails than one claim's correspondence ever holds: a file with more is not an export. */
const MAX_LOGGED_EMAILS_PER_CLAIM = 100_000;

/** The reader of each export version this refund-claim can restore. */
const READERS: Partial<Record<number, (root: Json, source: Source) => ExportContents>> = {
  // Version 1 has no facts, agencies or sales representatives: its claims keep facts version 1.
  1: (root, source) => readClaims(root, source, 1),
  // Version 2 adds the reason's facts, agency and sales representative, `factsVersion`, each
  // event's `actor`, and (optional, added later) each claim's `aliases` and `loggedEmails`.
  2: (root, source) => readClaims(root, source, 2),
};

function readClaims(root: Json, source: Source, version: 1 | 2): ExportContents {
  const accountsReader = new Reader(source, 'accounts');
  const accounts = accountsReader
    .array(root.accounts)
    .map((value, index) => readAccount(accountsReader.at(index), value, version));
  const claimsReader = new Reader(source, 'claims');
  const seen = new Set<number>();
  // One file, one size: the same content stated with two sizes means one of them is wrong.
  const sizes = new Map<string, number>();
  const claims = claimsReader.array(root.claims).map((value, index) => {
    const at = new Reader(source, `claims[${index}]${labelOf(value)}`);
    const claim = readClaim(at, value, version);
    if (seen.has(claim.id)) claimsReader.at(index).fail(`repeats the ID ${formatClaimId(claim.id)}`);
    seen.add(claim.id);
    claim.evidence.forEach((item, n) => {
      const bytes = sizes.get(item.sha256) ?? item.bytes;
      if (bytes !== item.bytes)
        at.at('evidence').at(n).at('bytes').fail(`is ${item.bytes}, but the same file is ${bytes} bytes elsewhere`);
      sizes.set(item.sha256, bytes);
    });
    return claim;
  });
  return { accounts, claims };
}

function labelOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 20 ? ` (${id})` : '';
}

function readAccount(at: Reader, value: unknown, version: 1 | 2): AccountRecord {
  const account = at.object(value);
  const optionalName = (key: 'agency' | 'salesRep'): string | null =>
    version < 2 ? null : at.at(key).nullable(account[key], (v) => at.at(key).name(v));
  return {
    name: at.at('name').name(account.name),
    advertiserId: at
      .at('advertiserId')
      .nullable(account.advertiserId, (v) => at.at('advertiserId').parsed(v, parseAdvertiserId)),
    email: at.at('email').parsed(account.email, parseEmail),
    agency: optionalName('agency'),
    salesRep: optionalName('salesRep'),
    updatedAt: at.at('updatedAt').instant(account.updatedAt),
  };
}

function readClaim(at: Reader, value: unknown, version: 1 | 2): ImportedClaim {
  const doc = at.object(value);
  const idText = at.at('id').string(doc.id);
  const id = claimIdOf(at.at('id'), idText);
  // New claims are numbered after the highest ID: the next one must still be an ID commands read.
  if (id >= MAX_CLAIM_ID)
    at.at('id').fail(`${JSON.stringify(idText)} is too high; claim IDs go up to ${formatClaimId(MAX_CLAIM_ID - 1)}`);
  // Added within version 2 (the claim's old IDs): a file written before it has none.
  const aliasesReader = at.at('aliases');
  const aliases =
    doc.aliases === undefined
      ? []
      : aliasesReader
          .list(doc.aliases, MAX_ALIASES_PER_CLAIM)
          .map((value, n) => claimIdOf(aliasesReader.at(n), aliasesReader.at(n).string(value)));
  // Added within version 2 too: the keys of the saved emails logged on the claim.
  const emailsReader = at.at('loggedEmails');
  const loggedEmails =
    doc.loggedEmails === undefined
      ? []
      : emailsReader.list(doc.loggedEmails, MAX_LOGGED_EMAILS_PER_CLAIM).map((value, n) => {
          const key = emailsReader.at(n).string(value);
          if (!isEmailKey(key)) emailsReader.at(n).fail('is not the key of a saved email (message-id:… or sha256:…)');
          return key;
        });

  const account = at.at('account').object(doc.account);
  const promotion = at.at('promotion').object(doc.promotion);
  const amounts = at.at('amounts').object(doc.amounts);
  const details = at.at('details').object(doc.details);
  const currency = at.at('amounts').at('currency').parsed(amounts.currency, parseCurrency);
  const money = (key: string): Reader => at.at('amounts').at(key);
  const optional = <T>(reader: Reader, v: unknown, read: (r: Reader, v: unknown) => T): T | null =>
    v === null ? null : read(reader, v);
  const text = (r: Reader, v: unknown): string => r.line(v);
  const name = (r: Reader, v: unknown): string => r.name(v);
  const date = (r: Reader, v: unknown): string => r.date(v);
  // Version 1 has no facts: every one is absent, as on a claim drafted then.
  const facts = version < 2 ? {} : at.at('facts').object(doc.facts);
  const fact = <T>(key: string, read: (r: Reader, v: unknown) => T): T | null =>
    version < 2 ? null : optional(at.at('facts').at(key), facts[key], read);
  const channel = at.at('channel').oneOf(doc.channel, CHANNELS);

  const fields: ClaimFields = {
    channel,
    reason: at.at('reason').oneOf(doc.reason, REASONS),
    accountName: name(at.at('account').at('name'), account.name),
    advertiserId: optional(at.at('account').at('advertiserId'), account.advertiserId, (r, v) =>
      r.parsed(v, parseAdvertiserId),
    ),
    email: at.at('account').at('email').parsed(account.email, parseEmail),
    promotionId: name(at.at('promotion').at('id'), promotion.id),
    promotionName: optional(at.at('promotion').at('name'), promotion.name, name),
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
    description: at.at('description').lines(doc.description),
    fileBy: optional(at.at('fileBy'), doc.fileBy, date),
    noticedOn: fact('noticedOn', date),
    cancelledOn: fact('cancelledOn', date),
    cancelReason: fact('cancelReason', (r, v) => r.lines(v)),
    failure: fact('failure', text),
    invoice: fact('invoice', name),
    balanceShownOn: fact('balanceShownOn', date),
    deliverablesDue: fact('deliverablesDue', date),
    paidVia: defaultPaidVia(channel, fact('paidVia', (r, v) => r.oneOf(v, PAID_VIA)) ?? undefined),
    asCredit: version < 2 ? false : at.at('asCredit').boolean(doc.asCredit),
    agency: version < 2 ? null : optional(at.at('account').at('agency'), account.agency, name),
    salesRep: version < 2 ? null : optional(at.at('account').at('salesRep'), account.salesRep, name),
  };
  const misfit = channelReasonProblem(fields.channel, fields.reason);
  if (misfit) at.at('reason').fail(`is refused: ${misfit}`);
  const [problem] = crossFieldProblems(fields);
  if (problem) at.at(problemPath(problem.field)).fail(`is inconsistent: ${problem.message}`);

  const evidenceReader = at.at('evidence');
  const numbers = new Set<number>();
  const evidence = evidenceReader.list(doc.evidence, MAX_EVIDENCE_PER_CLAIM).map((item, index) => {
    const read = readEvidence(evidenceReader.at(index), item);
    if (numbers.has(read.number)) evidenceReader.at(index).at('id').fail(`repeats evidence number ${read.number}`);
    numbers.add(read.number);
    return read;
  });

  const eventsReader = at.at('events');
  const events = eventsReader
    .list(doc.events, MAX_EVENTS_PER_CLAIM)
    .map((item, index) => readEvent(eventsReader.at(index), item, index, currency, version));
  assertCreatedOnce(eventsReader, events);
  assertLegalHistory(eventsReader, events, fields.requested);

  const state = foldEvents(events, fields.requested);
  const stated = {
    status: at.at('status').oneOf(doc.status, STATUSES),
    ticketNumber: optional(at.at('ticketNumber'), doc.ticketNumber, name),
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
    aliases,
    loggedEmails,
    fields,
    createdAt: at.at('createdAt').instant(doc.createdAt),
    createdOn: at.at('createdOn').pastDate(doc.createdOn),
    factsVersion: version < 2 ? 1 : at.at('factsVersion').integer(doc.factsVersion, 1, FACTS_VERSION),
    events,
    evidence,
  };
}

/** A claim ID as `export` writes it (`RC-0007`, nothing else). */
function claimIdOf(at: Reader, text: string): number {
  const id = parseClaimId(text) ?? 0;
  if (id === 0 || formatClaimId(id) !== text) at.fail(`${JSON.stringify(text)} is not a claim ID like RC-0007`);
  return id;
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
  return {
    number: at.at('id').integer(item.id, 1, MAX_EVIDENCE_PER_CLAIM),
    kind: at.at('kind').oneOf(item.kind, EVIDENCE_KINDS),
    name: at.at('name').name(item.name),
    caption: at.at('caption').nullable(item.caption, (v) => at.at('caption').parsed(v, parseCaption)),
    // `attach` refuses empty files.
    bytes: at.at('bytes').integer(item.bytes, 1),
    sha256,
    mime: at.at('mime').parsed(item.mime, parseMime),
    addedAt: at.at('addedAt').instant(item.addedAt),
  };
}

/** A type as detection names it (`image/png`): no parameters, nothing to hide in. */
function parseMime(text: string): Parsed<string> {
  const parsed = parseName(text);
  if (parsed.ok && !/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/.test(parsed.value))
    return { ok: false, error: 'is not a media type like image/png' };
  return parsed;
}

/** Reads one value of an event's data, as the command that records it does. */
type ReadValue<V> = (at: Reader, value: unknown, currency: string) => V;

/** How one key of an event's data is read, and whether every event of its type holds it. */
interface KeyReader<V, Required extends boolean> {
  required: Required;
  read: ReadValue<V>;
}

/** A reader for each key of the data `D`, required exactly where `D` requires the key. */
type DataReader<D> = {
  [K in keyof D]-?: KeyReader<Exclude<D[K], undefined>, Partial<Pick<D, K>> extends Pick<D, K> ? false : true>;
};

const optional = <V>(read: ReadValue<V>): KeyReader<V, false> => ({ required: false, read });
const required = <V>(read: ReadValue<V>): KeyReader<V, true> => ({ required: true, read });

const evidenceNumbers: ReadValue<number[]> = (at, v) =>
  at.list(v, MAX_EVIDENCE_PER_CLAIM).map((x, i) => at.at(i).integer(x, 1, MAX_EVIDENCE_PER_CLAIM));
const amount: ReadValue<number | null> = (at, v, currency) => at.nullable(v, (x) => at.amount(x, currency));
const nullableDate: ReadValue<string | null> = (at, v) => at.nullable(v, (x) => at.date(x));
/** The evidence added with a step (`log --attach`). */
const WITH_EVIDENCE = { evidence: optional(evidenceNumbers) };

/**
 * The data an `edited` event is read as: an edit names its `fields`, a caption (version 2) its
 * `evidence`. The domain type says "one or the other", which a table of keys cannot.
 */
interface EditedRead {
  fields?: FieldKey[];
  evidence?: number[];
}

/** What each event type's data is read as before it is checked whole. */
type ReadData<T extends EventType> = T extends 'edited' ? EditedRead : EventDataByType[T];

/** An `edited` event records an edit or a caption, not both and not neither. */
function wholeEdited(at: Reader, data: EditedRead): EventDataByType['edited'] {
  const { fields, evidence } = data;
  if (fields !== undefined && evidence === undefined) return { fields };
  if (evidence !== undefined && fields === undefined) return { evidence };
  return at.fail(
    fields === undefined
      ? 'has neither "fields" (an edit) nor "evidence" (a caption), one of which every edited event holds'
      : 'has both "fields" and "evidence"; an edited event records an edit or a caption, not both',
  );
}

/**
 * The keys each event type's `data` may hold, and how to read them, as the command that records
 * the event does. A key of another type is refused (a `ticket` on a close), and so is an event
 * without a key its type requires (a decision that decides nothing).
 */
const DATA_READERS: { [T in EventType]: DataReader<ReadData<T>> } = {
  created: {},
  // Either key, and `wholeEdited` then asks for exactly one of them.
  edited: {
    fields: optional((at, v) => at.array(v).map((x, i) => at.at(i).oneOf(x, FIELD_KEYS))),
    evidence: optional(evidenceNumbers),
  },
  'evidence-added': { evidence: required(evidenceNumbers) },
  submitted: { ...WITH_EVIDENCE, ticket: optional((at, v) => at.name(v)) },
  message: {
    ...WITH_EVIDENCE,
    from: required((at, v) => at.oneOf(v, ['support', 'me'] as const)),
    message: optional((at, v) => at.lines(v)),
    infoRequested: optional((at, v) => at.boolean(v)),
  },
  'followup-sent': WITH_EVIDENCE,
  'escalation-sent': WITH_EVIDENCE,
  decision: {
    ...WITH_EVIDENCE,
    decision: required((at, v) => at.oneOf(v, ['approved', 'partially-approved', 'denied'] as const)),
    amount: optional(amount),
    reason: optional((at, v) => at.nullable(v, (x) => at.lines(x))),
    expectBy: optional(nullableDate),
    appealBy: optional(nullableDate),
  },
  'appeal-sent': WITH_EVIDENCE,
  closed: {
    ...WITH_EVIDENCE,
    outcome: required((at, v) => at.oneOf(v, ['refunded', 'credited', 'rejected', 'withdrawn'] as const)),
    amount: optional(amount),
  },
};

/** Every key some event type's data holds: any other key is unknown. */
const DATA_KEYS = new Set(Object.values(DATA_READERS).flatMap((readers) => Object.keys(readers)));

function hasKey<O extends object>(object: O, key: string): key is Extract<keyof O, string> {
  return Object.hasOwn(object, key);
}

/** Reads an event's `data` by the keys of its type. */
function readData<D extends object>(
  at: Reader,
  type: EventType,
  readers: DataReader<D>,
  value: unknown,
  currency: string,
): D {
  const raw = at.object(value);
  const data: Partial<D> = {};
  // Keys keep their order, so `show --json` prints the restored event exactly as it was.
  for (const [key, item] of Object.entries(raw)) {
    if (!hasKey(readers, key)) {
      at.fail(DATA_KEYS.has(key) ? `has "${key}", which a ${type} event does not hold` : `has an unknown key "${key}"`);
    }
    data[key] = readers[key].read(at.at(key), item, currency);
  }
  assertWhole(at, type, readers, data);
  return data;
}

/** Refuses data without a key its event type requires. */
function assertWhole<D>(at: Reader, type: EventType, readers: DataReader<D>, data: Partial<D>): asserts data is D {
  for (const key of Object.keys(readers)) {
    if (hasKey(readers, key) && readers[key].required && !Object.hasOwn(data, key)) {
      at.fail(`has no "${key}", which every ${type} event holds`);
    }
  }
}

function readEvent(at: Reader, value: unknown, index: number, currency: string, version: 1 | 2): ClaimEvent {
  const event = at.object(value);
  return readEventOf(at, at.at('type').oneOf(event.type, EVENT_TYPES), event, index, currency, version);
}

function readEventOf<T extends EventType>(
  at: Reader,
  type: T,
  event: Json,
  index: number,
  currency: string,
  version: 1 | 2,
): ClaimEvent<T> {
  const read = readData(at.at('data'), type, DATA_READERS[type], event.data, currency);
  // `ReadData<T>` is `EventDataByType[T]` for every type but `edited`, which `wholeEdited` makes so.
  const data = (type === 'edited' ? wholeEdited(at.at('data'), read) : read) as EventDataByType[T];
  return {
    seq: index + 1,
    type,
    on: at.at('at').pastDate(event.at),
    recordedAt: at.at('recordedAt').instant(event.recordedAt),
    // `--note` is one line.
    note: at.at('note').nullable(event.note, (v) => at.at('note').line(v)),
    data,
    // Version 1 did not say who recorded an event.
    // An absent actor is unknown, as on an event recorded before version 2.
    actor:
      version < 2 || event.actor === undefined
        ? null
        : at.at('actor').nullable(event.actor, (v) => at.at('actor').name(v)),
  };
}

/** A claim is created once, and its history starts there, as `new` records it. */
function assertCreatedOnce(at: Reader, events: readonly ClaimEvent[]): void {
  if (events[0]?.type !== 'created') {
    if (events.length === 0) at.fail('is empty; a claim\'s history starts with its "created" event');
    at.at(0).fail(`(${events[0]?.type}) is not "created"; a claim's history starts with its creation`);
  }
  const again = events.findIndex((event, index) => index > 0 && event.type === 'created');
  if (again !== -1) at.at(again).fail('(created) repeats the creation; a claim is created once');
}

/** Every step must have been allowed where it happened, as the lifecycle commands enforce. */
function assertLegalHistory(at: Reader, events: readonly ClaimEvent[], requested: number): void {
  events.forEach((event, index) => {
    if (event.type !== 'decision') return;
    const { data } = event;
    const problem = decisionProblem({
      decision: data.decision,
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
