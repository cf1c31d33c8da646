import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDraft } from '../../src/domain/draft-rules.js';
import { describe, expect, it } from 'vitest';
import { claimFlags, NOW } from '../helpers/cli.js';
import { runCli, showClaim } from '../helpers/in-process.js';
import { writeEvidenceFiles } from '../helpers/files.js';
import { ScriptedPrompter } from '../helpers/scripted-prompter.js';
import { tempDir } from '../helpers/temp.js';

interface Step {
  args: string[];
  /** "Now" for this step: the walk happens over three weeks. */
  now: string;
  status: string;
  next: { action: string; due: string } | null;
  stderr?: string;
}

// Mon 2 Nov 2026 drafted; every step is recorded on the day it happens.
const WALK: Step[] = [
  {
    args: ['submit', '1', '--ticket', '7301928374', '--on', '2026-11-03'],
    now: '2026-11-03',
    status: 'submitted',
    next: { action: 'followup', due: '2026-11-06' },
  },
  {
    args: [
      'log',
      '1',
      '--from',
      'support',
      '--info-requested',
      '--message',
      'Please send the invoice for the second charge.',
      '--on',
      '2026-11-05',
    ],
    now: '2026-11-05',
    status: 'info-requested',
    next: { action: 'reply', due: '2026-11-09' },
  },
  {
    args: [
      'log',
      '1',
      '--from',
      'me',
      '--message',
      'Attached the invoice.',
      '--attach',
      'notes.txt',
      '--on',
      '2026-11-06',
    ],
    now: '2026-11-06',
    status: 'submitted',
    next: { action: 'followup', due: '2026-11-11' },
  },
  {
    args: ['followup', '1', '--sent', '--on', '2026-11-11'],
    now: '2026-11-11',
    status: 'submitted',
    next: { action: 'followup', due: '2026-11-16' },
  },
  {
    args: ['followup', '1', '--sent', '--on', '2026-11-16'],
    now: '2026-11-16',
    status: 'submitted',
    next: { action: 'escalate', due: '2026-11-19' },
  },
  {
    args: ['followup', '1', '--sent', '--on', '2026-11-19'],
    now: '2026-11-19',
    status: 'submitted',
    next: { action: 'followup', due: '2026-11-26' },
    stderr: 'escalation sent on 2026-11-19',
  },
  {
    args: ['decision', '1', 'denied', '--reason', 'The charge is outside the refund window.', '--on', '2026-11-20'],
    now: '2026-11-20',
    status: 'denied',
    next: { action: 'appeal', due: '2026-11-27' },
  },
  {
    args: ['appeal', '1', '--sent', '--on', '2026-11-23'],
    now: '2026-11-23',
    status: 'appealed',
    next: { action: 'followup', due: '2026-11-26' },
  },
  {
    args: ['decision', '1', 'approved', '--expect-by', '2026-12-15', '--on', '2026-11-25'],
    now: '2026-11-25',
    status: 'approved',
    next: { action: 'confirm-refund', due: '2026-12-15' },
  },
  {
    args: ['close', '1', '--outcome', 'refunded', '--on', '2026-12-01'],
    now: '2026-12-02',
    status: 'refunded',
    next: null,
  },
];

const at = (day: string) => `${day}T12:00:00.000Z`;

describe('a claim from filing to refund', () => {
  it('moves status and next action correctly at every step', async () => {
    const home = tempDir();
    writeEvidenceFiles(home);
    expect((await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home, now: at('2026-11-02') })).code).toBe(0);
    for (const step of WALK) {
      const result = await runCli(step.args, { home, now: at(step.now) });
      expect(result.code, `${step.args.join(' ')}\n${result.stderr}`).toBe(0);
      expect(result.stderr).toContain(`Status: ${step.status}.`);
      if (step.stderr) expect(result.stderr).toContain(step.stderr);
      const claim = await showClaim(home, '1', at(step.now));
      expect(claim.status).toBe(step.status);
      expect(claim.nextAction === null ? null : { action: claim.nextAction.action, due: claim.nextAction.due }).toEqual(
        step.next,
      );
      const status = JSON.parse((await runCli(['status', '--json'], { home, now: at(step.now) })).stdout) as unknown[];
      expect(status).toEqual(
        step.next
          ? [
              {
                id: 'RC-0001',
                status: step.status,
                action: step.next.action,
                due: step.next.due,
                overdue: false,
                daysLeft: expect.any(Number),
                account: 'Acme Shoes',
              },
            ]
          : [],
      );
    }
    const final = await showClaim(home, '1', at('2026-12-02'));
    expect(final.amounts).toMatchObject({ requested: '200.00', approved: '200.00', recovered: '200.00' });
    expect(final.ticketNumber).toBe('7301928374');
    expect(final.evidence.map((e) => e.kind)).toEqual(['receipt', 'correspondence']);
    expect(final.events.map((e) => `${e.at} ${e.type}`)).toEqual([
      '2026-11-02 created',
      '2026-11-03 submitted',
      '2026-11-05 message',
      '2026-11-06 message',
      '2026-11-11 followup-sent',
      '2026-11-16 followup-sent',
      '2026-11-19 escalation-sent',
      '2026-11-20 decision',
      '2026-11-23 appeal-sent',
      '2026-11-25 decision',
      '2026-12-01 closed',
    ]);
    const shown = (await runCli(['show', '1'], { home, now: at('2026-12-02') })).stdout;
    expect(shown).toContain(
      '2026-11-05  Support asked for more information  (by ana)\n              > Please send the invoice for the second charge.',
    );
    expect(shown).toContain(
      '2026-11-20  Decision: denied (reason given: The charge is outside the refund window.)  (by ana)',
    );
    expect(shown).toContain('2026-12-01  Closed: refunded, USD 200.00 recovered  (by ana)');
  });
});

describe('lifecycle commands', () => {
  const setUp = async (now = at('2026-11-02')) => {
    const home = tempDir();
    writeEvidenceFiles(home);
    await runCli([...claimFlags(), '--receipt', 'invoice.pdf'], { home, now });
    return home;
  };

  it('refuses a move that does not fit the status with exit 1, naming the allowed moves', async () => {
    const home = await setUp();
    const result = await runCli(['decision', '1', 'approved'], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: RC-0001 is draft; `decision approved|partially-approved|denied` does not fit that status.\n' +
        '  Allowed now: refund-claim submit RC-0001 --ticket <number>; refund-claim log RC-0001 --from support|me --message <text>; refund-claim close RC-0001 --outcome withdrawn\n',
    );
    expect((await runCli(['appeal', '1'], { home })).code).toBe(1);
    expect((await runCli(['followup', '1'], { home })).code).toBe(1);
  });

  it('refuses a future --on with exit 2 and records nothing', async () => {
    const home = await setUp();
    const result = await runCli(['submit', '1', '--ticket', '1', '--on', '2026-11-21'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: --on 2026-11-21 is in the future.');
    const bad = await runCli(['submit', '1', '--ticket', '1', '--on', 'last week'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--on "last week" is not a date; use YYYY-MM-DD');
    expect((await showClaim(home, '1')).status).toBe('draft');
  });

  it('accepts a date before the claim was drafted: steps are often recorded after the fact', async () => {
    const home = await setUp();
    const result = await runCli(['submit', '1', '--ticket', 'T-1', '--on', '2026-10-28'], { home });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Next: follow up with support, due 2026-11-02 (overdue 18d).');
  });

  it('drafts a follow-up with the ticket number, the days waiting and the questions', async () => {
    const home = await setUp();
    await runCli(['submit', '1', '--ticket', '7301928374', '--on', '2026-11-03'], { home });
    const result = await runCli(['followup', '1'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Subject: Follow-up, ticket 7301928374: refund of USD 200.00 for "Summer sale" [RC-0001]',
    );
    expect(result.stdout).toContain('The request has been waiting 17 days for an answer, since 3 Nov 2026.');
    expect(result.stdout).toContain(
      '1. the current status of this request, and\n2. the date by which it should be resolved?',
    );
    expect(result.stderr).toBe('');
    // Printing is not sending: nothing recorded.
    expect((await showClaim(home, '1')).events).toHaveLength(2);
    const out = join(home, 'followup.txt');
    expect((await runCli(['followup', '1', '--out', out], { home })).stdout).toBe('');
    expect(readFileSync(out, 'utf8').trimEnd()).toBe(result.stdout.trimEnd());
  });

  it('drafts the escalation after two unanswered follow-ups, with the chargeback route', async () => {
    const home = await setUp();
    await runCli(['submit', '1', '--ticket', '7301928374', '--on', '2026-11-03'], { home });
    await runCli(['followup', '1', '--sent', '--on', '2026-11-09'], { home });
    await runCli(['followup', '1', '--sent', '--on', '2026-11-12'], { home });
    const result = await runCli(['followup', '1'], { home });
    expect(lintDraft(result.stdout, { claimId: 'RC-0001' })).toEqual([]);
    expect(result.stdout).toContain(
      'Subject: Escalate ticket 7301928374: refund of USD 200.00 for "Summer sale" [RC-0001]',
    );
    expect(result.stdout).toContain('Please pass support ticket 7301928374 to a support supervisor.');
    expect(result.stdout).toContain('- Follow-ups sent: 9 Nov 2026 and 12 Nov 2026; no answer');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('dispute the charge with the card issuer');
  });

  it('drafts an appeal that quotes the denial reason and points at the numbered evidence', async () => {
    const home = await setUp();
    await runCli(['submit', '1', '--ticket', '7301928374', '--on', '2026-11-03'], { home });
    await runCli(['decision', '1', 'denied', '--reason', 'No double charge found.', '--on', '2026-11-10'], { home });
    const result = await runCli(['appeal', '1'], { home });
    expect(lintDraft(result.stdout, { claimId: 'RC-0001' })).toEqual([]);
    expect(result.stdout).toContain('THE REASON GIVEN\n"No double charge found."\n\nTHE ANSWER\n');
    expect(result.stdout).toContain('- Receipt, invoice or billing statement (file 01)\n');
    expect(result.stdout).toContain('01  01-receipt-invoice.pdf  Receipt, invoice or billing statement\n');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      'Please reverse the decision and refund USD 200.00 to the original payment method',
    );
    expect(result.stderr).toContain('Tip: answer the reason support gave in your own words with --answer');
    const answered = await runCli(['appeal', '1', '--answer', 'Invoice #1 shows both charges on 3 Nov.'], { home });
    expect(answered.stdout).toContain(
      '"No double charge found."\n\nTHE ANSWER\nInvoice #1 shows both charges on 3 Nov.\n',
    );
    expect(answered.stderr).toBe('');
  });

  it('asks to reconsider only the rest after a partial approval', async () => {
    const home = await setUp();
    await runCli(['submit', '1', '--ticket', '7301928374', '--on', '2026-11-03'], { home });
    await runCli(['decision', '1', 'partially-approved', '--amount', '120', '--on', '2026-11-10'], { home });
    const result = await runCli(['appeal', '1'], { home });
    const flat = result.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'which approved USD 120.00 of the USD 200.00 requested. This appeal is for the remaining USD 80.00.',
    );
    expect(flat).toContain(
      'Please reconsider the decision and refund the remaining USD 80.00 to the original payment method',
    );
  });

  it('places a step recorded after the fact by its date, and refuses one that breaks the history', async () => {
    const home = await setUp();
    await runCli(['submit', '1', '--ticket', 'T', '--on', '2026-11-02'], { home });
    await runCli(['log', '1', '--from', 'me', '--message', 'Here is the invoice.', '--on', '2026-11-19'], { home });
    // Support's request came the day before the reply that was already recorded.
    const late = await runCli(
      ['log', '1', '--from', 'support', '--info-requested', '--message', 'Send the invoice.', '--on', '2026-11-18'],
      { home },
    );
    expect(late.code).toBe(0);
    expect((await showClaim(home)).status).toBe('submitted');
    await runCli(['decision', '1', 'denied', '--on', '2026-11-20'], { home });
    const broken = await runCli(['close', '1', '--outcome', 'withdrawn', '--on', '2026-11-10'], { home });
    expect(broken.code).toBe(1);
    expect(broken.stderr.split('\n')[0]).toBe(
      'error: With this step on 2026-11-10, the message of 2026-11-18 would no longer fit: RC-0001 would be withdrawn then.',
    );
    const early = await runCli(['decision', '1', 'approved', '--on', '2026-11-01'], { home });
    expect(early.stderr.split('\n')[0]).toBe(
      'error: On 2026-11-01 RC-0001 was draft; `decision approved|partially-approved|denied` does not fit then.',
    );
  });

  it('validates decision and close amounts like every amount', async () => {
    const home = await setUp();
    await runCli(['submit', '1', '--ticket', 'T', '--on', '2026-11-03'], { home });
    const cases: [string[], number, string][] = [
      [['decision', '1', 'partially-approved'], 2, 'A partial approval needs --amount'],
      [
        ['decision', '1', 'partially-approved', '--amount', '200'],
        2,
        '--amount of a partial approval is less than the requested amount; record it as approved',
      ],
      [['decision', '1', 'approved', '--amount', '12.3456'], 2, '--amount "12.3456" has more than 2 decimals for USD'],
      [
        ['decision', '1', 'approved', '--amount', '250'],
        2,
        '--amount USD 250.00 is more than the USD 200.00 requested.',
      ],
      [['decision', '1', 'denied', '--amount', '5'], 2, '--amount goes with approved or partially-approved'],
      [
        ['close', '1', '--outcome', 'rejected'],
        1,
        'RC-0001 is submitted; `close --outcome rejected` does not fit that status.',
      ],
      [['close', '1', '--outcome', 'withdrawn', '--amount', '5'], 2, '--amount goes with refunded or credited'],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args, { home });
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stderr).toContain(message);
    }
    const partial = await runCli(['decision', '1', 'partially-approved', '--amount', '120'], { home });
    expect(partial.code).toBe(0);
    const closed = await runCli(['close', '1', '--outcome', 'credited', '--amount', '250', '--yes'], { home });
    expect(closed.stderr).toContain('closed as credited, USD 250.00 recovered');
    expect((await showClaim(home, '1')).amounts).toMatchObject({
      approved: '120.00',
      recovered: '250.00',
    });
  });

  it('status --exit-status exits 8 when anything is overdue, and lists overdue first', async () => {
    const home = await setUp();
    await runCli([...claimFlags({ '--promotion-id': '2' }), '--file-by', '2026-12-10'], { home });
    const early = await runCli(['status', '--exit-status'], { home, now: at('2026-11-03') });
    expect(early.code).toBe(0);
    const late = await runCli(['status', '--exit-status'], { home, now: at('2026-11-06') });
    expect(late.code).toBe(8);
    expect(late.stdout).toBe(
      'RC-0001\tdraft\tsubmit\t2026-11-04\toverdue 2d\tAcme Shoes\t1790000001\tSummer sale\tUSD\t200.00\n' +
        'RC-0002\tdraft\tsubmit\t2026-12-10\tin 34d\tAcme Shoes\t2\tSummer sale\tUSD\t200.00\n',
    );
    const json = await runCli(['status', '--json', '--exit-status'], { home, now: at('2026-11-06') });
    expect(json.code).toBe(8);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        id: 'RC-0001',
        status: 'draft',
        action: 'submit',
        due: '2026-11-04',
        overdue: true,
        daysLeft: -2,
        account: 'Acme Shoes',
      },
      {
        id: 'RC-0002',
        status: 'draft',
        action: 'submit',
        due: '2026-12-10',
        overdue: false,
        daysLeft: 34,
        account: 'Acme Shoes',
      },
    ]);
  });
});

describe('ticket and appeal, as a person meets them', () => {
  it('ticket prints the draft and warns on stderr about each check error with its fix', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW });
    const result = await runCli(['ticket', '1'], { home, now: NOW });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Subject: Overcharge for "Summer sale"');
    expect(result.stderr).toBe(
      [
        'warning: RC-0001 has 1 error in check; support may refuse it as it is:',
        '  error    An incorrect-charge claim needs a receipt, invoice or billing statement; none is attached.',
        '           fix: refund-claim attach RC-0001 <file> --kind receipt',
        '',
      ].join('\n'),
    );
    writeEvidenceFiles(home);
    await runCli(['attach', '1', 'invoice.pdf', '--kind', 'receipt'], { home, now: NOW });
    expect((await runCli(['ticket', '1'], { home, now: NOW })).stderr).toBe('');
  });

  it('appeal asks for the answer at a terminal, quoting the reason; empty answers from the facts', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home, now: NOW });
    await runCli(['submit', '1', '--ticket', '7301928374', '--on', '2026-11-10'], { home, now: NOW });
    await runCli(['decision', '1', 'denied', '--reason', 'Outside the refund window', '--on', '2026-11-16'], {
      home,
      now: NOW,
    });
    const prompter = new ScriptedPrompter({ answer: 'The charge was on 3 Nov.\nThe ticket was filed on 10 Nov.' });
    const asked = await runCli(['appeal', '1'], { home, now: NOW, prompter });
    expect(asked.code).toBe(0);
    expect(prompter.messages.answer).toBe(
      'Your answer to "Outside the refund window" (empty: answer from the claim\'s facts and evidence)',
    );
    expect(asked.stdout).toContain('THE ANSWER\nThe charge was on 3 Nov.\nThe ticket was filed on 10 Nov.\n');
    expect(asked.stderr).toBe('');

    const empty = await runCli(['appeal', '1'], { home, now: NOW, prompter: new ScriptedPrompter({ answer: '' }) });
    expect(empty.stdout).toContain('THE ANSWER\nThe request stands because');
    expect(empty.stderr).toContain('Tip: answer the reason support gave');

    // --answer-file, from a file and from standard input; nothing is asked then.
    writeFileSync(join(home, 'answer.txt'), 'Filed within 7 days of the charge.\n');
    const fromFile = await runCli(['appeal', '1', '--answer-file', 'answer.txt'], {
      home,
      now: NOW,
      prompter: new ScriptedPrompter({}),
    });
    expect(fromFile.stdout).toContain('THE ANSWER\nFiled within 7 days of the charge.\n');
    const fromStdin = await runCli(['appeal', '1', '--answer-file', '-'], { home, now: NOW, input: 'From stdin.\n' });
    expect(fromStdin.stdout).toContain('THE ANSWER\nFrom stdin.\n');
    const both = await runCli(['appeal', '1', '--answer', 'a', '--answer-file', 'answer.txt'], { home, now: NOW });
    expect(both.code).toBe(2);
    expect((await runCli(['appeal', '1', '--answer-file', 'missing.txt'], { home, now: NOW })).code).toBe(2);
  });
});
