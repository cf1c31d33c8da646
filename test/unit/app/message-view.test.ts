import { describe, expect, it } from 'vitest';
import { messageView } from '../../../src/app/formats/message-view.js';
import { claim, evidence } from '../../helpers/claims.js';

const HOSTILE = 'x\u001b[2J\u0007\r\u009b\u007f\u202e';
const SHOWN = 'x\\x1b[2J\\x07\\r\\x9b\\x7f\\u202e';

/** Every string of a view, with where it is. */
function strings(value: unknown, path = 'view'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  }
  return [];
}

describe('the template views', () => {
  it('hold no control character but the line breaks and tabs of free text, whatever the claim holds', () => {
    const hostile = claim({
      status: 'denied',
      accountName: HOSTILE,
      promotionName: HOSTILE,
      ticketNumber: HOSTILE,
      description: `one\t${HOSTILE}\r\ntwo`,
      evidence: [evidence('receipt', 1, { name: HOSTILE, caption: HOSTILE })],
      events: [
        {
          seq: 1,
          type: 'created',
          on: '2026-11-01',
          recordedAt: '2026-11-01T09:00:00.000Z',
          note: null,
          data: {},
          actor: null,
        },
        {
          seq: 2,
          type: 'submitted',
          on: '2026-11-02',
          recordedAt: '2026-11-02T09:00:00.000Z',
          note: HOSTILE,
          actor: null,
          data: { ticket: HOSTILE },
        },
        {
          seq: 3,
          type: 'message',
          on: '2026-11-03',
          recordedAt: '2026-11-03T09:00:00.000Z',
          note: null,
          actor: null,
          data: { from: 'support', message: `Hello ${HOSTILE}\nBye` },
        },
        {
          seq: 4,
          type: 'decision',
          on: '2026-11-04',
          recordedAt: '2026-11-04T09:00:00.000Z',
          note: null,
          actor: null,
          data: { decision: 'denied', reason: HOSTILE },
        },
      ],
    });
    const view = messageView(hostile, '2026-11-20', `My answer ${HOSTILE}\nline two`);
    for (const [path, text] of strings(view)) {
      // eslint-disable-next-line no-control-regex -- control characters are what must not appear
      expect(text, path).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    }
    expect(view).toMatchObject({
      account: { name: SHOWN },
      ticketNumber: SHOWN,
      description: `one\t${SHOWN}\ntwo`,
      evidence: [{ name: SHOWN, caption: SHOWN }],
      lastSupportReply: { message: `Hello ${SHOWN}\nBye` },
      decision: { reason: SHOWN },
      answer: `My answer ${SHOWN}\nline two`,
    });
    expect(view.timeline.map((entry) => entry.title)).toContain(`Ticket filed with support (ticket ${SHOWN})`);
  });
});
