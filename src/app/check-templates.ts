/**
 * `templates check`: renders the templates in use (the user's copies win) against the sample
 * claims of every channel × reason and every message after filing, and lints each draft by
 * SPEC's "Drafts" rules. A user's copy that does not call the wrapping helper is named: it was
 * ejected from version 1, and its lines will not fit 80 columns.
 */
import { CHANNELS } from '../domain/claim.js';
import { lintDraft } from '../domain/draft-rules.js';
import type { DraftViolation } from '../domain/draft-rules.js';
import { UsageError, UserError } from '../domain/errors.js';
import type { Templates } from './deps.js';
import { sampleMessages, sampleTickets } from './sample-claims.js';
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
  for (const draft of renderSamples(templates, wanted, problems)) {
    for (const violation of lintDraft(draft.text, { claimId: draft.claimId })) {
      problems.push(problemOf(draft, pathOf(draft.template), violation));
    }
  }
  return { checked, problems };
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
