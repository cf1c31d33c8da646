/**
 * `templates check`: renders the templates in use (the user's copies win) against the sample
 * claims of every channel × reason and every message after filing, and lints each draft by
 * SPEC's "Drafts" rules. A user's copy that does not call the wrapping helper is named: it was
 * ejected from version 1, and its lines will not fit 80 columns. So is a ticket that does not
 * print the facts its reason needs (version 2's `--failure`, `--invoice`, `--cancelled-on`, …,
 * and TikTok One's refund shares): the check reads the draft, not the template's source, so a
 * fact worded in the user's own way still counts.
 */
import { CHANNELS } from '../domain/claim.js';
import type { Channel, Claim, FieldKey, Reason } from '../domain/claim.js';
import { FIELD_LABELS, REQUIREMENTS, VERSION_2_FACTS } from '../domain/completeness.js';
import { formatDay } from '../domain/dates.js';
import { lintDraft } from '../domain/draft-rules.js';
import type { DraftViolation } from '../domain/draft-rules.js';
import { UsageError, UserError } from '../domain/errors.js';
import type { Templates } from './deps.js';
import { tiktokOneView } from './formats/ticket-view.js';
import { sampleClaim, sampleMessages, sampleTickets } from './sample-claims.js';
import type { SampleDraft } from './sample-claims.js';

export interface TemplateProblem {
  template: string;
  /** The user's copy, when the template is overridden. */
  path: string | null;
  /** `tiktok-ads/technical-issue`, or null for a problem of the template itself. */
  sample: string | null;
  line: number | null;
  rule: string;
  message: string;
}

export interface TemplateCheck {
  /** The templates checked, by name. */
  checked: string[];
  problems: TemplateProblem[];
}

const USES_WRAP = /\{\{~?[#]?\s*wrap\b/;

export function checkTemplates(templates: Templates, name: string | null): TemplateCheck {
  const list = templates.list();
  if (name !== null && !list.some((t) => t.name === name)) {
    throw new UsageError(`No template named "${name}".`, `The templates are: ${list.map((t) => t.name).join(', ')}.`);
  }
  const drafts = list.filter((t) => !t.name.startsWith('_'));
  // A partial is checked through every draft that includes it.
  const checked = name === null ? drafts.map((t) => t.name) : name.startsWith('_') ? drafts.map((t) => t.name) : [name];
  const pathOf = (template: string) => list.find((t) => t.name === template)?.overriddenBy ?? null;
  const problems: TemplateProblem[] = [];

  for (const template of checked) {
    const path = pathOf(template);
    if (path !== null && !USES_WRAP.test(templates.source(template))) {
      problems.push({
        template,
        path,
        sample: null,
        line: null,
        rule: 'wrap-helper',
        message:
          'does not call the wrapping helper ({{#wrap}}…{{/wrap}}): an ejected version-1 template? ' +
          'Compare it with a fresh `templates eject` copy',
      });
    }
  }
  const wanted = new Set(checked);
  const rendered = renderSamples(templates, wanted, problems);
  for (const draft of rendered) {
    for (const violation of lintDraft(draft.text, { claimId: draft.claimId })) {
      problems.push(problemOf(draft, pathOf(draft.template), violation));
    }
  }
  for (const draft of rendered.filter((d) => d.template.startsWith('ticket-'))) {
    for (const message of missingFacts(draft)) {
      problems.push({
        template: draft.template,
        path: pathOf(draft.template),
        sample: draft.sample,
        line: null,
        rule: 'missing-fact',
        message,
      });
    }
  }
  return { checked, problems };
}

/** What the sample's ticket should say and does not: each version-2 fact its reason needs. */
export function missingFacts(draft: Pick<SampleDraft, 'sample' | 'text'>): string[] {
  const [channel, reason] = draft.sample.split('/') as [Channel, Reason];
  const claim = sampleClaim(channel, reason);
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  const text = words(draft.text);
  const facts: FieldKey[] = [...REQUIREMENTS[reason].fields, ...REQUIREMENTS[reason].warned];
  const missing = facts
    .filter((field) => VERSION_2_FACTS.includes(field))
    .map((field) => [field, shown(claim, field)] as const)
    .filter((entry): entry is readonly [FieldKey, string] => entry[1] !== null && !text.includes(words(entry[1])))
    .map(([field, value]) => `does not print the ${FIELD_LABELS[field]} ("${value}"): ${EJECTED_HINT}`);
  if (claim.channel === 'creator' && claim.paidVia === 'tiktok-one') {
    const shares = tiktokOneView(claim).refunds.map((r) => r.percent);
    if (!shares.every((share) => text.includes(share))) {
      missing.push(`does not cite TikTok One's refund shares (${shares.join(' / ')}): ${EJECTED_HINT}`);
    }
  }
  return missing;
}

const EJECTED_HINT = 'an ejected version-1 template? Compare it with a fresh `templates eject` copy';

/** A fact as a draft prints it: a date in the drafts' style, text as given. */
function shown(claim: Claim, field: FieldKey): string | null {
  const value = claim[field as keyof Claim];
  if (typeof value !== 'string' || value === '') return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
}

function renderSamples(templates: Templates, wanted: Set<string>, problems: TemplateProblem[]): SampleDraft[] {
  const drafts: SampleDraft[] = [];
  const attempt = (render: () => SampleDraft[], template: string) => {
    try {
      drafts.push(...render().filter((d) => wanted.has(d.template)));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push({ template, path: null, sample: null, line: null, rule: 'render', message: error.message });
    }
  };
  if ([...wanted].some((t) => t.startsWith('ticket-'))) attempt(() => sampleTickets(templates), 'ticket');
  for (const channel of CHANNELS) {
    if (['followup', 'escalation', 'appeal'].some((t) => wanted.has(t))) {
      attempt(() => sampleMessages(templates, channel), `${channel} messages`);
    }
  }
  return drafts;
}

function problemOf(draft: SampleDraft, path: string | null, violation: DraftViolation): TemplateProblem {
  return {
    template: draft.template,
    path,
    sample: draft.sample,
    line: violation.line,
    rule: violation.rule,
    message: violation.message,
  };
}
