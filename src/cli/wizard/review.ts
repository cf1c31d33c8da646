/**
 * The wizard's last step: the draft as it will be sent, then save, change a value, or cancel.
 * "Change" asks one field again (its current value is the default), shows the new draft, and
 * comes back here, so a typo never costs the whole claim.
 */
import type { EvidenceInput } from '../../app/deps.js';
import type { ClaimFields, FieldKey } from '../../domain/claim.js';
import { crossFieldProblems, FIELD_LABELS, withDefaults } from '../../domain/completeness.js';
import { CancelledError } from '../../domain/errors.js';
import { formatMoney } from '../../domain/money.js';
import { printable } from '../../domain/text.js';
import type { TextFieldKey } from '../claim-fields.js';
import type { WizardResult, WizardState } from './new-claim-wizard.js';
import { afterChannelOrReason, amountsNeedAgain, askEvidence, askField, changeableFields } from './new-claim-wizard.js';
import type { SelectQuestion } from './prompter.js';
import { captionQuestion, channelQuestion, reasonQuestion } from './questions.js';

type ReviewAction = 'save' | 'change' | 'cancel';

function reviewQuestion(): SelectQuestion<ReviewAction> {
  return {
    type: 'select',
    name: 'review',
    message: 'Save this claim?',
    choices: [
      { value: 'save', name: 'Save it' },
      { value: 'change', name: 'Change a value' },
      { value: 'cancel', name: 'Cancel (nothing is saved)' },
    ],
  };
}

/** A value as the review lists it. */
export function shown(fields: ClaimFields, field: FieldKey): string {
  const value = fields[field];
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'charged' || field === 'expected' || field === 'requested') {
    return formatMoney(value as number, fields.currency);
  }
  const text = printable(String(value)).replace(/\s+/g, ' ');
  return [...text].length > 50 ? `${[...text].slice(0, 49).join('')}…` : text;
}

function changeQuestion(fields: ClaimFields, evidence: readonly EvidenceInput[], choices: readonly string[]) {
  return {
    type: 'select',
    name: 'changeField',
    message: 'Which value?',
    choices: choices.map((value) => {
      if (value === 'evidence') return { value, name: 'Add an evidence file' };
      if (value.startsWith('caption:')) {
        const item = evidence[Number(value.slice('caption:'.length)) - 1];
        const file = item?.path.split(/[\\/]/).at(-1) ?? '';
        return {
          value,
          name: `Caption of file ${value.slice('caption:'.length)} (${printable(file)}): ${item?.caption ?? '—'}`,
        };
      }
      const field = value as FieldKey;
      return { value, name: `${capitalise(FIELD_LABELS[field])}: ${shown(fields, field)}` };
    }),
  } as const satisfies SelectQuestion<string>;
}

/** The values the wizard did not ask because they have a default. */
function defaultsLine(fields: ClaimFields, draft: Partial<ClaimFields>): string | null {
  const parts = [
    draft.requested === undefined ? `refund requested ${formatMoney(fields.requested, fields.currency)}` : null,
    draft.currency === undefined ? `currency ${fields.currency}` : null,
    fields.channel === 'creator' && draft.paidVia === undefined
      ? fields.paidVia === 'tiktok-one'
        ? 'paid through TikTok One'
        : 'paid directly, not through TikTok One'
      : null,
  ].filter((part) => part !== null);
  return parts.length === 0 ? null : `Not asked, taken as: ${parts.join('; ')}. Change any of them below.`;
}

export async function reviewClaim(state: WizardState, evidence: EvidenceInput[]): Promise<WizardResult> {
  const { services } = state;
  const { prompter } = services;
  for (;;) {
    const fields = withDefaults(state.draft);
    const problems = crossFieldProblems(fields);
    // With --yes a claim that can be saved is saved at once: no menu to change a value in.
    await services.preview(fields, evidence, { changeable: !state.yes || problems.length > 0 });
    const defaults = defaultsLine(fields, state.draft);
    if (defaults) services.say(defaults);
    if (state.yes && problems.length === 0) return { fields, evidence, allowDuplicate: state.allowDuplicate };
    if (problems.length > 0) {
      // Saving would be refused: say what to change instead of losing the answers.
      services.say(
        problems.map((p) => `Cannot save yet: ${p.message}; change the ${FIELD_LABELS[p.field]}.`).join('\n'),
      );
    }
    const action = await prompter.select(reviewQuestion());
    if (action === 'cancel') throw new CancelledError('Cancelled — nothing was saved.');
    if (action === 'save' && problems.length === 0) return { fields, evidence, allowDuplicate: state.allowDuplicate };
    if (action === 'save') continue;
    const field = await prompter.select(changeQuestion(fields, evidence, changeableFields(state.draft, evidence)));
    await change(state, field, fields, evidence);
  }
}

async function change(state: WizardState, choice: string, fields: ClaimFields, evidence: EvidenceInput[]) {
  const { draft, services } = state;
  const { prompter } = services;
  if (choice === 'channel') {
    draft.channel = await prompter.select({ ...channelQuestion(), default: fields.channel });
    await afterChannelOrReason(state, 'channel');
  } else if (choice === 'reason') {
    draft.reason = await prompter.select({ ...reasonQuestion(fields.channel), default: fields.reason });
    await afterChannelOrReason(state, 'reason');
  } else if (choice === 'evidence') {
    evidence.push(...(await askEvidence(services, fields, evidence, { required: false })));
  } else if (choice.startsWith('caption:')) {
    const number = Number(choice.slice('caption:'.length));
    const item = evidence[number - 1];
    if (!item) return;
    const question = captionQuestion(`caption${number}`);
    evidence[number - 1] = {
      ...item,
      caption: await prompter.input({ ...question, default: item.caption ?? undefined }),
    };
  } else if (choice === 'currency') {
    const before = fields.currency;
    await askField(state, 'currency', true);
    if (amountsNeedAgain(before, draft.currency ?? 'USD')) {
      services.say(`${draft.currency ?? 'USD'} has other decimals than ${before}: give the amounts again.`);
      delete draft.charged;
      delete draft.expected;
      delete draft.requested;
      state.currencyFixed = true;
      await afterChannelOrReason(state, 'reason');
    }
  } else {
    await askField(state, choice as TextFieldKey, true);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
