import { describe, expect, it } from 'vitest';
import { dueList } from '../../../src/app/due-list.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

const TODAY = '2026-11-20';

/** Drafts are due on their filing deadline; saved out of order to show the order is by due date. */
async function setup() {
  const { store } = useCaseDeps();
  for (const fileBy of ['2026-12-01', '2026-11-18', '2026-11-23', '2026-11-20', '2026-11-24', '2026-11-18']) {
    await savedClaim(store, { fileBy });
  }
  await savedClaim(store, {}, [
    { type: 'submitted', on: '2026-11-16', data: { ticket: 'T-1' } },
    { type: 'closed', on: '2026-11-17', data: { outcome: 'withdrawn' } },
  ]);
  // Filed on Monday the 16th: a follow-up is due three business days later, Thursday the 19th.
  await savedClaim(store, {}, [{ type: 'submitted', on: '2026-11-16', data: { ticket: 'T-2' } }]);
  return store;
}

describe('dueList', () => {
  it('lists open claims most urgent first, grouped by how soon they are due', async () => {
    const items = await dueList(await setup(), TODAY, 3);
    expect(items.map((item) => [item.claim.id, item.action, item.due, item.group, item.daysLeft, item.label])).toEqual([
      [2, 'submit', '2026-11-18', 'overdue', -2, 'overdue 2d'],
      [6, 'submit', '2026-11-18', 'overdue', -2, 'overdue 2d'],
      [8, 'followup', '2026-11-19', 'overdue', -1, 'overdue 1d'],
      [4, 'submit', '2026-11-20', 'today', 0, 'due today'],
      [3, 'submit', '2026-11-23', 'soon', 3, 'in 3d'],
      [5, 'submit', '2026-11-24', 'later', 4, 'in 4d'],
      [1, 'submit', '2026-12-01', 'later', 11, 'in 11d'],
    ]);
    expect(items.every((item) => item.overdue === item.daysLeft < 0)).toBe(true);
  });

  it('counts "soon" from the day and the window it is given', async () => {
    const store = await setup();
    const groups = async (today: string, within: number) =>
      (await dueList(store, today, within)).map((item) => `${item.claim.id}:${item.group}`);
    expect(await groups(TODAY, 0)).toEqual([
      '2:overdue',
      '6:overdue',
      '8:overdue',
      '4:today',
      '3:later',
      '5:later',
      '1:later',
    ]);
    expect(await groups('2026-11-17', 7)).toEqual([
      '2:soon',
      '6:soon',
      '8:soon',
      '4:soon',
      '3:soon',
      '5:soon',
      '1:later',
    ]);
  });

  it('is empty when nothing is open', async () => {
    expect(await dueList(useCaseDeps().store, TODAY, 3)).toEqual([]);
  });
});
