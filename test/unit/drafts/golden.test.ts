/**
 * The built-in templates' drafts, held as files under test/golden/ and read by a person: one
 * ticket per channel × reason, and every message after filing. Each must pass the draft linter
 * and match its file exactly. `UPDATE_GOLDEN=1 npx vitest run test/unit/drafts` rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Templates } from '../../../src/app/deps.js';
import { messageView } from '../../../src/app/formats/message-view.js';
import { renderTicket } from '../../../src/app/formats/ticket-view.js';
import {
  SAMPLE_CHANNEL_REASONS,
  sampleClaim,
  sampleMessageClaim,
  sampleMessages,
  sampleTickets,
} from '../../../src/app/sample-claims.js';
import type { SampleDraft } from '../../../src/app/sample-claims.js';
import { lintDraft } from '../../../src/domain/draft-rules.js';
import { loadTemplates } from '../../../src/render/templates.js';

const BUILTIN = fileURLToPath(new URL('../../../templates', import.meta.url));
const GOLDEN = fileURLToPath(new URL('../../golden', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let templates: Templates;
beforeAll(async () => {
  templates = await loadTemplates({
    builtin: BUILTIN,
    user: join(BUILTIN, 'no-user-templates'),
    makeUserDir: () => {},
  });
});

function holds(draft: SampleDraft, file: string): void {
  expect(lintDraft(draft.text, { claimId: draft.claimId })).toEqual([]);
  const path = join(GOLDEN, file);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, draft.text);
  }
  expect(draft.text).toBe(readFileSync(path, 'utf8'));
}

const pairs = Object.entries(SAMPLE_CHANNEL_REASONS).flatMap(([channel, reasons]) =>
  reasons.map((reason) => `${channel}/${reason}`),
);

describe('ticket drafts', () => {
  it.each(pairs)('%s', (sample) => {
    const draft = sampleTickets(templates).find((d) => d.sample === sample);
    expect(draft).toBeDefined();
    if (draft) holds(draft, `ticket/${sample.replace('/', '--')}.txt`);
  });
});

const MESSAGES: [string, string][] = [
  ['tiktok-ads', 'followup'],
  ['tiktok-ads', 'second-followup'],
  ['tiktok-ads', 'escalation'],
  ['tiktok-ads', 'followup-after-escalation'],
  ['tiktok-ads', 'appeal'],
  ['tiktok-ads', 'appeal-with-answer'],
  ['tiktok-ads', 'appeal-partial'],
  ['tiktok-promote', 'followup-after-escalation'],
  ['creator', 'second-followup'],
  ['creator', 'escalation'],
  ['creator', 'followup-after-escalation'],
];

describe('messages after filing', () => {
  it.each(MESSAGES)('%s %s', (channel, stage) => {
    const draft = sampleMessages(templates, channel as never).find((d) => d.sample === `${channel}/${stage}`);
    expect(draft).toBeDefined();
    if (draft) holds(draft, `messages/${channel}--${stage}.txt`);
  });

  it('after an escalation, names the remaining route for the channel, never escalating again', () => {
    const after = (channel: 'tiktok-ads' | 'tiktok-promote' | 'creator') =>
      sampleMessages(templates, channel).find((d) => d.sample.endsWith('/followup-after-escalation'));
    expect(after('tiktok-ads')?.template).toBe('followup');
    expect(after('tiktok-ads')?.text).toContain('dispute the charge with the card issuer');
    expect(after('tiktok-promote')?.text).toContain('dispute the charge with the card issuer');
    expect(after('creator')?.text).toMatch(/TikTok One support[\s\S]*payment provider/);
  });

  it('a later follow-up names the earlier ones and their dates', () => {
    const second = sampleMessages(templates, 'tiktok-ads').find((d) => d.sample.endsWith('/second-followup'));
    expect(second?.text.replace(/\s+/g, ' ')).toContain('It was followed up on 13 Nov 2026.');
  });
});

describe('the escalation', () => {
  it('goes to the account’s sales representative by name when it has one', () => {
    const { claim, today } = sampleMessageClaim('tiktok-ads', 'escalation');
    const text = templates.render('escalation', messageView({ ...claim, salesRep: 'Dana Kim' }, today, null));
    expect(lintDraft(text, { claimId: 'RC-0007' })).toEqual([]);
    expect(text).toContain('Hello Dana Kim,');
    expect(text).toContain('As the sales representative of our advertiser account 7012345678901234567');
    expect(text).not.toContain('supervisor');
  });
});

describe('dates the user did not give are not invented', () => {
  it('a promotion with a start and no end says when it started, and nothing of an end', () => {
    const claim = { ...sampleClaim('creator', 'creator-no-delivery'), end: null };
    const text = renderTicket(templates, claim);
    expect(text).toContain('- Started: 2 Nov 2026\n');
    expect(text).not.toMatch(/end date|Partnership ended/);
    expect(lintDraft(text, { claimId: 'RC-0007' })).toEqual([]);
  });
});
