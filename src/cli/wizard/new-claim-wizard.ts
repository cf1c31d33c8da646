/**
 * The `new` wizard: asks only for what the flags did not give, in the order a person thinks of
 * it (where, what went wrong, whose account, which promotion, how much, the proof).
 */
import type { Account, ClaimSummary, EvidenceInput } from '../../app/deps.js';
import type { Channel, ClaimFields, EvidenceKind, Reason } from '../../domain/claim.js';
import { formatClaimId } from '../../domain/claim.js';
import {
  crossFieldProblems,
  defaultRequested,
  missingEvidence,
  REQUIREMENTS,
  requiredFields,
  withDefaults,
} from '../../domain/completeness.js';
import { CancelledError } from '../../domain/errors.js';
import { toDecimalString } from '../../domain/money.js';
import {
  assertReasonFits,
  needsUnspentBalanceConsent,
  PROMOTION_WORDS,
  UNSPENT_BALANCE_WARNING,
} from '../../domain/reasons.js';
import { printable } from '../../domain/text.js';
import type { TextFieldKey } from '../claim-fields.js';
import type { Prompter } from './prompter.js';
import {
  captionQuestion,
  channelQuestion,
  confirmQuestion,
  evidencePathQuestion,
  fieldQuestion,
  moreEvidenceQuestion,
  reasonQuestion,
} from './questions.js';

export interface WizardServices {
  prompter: Prompter;
  now: Date;
  home: string;
  findAccount(query: { advertiserId?: string | null; name?: string | null }): Promise<Account | null>;
  findOpenDuplicates(channel: Channel, promotionId: string, reason: Reason): Promise<ClaimSummary[]>;
  /** The detected MIME type of a usable file, or throws with what is wrong with it. */
  inspect(path: string): Promise<string>;
  /** Shows the completeness findings and the rendered ticket for what has been entered. */
  preview(fields: ClaimFields, evidence: readonly EvidenceInput[]): Promise<void>;
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

type Draft = Partial<ClaimFields>;

/** Fields after the account and promotion, in the order they are asked. */
const DETAIL_ORDER: readonly TextFieldKey[] = [
  'start',
  'end',
  'failure',
  'chargeDate',
  'noticedOn',
  'invoice',
  'cancelledOn',
  'cancelReason',
  'promised',
  'delivered',
  'creator',
  'deliverables',
  'deliverablesDue',
  'balanceShownOn',
];

export async function runNewClaimWizard(
  services: WizardServices,
  given: Draft,
  givenEvidence: readonly EvidenceInput[],
  options: WizardOptions,
): Promise<WizardResult> {
  const { prompter } = services;
  const draft: Draft = { ...given };
  const channel = (draft.channel ??= await prompter.select(channelQuestion()));
  const reason = (draft.reason ??= await prompter.select(reasonQuestion(channel)));
  assertReasonFits(channel, reason);
  if (needsUnspentBalanceConsent({ channel, reason })) {
    // Shown even with --yes, which only stands in for the confirmation.
    services.say(UNSPENT_BALANCE_WARNING);
    if (
      !options.yes &&
      !(await prompter.confirm(confirmQuestion('unspentBalanceWarning', 'Continue with this request?', false)))
    ) {
      throw new CancelledError('Cancelled — nothing was saved.');
    }
  }
  const required = new Set(requiredFields(channel, reason));
  // Facts the draft is weaker without are asked too, and may be skipped.
  const warned = new Set(REQUIREMENTS[reason].warned);
  // An answer is held to the same rules that tie fields together when the claim is saved.
  const fits =
    (field: TextFieldKey) =>
    (value: unknown): string | null =>
      crossFieldProblems(withDefaults({ ...draft, [field]: value })).find((problem) => problem.field === field)
        ?.answer ?? null;
  const ask = async <K extends TextFieldKey>(field: K, extra: Parameters<typeof fieldQuestion>[2] = {}) => {
    if (draft[field] !== undefined) return;
    const optional = !required.has(field);
    const context = { currency: draft.currency ?? 'USD', now: services.now };
    draft[field] = (await prompter.input(
      fieldQuestion(field, context, { optional, check: fits(field), ...extra }),
    )) as Draft[K];
  };

  await askAccount(services, draft, ask);
  // An unspent balance has no promotion: the ID holds the account's balance reference.
  if (reason === 'unspent-balance') draft.promotionId ??= draft.advertiserId ?? undefined;
  await ask('promotionId', { message: promotionIdPrompt(channel) });
  const allowDuplicate = await confirmDuplicate(services, draft, options.allowDuplicate);
  if (reason !== 'unspent-balance') {
    await ask('promotionName', { message: `Name of the ${PROMOTION_WORDS[channel]} (optional)` });
  }
  await ask('currency', { default: 'USD' });
  await ask('charged', { message: reason === 'unspent-balance' ? 'Unspent balance' : 'Amount charged' });
  if (required.has('expected')) await ask('expected');
  for (const field of DETAIL_ORDER) {
    if (required.has(field) || warned.has(field)) await ask(field);
  }
  if (channel === 'creator') await ask('paidVia', { default: 'direct' });
  const currency = draft.currency ?? 'USD';
  await ask('requested', {
    default: toDecimalString(defaultRequested(reason, draft.charged ?? 0, draft.expected ?? null), currency),
  });
  await ask('description');
  await ask('fileBy');

  const fields = withDefaults(draft);
  const evidence = [...givenEvidence, ...(await askEvidence(services, fields, givenEvidence))];
  await services.preview(fields, evidence);
  if (!options.yes && !(await prompter.confirm(confirmQuestion('save', 'Save this claim?', true)))) {
    throw new CancelledError('Not saved.');
  }
  return { fields, evidence, allowDuplicate };
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

async function askAccount(
  services: WizardServices,
  draft: Draft,
  ask: (field: TextFieldKey) => Promise<void>,
): Promise<void> {
  if (draft.channel === 'tiktok-ads') await ask('advertiserId');
  await offerSavedAccount(services, draft, await services.findAccount({ advertiserId: draft.advertiserId }));
  await ask('accountName');
  await offerSavedAccount(services, draft, await services.findAccount({ name: draft.accountName }));
  await ask('email');
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
async function askEvidence(
  services: WizardServices,
  fields: ClaimFields,
  given: readonly EvidenceInput[],
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

  const missing = missingEvidence(
    fields.reason,
    given.map((item) => ({ kind: item.kind })),
  );
  for (const [index, kinds] of missing.entries()) await take(`evidence${index + 1}`, kinds, true);
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
