/**
 * The `new` wizard: asks only for the required values the flags did not give, in the order a
 * person thinks of them (where, what went wrong, whose account, which promotion, how much, the
 * proof), then shows the draft and lets the person save, change any value, or cancel. Values with
 * a default (the requested amount, the currency) and facts that only strengthen a claim are not
 * asked: they show in the review, where "change a value" reaches them.
 */
import type { Account, ClaimSummary, EvidenceInput } from '../../app/deps.js';
import type { Channel, ClaimFields, EvidenceKind, Reason } from '../../domain/claim.js';
import { formatClaimId } from '../../domain/claim.js';
import {
  asCreditProblem,
  crossFieldProblems,
  missingEvidence,
  REQUIREMENTS,
  requiredFields,
  withDefaults,
} from '../../domain/completeness.js';
import { CancelledError, UsageError } from '../../domain/errors.js';
import { currencyDigits } from '../../domain/money.js';
import {
  assertReasonFits,
  needsUnspentBalanceConsent,
  PROMOTION_WORDS,
  reasonFits,
  UNSPENT_BALANCE_WARNING,
} from '../../domain/reasons.js';
import { printable } from '../../domain/text.js';
import type { TextFieldKey } from '../claim-fields.js';
import type { Prompter } from './prompter.js';
import {
  amountInAnyCurrencyQuestion,
  captionQuestion,
  channelQuestion,
  confirmQuestion,
  descriptionQuestion,
  evidencePathQuestion,
  fieldQuestion,
  moreEvidenceQuestion,
  reasonQuestion,
} from './questions.js';
import { reviewClaim } from './review.js';

export interface WizardServices {
  prompter: Prompter;
  now: Date;
  home: string;
  findAccount(query: { advertiserId?: string | null; name?: string | null }): Promise<Account | null>;
  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason): Promise<ClaimSummary[]>;
  /** The detected MIME type of a usable file, or throws with what is wrong with it. */
  inspect(path: string): Promise<string>;
  /**
   * Shows the completeness findings and the rendered ticket for what has been entered;
   * `changeable`: the review menu follows, where a value can still be changed.
   */
  preview(fields: ClaimFields, evidence: readonly EvidenceInput[], options: { changeable: boolean }): Promise<void>;
  /** Text for the person at the terminal (stderr). */
  say(text: string): void;
}

export interface WizardOptions {
  yes: boolean;
  allowDuplicate: boolean;
}

export interface WizardResult {
  fields: ClaimFields;
  evidence: EvidenceInput[];
  allowDuplicate: boolean;
}

export type Draft = Partial<ClaimFields>;

/** Fields after the account and promotion, in the order they are asked when required. */
const DETAIL_ORDER: readonly TextFieldKey[] = [
  'expected',
  'start',
  'end',
  'failure',
  'chargeDate',
  'cancelledOn',
  'cancelReason',
  'promised',
  'delivered',
  'creator',
  'deliverables',
  'deliverablesDue',
  'balanceShownOn',
];

/** What the wizard holds while it runs: the answers so far and how to ask for one. */
export interface WizardState {
  services: WizardServices;
  draft: Draft;
  /** Amount flags were read in USD (or --currency): the first amount typed may not pick another. */
  currencyFixed: boolean;
  allowDuplicate: boolean;
  yes: boolean;
}

export async function runNewClaimWizard(
  services: WizardServices,
  given: Draft,
  givenEvidence: readonly EvidenceInput[],
  options: WizardOptions,
): Promise<WizardResult> {
  const state: WizardState = {
    services,
    draft: { ...given },
    currencyFixed: ['currency', 'charged', 'expected', 'requested'].some((k) => given[k as keyof Draft] !== undefined),
    allowDuplicate: options.allowDuplicate,
    yes: options.yes,
  };
  await askChannelAndReason(state);
  await askMissing(state);
  const fields = withDefaults(state.draft);
  const evidence = [...givenEvidence, ...(await askEvidence(services, fields, givenEvidence))];
  return reviewClaim(state, evidence);
}

/** The channel and reason, refused when they do not fit, and the unspent-balance consent. */
export async function askChannelAndReason(state: WizardState): Promise<void> {
  const { prompter } = state.services;
  const { draft } = state;
  const channel = (draft.channel ??= await prompter.select(channelQuestion()));
  const reason = (draft.reason ??= await prompter.select(reasonQuestion(channel)));
  assertReasonFits(channel, reason);
  // Refused before anything else is asked: the flag contradicts the request itself.
  const credit = asCreditProblem({ channel, reason, asCredit: draft.asCredit ?? false });
  if (credit) throw new UsageError(`${credit.message.charAt(0).toUpperCase()}${credit.message.slice(1)}.`, credit.hint);
  if (needsUnspentBalanceConsent({ channel, reason })) {
    // Shown even with --yes, which only stands in for the confirmation.
    state.services.say(UNSPENT_BALANCE_WARNING);
    if (
      !state.yes &&
      !(await prompter.confirm(confirmQuestion('unspentBalanceWarning', 'Continue with this request?', false)))
    ) {
      throw new CancelledError('Cancelled — nothing was saved.');
    }
  }
}

/** Asks `field` (again, when `change` is set: the current value is the default). */
export async function askField(state: WizardState, field: TextFieldKey, change = false): Promise<void> {
  const { draft, services } = state;
  if (!change && draft[field] !== undefined) return;
  const channel = draft.channel ?? 'tiktok-ads';
  const reason = draft.reason ?? 'technical-issue';
  const required = new Set(requiredFields(channel, reason));
  const currency = draft.currency ?? 'USD';
  const current = change ? shownValue(withDefaults(draft), field) : undefined;
  // An answer is held to the same rules that tie fields together when the claim is saved.
  const check = (value: unknown): string | null =>
    crossFieldProblems(withDefaults({ ...draft, [field]: value })).find((problem) => problem.field === field)?.answer ??
    null;
  const options = {
    optional: !required.has(field),
    check,
    default: current ?? undefined,
    message: messageFor(state, field),
  };
  if (field === 'description') {
    draft.description = (await services.prompter.text(descriptionQuestion(options))) ?? undefined;
    return;
  }
  // The first amount may name its currency (`EUR 1.234,50`) when no flag fixed it.
  if (field === 'charged' && !state.currencyFixed) {
    const answer = await services.prompter.input(amountInAnyCurrencyQuestion(field, currency, options));
    draft.charged = answer.minor;
    if (answer.currency !== null) draft.currency = answer.currency;
    state.currencyFixed = true;
    return;
  }
  const answer = await services.prompter.input(fieldQuestion(field, { currency, now: services.now }, options));
  (draft as Record<string, unknown>)[field] = answer;
}

/** The channel's words for the questions that differ by channel. */
function messageFor(state: WizardState, field: TextFieldKey): string | undefined {
  const channel = state.draft.channel ?? 'tiktok-ads';
  const reason = state.draft.reason;
  switch (field) {
    case 'promotionId':
      return promotionIdPrompt(channel);
    case 'promotionName':
      return `Name of the ${PROMOTION_WORDS[channel]} (optional)`;
    case 'charged':
      return reason === 'unspent-balance' ? 'Unspent balance' : 'Amount charged';
    default:
      return undefined;
  }
}

/** Every required value still missing, in the order a person thinks of them. */
export async function askMissing(state: WizardState): Promise<void> {
  const { draft } = state;
  const channel = draft.channel ?? 'tiktok-ads';
  const reason = draft.reason ?? 'technical-issue';
  const required = new Set(requiredFields(channel, reason));
  await askAccount(state);
  // An unspent balance has no promotion: the ID holds the account's balance reference.
  if (reason === 'unspent-balance') draft.promotionId ??= draft.advertiserId ?? undefined;
  await askField(state, 'promotionId');
  state.allowDuplicate = await confirmDuplicate(state.services, draft, state.allowDuplicate);
  await askField(state, 'charged');
  for (const field of DETAIL_ORDER) if (required.has(field)) await askField(state, field);
  await askField(state, 'description');
}

/** A value as it is typed, for the default of a question asked again; null when there is none. */
function shownValue(fields: ClaimFields, field: TextFieldKey): string | null {
  const value = fields[field];
  if (value === null || value === undefined) return null;
  if (field === 'charged' || field === 'expected' || field === 'requested') {
    const digits = currencyDigits(fields.currency);
    const minor = value as number;
    return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
  }
  return String(value);
}

/** The promotion's ID in the channel's words. */
function promotionIdPrompt(channel: Channel): string {
  switch (channel) {
    case 'tiktok-ads':
      return 'Campaign or ad group ID (from Ads Manager)';
    case 'tiktok-promote':
      return 'Promote order ID';
    case 'creator':
      return 'Partnership / TikTok One order ID (or your own reference for a direct deal)';
  }
}

async function askAccount(state: WizardState): Promise<void> {
  const { draft, services } = state;
  if (draft.channel === 'tiktok-ads') await askField(state, 'advertiserId');
  await offerSavedAccount(services, draft, await services.findAccount({ advertiserId: draft.advertiserId }));
  await askField(state, 'accountName');
  await offerSavedAccount(services, draft, await services.findAccount({ name: draft.accountName }));
  await askField(state, 'email');
}

/** A saved account whose advertiser ID or name matches fills the rest of the account in. */
async function offerSavedAccount(services: WizardServices, draft: Draft, account: Account | null): Promise<void> {
  if (!account || (draft.accountName !== undefined && draft.email !== undefined)) return;
  if (draft.advertiserId && account.advertiserId && draft.advertiserId !== account.advertiserId) return;
  // The address book may have come from an import: its text is shown, never run.
  const label = printable(
    `${account.name}${account.advertiserId ? ` (advertiser ${account.advertiserId})` : ''} <${account.email}>`,
  );
  if (await services.prompter.confirm(confirmQuestion('useSavedAccount', `Use the saved account ${label}?`, true))) {
    draft.accountName ??= account.name;
    draft.email ??= account.email;
    draft.agency ??= account.agency ?? undefined;
    draft.salesRep ??= account.salesRep ?? undefined;
    if (draft.channel === 'tiktok-ads') draft.advertiserId ??= account.advertiserId;
  }
}

async function confirmDuplicate(services: WizardServices, draft: Draft, allowDuplicate: boolean): Promise<boolean> {
  if (allowDuplicate || !draft.channel || !draft.reason || !draft.promotionId) return allowDuplicate;
  const [existing] = await services.findOpenDuplicates(draft.channel, draft.promotionId, draft.reason);
  if (!existing) return false;
  const question = confirmQuestion(
    'allowDuplicate',
    `${formatClaimId(existing.id)} (${existing.status}) is already an open ${existing.reason} claim for this promotion. File another one anyway?`,
    false,
  );
  if (!(await services.prompter.confirm(question))) {
    throw new CancelledError(`Nothing saved; continue with ${formatClaimId(existing.id)} instead.`);
  }
  return true;
}

/** One prompt per missing kind of required evidence, then any number of extra files. */
export async function askEvidence(
  services: WizardServices,
  fields: ClaimFields,
  given: readonly EvidenceInput[],
  options: { required: boolean } = { required: true },
): Promise<EvidenceInput[]> {
  const { prompter } = services;
  const added: EvidenceInput[] = [];
  const mimes = new Map<string, string>();
  const check = async (path: string): Promise<string | null> => {
    try {
      mimes.set(path, await services.inspect(path));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const take = async (name: string, kinds: readonly EvidenceKind[], optional: boolean): Promise<void> => {
    const path = await prompter.input(
      evidencePathQuestion(name, kinds, check, services.home, { optional, reason: fields.reason }),
    );
    if (path === null) return;
    const caption = await prompter.input(captionQuestion(`${name}Caption`));
    added.push({ kind: kindFor(kinds, mimes.get(path) ?? ''), path, caption });
  };

  if (options.required) {
    const missing = missingEvidence(
      fields.reason,
      given.map((item) => ({ kind: item.kind })),
    );
    for (const [index, kinds] of missing.entries()) await take(`evidence${index + 1}`, kinds, true);
  }
  for (let round = 1; ; round++) {
    const kind = await prompter.select(moreEvidenceQuestion(`moreEvidence${round}`));
    if (kind === 'done') break;
    await take(`extraEvidence${round}`, [kind], false);
  }
  return added;
}

/** When either kind will do, the file's type decides: a video is a recording, an image a screenshot. */
function kindFor(kinds: readonly EvidenceKind[], mime: string): EvidenceKind {
  if (kinds.includes('recording') && mime.startsWith('video/')) return 'recording';
  if (kinds.includes('screenshot') && mime.startsWith('image/')) return 'screenshot';
  return kinds[0] ?? 'other';
}

/** After the channel or reason changed: the reason must fit, and what it newly needs is asked. */
export async function afterChannelOrReason(state: WizardState, changed: 'channel' | 'reason'): Promise<void> {
  const { draft, services } = state;
  const channel = draft.channel ?? 'tiktok-ads';
  if (changed === 'channel') {
    if (channel !== 'creator') delete draft.paidVia;
    if (channel !== 'tiktok-ads') delete draft.advertiserId;
    if (draft.reason && !reasonFits(channel, draft.reason)) {
      services.say(`A ${channel} claim cannot be for ${draft.reason}; pick its reason again.`);
      delete draft.reason;
    }
  }
  await askChannelAndReason(state);
  await askMissing(state);
}

/** The required fields and facts of the claim so far, then the rest a person may set. */
export function changeableFields(draft: Draft, evidence: readonly EvidenceInput[]): string[] {
  const channel = draft.channel ?? 'tiktok-ads';
  const reason = draft.reason ?? 'technical-issue';
  const fields: string[] = [
    'channel',
    'reason',
    ...requiredFields(channel, reason),
    ...REQUIREMENTS[reason].warned,
    ...(reason === 'unspent-balance' ? [] : ['promotionName', 'start', 'end', 'chargeDate']),
    'requested',
    ...(channel === 'creator' ? ['paidVia'] : []),
    'fileBy',
    'agency',
    'salesRep',
  ];
  const captions = evidence.map((_, index) => `caption:${index + 1}`);
  return [...new Set(fields), ...captions, 'evidence'];
}

/** The currency's decimals changed: amounts typed in the old one are asked again. */
export function amountsNeedAgain(before: string, after: string): boolean {
  return currencyDigits(before) !== currencyDigits(after);
}
