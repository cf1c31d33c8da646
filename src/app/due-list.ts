import type { ClaimStore, ClaimSummary } from './deps.js';
import type { Action } from '../domain/deadlines.js';
import { dueState } from '../domain/deadlines.js';
import type { DueState } from '../domain/deadlines.js';

export type DueGroup = 'overdue' | 'today' | 'soon' | 'later';

export interface DueItem extends DueState {
  claim: ClaimSummary;
  action: Action;
  due: string;
  group: DueGroup;
}

/**
 * Open claims, most urgent first: overdue (most overdue first), due today, due within
 * `withinDays`, then the rest. The store already returns them by due date.
 */
export function dueList(store: ClaimStore, today: string, withinDays: number): DueItem[] {
  const items: DueItem[] = [];
  for (const claim of store.pendingClaims()) {
    if (claim.nextAction === null || claim.nextDue === null) continue;
    const state = dueState(claim.nextDue, today);
    const group: DueGroup = state.overdue
      ? 'overdue'
      : state.daysLeft === 0
        ? 'today'
        : state.daysLeft <= withinDays
          ? 'soon'
          : 'later';
    items.push({ ...state, claim, action: claim.nextAction, due: claim.nextDue, group });
  }
  return items;
}
