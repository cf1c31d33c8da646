/**
 * Which claim a support email is about, and what `inbox` proposes to record from it. Matches are
 * tried in the order of how sure they are: the ticket number support gave (only this claim has
 * it), the claim ID the ticket's subject carries (`[RC-0007]`, quoted back in replies), then the
 * promotion ID (several claims can share one, and an ID is easily quoted in passing).
 */
import { parseClaimId } from './claim.js';
import type { Status } from './claim.js';
import { MOVES } from './lifecycle.js';
import type { Move } from './lifecycle.js';
import type { ReplyReading, ReplyStep } from './support-replies.js';

export type MatchedBy = 'ticket' | 'claim-id' | 'promotion-id';

/** What matching needs of each claim. */
export interface MatchCandidate {
  id: number;
  status: Status;
  ticketNumber: string | null;
  promotionId: string;
  /** The IDs the claim had before an import renumbered it: tickets sent earlier quote them. */
  aliases?: readonly number[];
}

export interface ClaimMatch {
  /** The claim, or null when none matches or several match equally (`ambiguous`). */
  id: number | null;
  by: MatchedBy | null;
  /** The claims that matched equally well when no one of them could be chosen. */
  ambiguous: number[];
}

/** A step `inbox` records: SPEC's JSON names (`submit`, `info-requested`, `message`, the decisions). */
export type ProposedStep = ReplyStep | 'message';

/** At or above it a proposal is applied by `--yes` (and `--decisions`); below it only when the user says so. */
export const SURE = 0.8;

/** How sure a match is, by what it matched on (SPEC: by promotion ID alone below 0.8). */
const MATCH_CONFIDENCE: Record<MatchedBy, number> = { ticket: 1, 'claim-id': 0.95, 'promotion-id': 0.7 };

/** Ticket and promotion IDs shorter than this are too likely to turn up by chance (`12`, `2026`). */
const MIN_ID = 5;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `token` stands in `text` on its own, not inside a longer word or number. */
function mentions(text: string, token: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9])${escape(token)}(?![A-Za-z0-9])`, 'i').test(text);
}

/** The claim IDs an email names (`RC-0007`, `rc-7`), in the order they appear. */
export function claimIdsIn(text: string): number[] {
  const ids: number[] = [];
  for (const match of text.matchAll(/(?<![A-Za-z0-9])RC-?(\d{1,9})(?![0-9])/gi)) {
    const id = parseClaimId(match[1] ?? '');
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The claim an email is about. Within one kind of match, the subject decides before the body,
 * and an open claim before a closed one; when that still leaves several, none is guessed.
 */
export function matchClaim(subject: string, text: string, claims: readonly MatchCandidate[]): ClaimMatch {
  const open = (candidates: MatchCandidate[]): MatchCandidate[] => {
    const opened = candidates.filter(
      (claim) => !['refunded', 'credited', 'rejected', 'withdrawn'].includes(claim.status),
    );
    return opened.length > 0 ? opened : candidates;
  };
  const decide = (by: MatchedBy, found: (place: string) => MatchCandidate[], preferOpen = true): ClaimMatch | null => {
    for (const place of [subject, text]) {
      const matched = found(place);
      const candidates = preferOpen ? open(matched) : matched;
      if (candidates.length === 1) return { id: candidates[0]?.id ?? null, by, ambiguous: [] };
      if (candidates.length > 1) return { id: null, by: null, ambiguous: candidates.map((claim) => claim.id) };
    }
    return null;
  };
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const byAlias = new Map<number, MatchCandidate[]>();
  for (const claim of claims) {
    for (const alias of claim.aliases ?? []) byAlias.set(alias, [...(byAlias.get(alias) ?? []), claim]);
  }
  const hasTicket = (place: string, claim: MatchCandidate): boolean =>
    claim.ticketNumber !== null && claim.ticketNumber.length >= MIN_ID && mentions(place, claim.ticketNumber);
  const hasPromotion = (place: string, claim: MatchCandidate): boolean =>
    claim.promotionId.length >= MIN_ID && mentions(place, claim.promotionId);
  const whole = `${subject}\n${text}`;
  return (
    decide('ticket', (place) => claims.filter((claim) => hasTicket(place, claim))) ??
    decide(
      'claim-id',
      (place) => {
        // The first ID a claim answers to is the claim; the others are mentioned in passing.
        for (const id of claimIdsIn(place)) {
          const own = byId.get(id);
          const named = [...(own ? [own] : []), ...(byAlias.get(id) ?? [])];
          if (named.length <= 1) {
            if (named.length === 1) return named;
            continue;
          }
          // An old ID another claim has now (an import renumbered it): the ticket number or
          // promotion ID the email also gives tells which; else all of them, and none is guessed
          // (an open one is not preferred: the email may well be about the closed one).
          const told = named.filter((claim) => hasTicket(whole, claim) || hasPromotion(whole, claim));
          return told.length === 1 ? told : named;
        }
        return [];
      },
      false,
    ) ??
    decide('promotion-id', (place) => claims.filter((claim) => hasPromotion(place, claim))) ?? {
      id: null,
      by: null,
      ambiguous: [],
    }
  );
}

const MOVE_OF: Record<ReplyStep, Move> = {
  submit: 'submit',
  'info-requested': 'request-info',
  approved: 'decision',
  'partially-approved': 'decision',
  denied: 'decision',
};

export interface Proposal {
  step: ProposedStep;
  detail: string | null;
  confidence: number;
}

/**
 * What to record for a matched email: the step its wording implies when the claim's status allows
 * it (a ticket number only while `draft`), else just the message. The confidence is the lesser of
 * the match's and the wording's, rounded to two decimals.
 */
export function propose(reading: ReplyReading, by: MatchedBy, status: Status): Proposal {
  const match = MATCH_CONFIDENCE[by];
  const round = (value: number): number => Math.round(value * 100) / 100;
  if (reading.step === null || !MOVES[MOVE_OF[reading.step]].from.includes(status)) {
    // A vague wording makes even the message uncertain: it may be about another matter.
    return {
      step: 'message',
      detail: null,
      confidence: round(Math.min(match, reading.confidence < SURE ? reading.confidence : 1)),
    };
  }
  return { step: reading.step, detail: reading.detail, confidence: round(Math.min(match, reading.confidence)) };
}

/** Decisions are applied by `--decisions` only; messages, ticket numbers and information requests by `--yes`. */
export function isDecision(step: ProposedStep): step is 'approved' | 'partially-approved' | 'denied' {
  return step === 'approved' || step === 'partially-approved' || step === 'denied';
}
