import { describe, expect, it } from 'vitest';
import type { Account, ClaimSummary, EvidenceInput } from '../../../src/app/deps.js';
import type { ClaimFields } from '../../../src/domain/claim.js';
import { CancelledError } from '../../../src/domain/errors.js';
import { runNewClaimWizard } from '../../../src/cli/wizard/new-claim-wizard.js';
import { reasonQuestion } from '../../../src/cli/wizard/questions.js';
import type { WizardServices } from '../../../src/cli/wizard/new-claim-wizard.js';
import { ScriptedPrompter } from '../../helpers/scripted-prompter.js';
import type { Answer } from '../../helpers/scripted-prompter.js';

interface Setup {
  accounts?: Account[];
  duplicates?: ClaimSummary[];
  files?: Record<string, string>;
}

function services(prompter: ScriptedPrompter, setup: Setup = {}) {
  const said: string[] = [];
  const previews: { fields: ClaimFields; evidence: readonly EvidenceInput[] }[] = [];
  const value: WizardServices = {
    prompter,
    now: new Date('2026-11-20T12:00:00Z'),
    home: '/home/ana',
    findAccount: (query) =>
      Promise.resolve(
        setup.accounts?.find((a) =>
          query.advertiserId ? a.advertiserId === query.advertiserId : a.name === query.name,
        ) ?? null,
      ),
    findOpenDuplicates: () => Promise.resolve(setup.duplicates ?? []),
    inspect: (path) => {
      const mime = setup.files?.[path];
      return mime ? Promise.resolve(mime) : Promise.reject(new Error(`Evidence file not found: ${path}.`));
    },
    preview: (fields, evidence) => {
      previews.push({ fields, evidence });
      return Promise.resolve();
    },
    say: (text) => said.push(text),
  };
  return { value, said, previews };
}

const run = (
  script: Record<string, Answer>,
  given: Partial<ClaimFields> = {},
  setup: Setup = {},
  evidence: EvidenceInput[] = [],
) => {
  const prompter = new ScriptedPrompter(script);
  const s = services(prompter, setup);
  return { prompter, ...s, result: runNewClaimWizard(s.value, given, evidence, { yes: false, allowDuplicate: false }) };
};

describe('the new-claim wizard', () => {
  it('asks only the required values an incorrect-charge claim on Ads Manager needs, in order', async () => {
    const { prompter, result, previews, said } = run(
      {
        channel: 'tiktok-ads',
        reason: 'incorrect-charge',
        advertiserId: '7012345678901',
        accountName: 'Acme Shoes',
        email: 'ads@acme.test',
        promotionId: '1790000001',
        charged: '$1,500.00',
        expected: '300',
        description: 'We were billed twice for the budget increase on 3 November.',
        evidence1: '"~/Downloads/invoice 11.pdf"',
        evidence1Caption: 'Invoice INV-1 showing both charges',
        moreEvidence1: 'done',
        review: 'save',
      },
      {},
      { files: { '/home/ana/Downloads/invoice 11.pdf': 'application/pdf' } },
    );
    const { fields, evidence } = await result;
    // Not asked: the promotion name, currency, requested amount and filing deadline (optional or
    // defaulted) and the invoice (a warned fact): they show in the review.
    expect(prompter.asked).toEqual([
      'channel',
      'reason',
      'advertiserId',
      'accountName',
      'email',
      'promotionId',
      'charged',
      'expected',
      'description',
      'evidence1',
      'evidence1Caption',
      'moreEvidence1',
      'review',
    ]);
    expect(fields).toMatchObject({
      currency: 'USD',
      charged: 150000,
      expected: 30000,
      invoice: null,
      requested: 120000,
      fileBy: null,
      start: null,
    });
    expect(evidence).toEqual([
      { kind: 'receipt', path: '/home/ana/Downloads/invoice 11.pdf', caption: 'Invoice INV-1 showing both charges' },
    ]);
    expect(previews).toHaveLength(1);
    expect(said).toContain(
      'Not asked, taken as: refund requested USD 1,200.00; currency USD. Change any of them below.',
    );
  });

  it('skips every question a flag answered, and asks only what is missing', async () => {
    const given: Partial<ClaimFields> = {
      channel: 'tiktok-promote',
      reason: 'accidental-charge',
      accountName: 'Corner Bakery',
      email: 'hi@bakery.test',
      promotionId: 'P-1',
      promotionName: null,
      currency: 'EUR',
      charged: 2000,
      description: 'Tapped Promote twice by accident on the same video.',
    };
    const { prompter, result } = run(
      { chargeDate: 'yesterday', evidence1: '', moreEvidence1: 'done', review: 'save' },
      given,
      {},
      [],
    );
    const { fields } = await result;
    expect(prompter.asked).toEqual(['chargeDate', 'evidence1', 'moreEvidence1', 'review']);
    expect(fields).toMatchObject({ chargeDate: '2026-11-19', noticedOn: null, requested: 2000, advertiserId: null });
  });

  it('shows the validation message and asks again after a bad answer', async () => {
    const { prompter, result } = run({
      channel: 'tiktok-ads',
      reason: 'incorrect-charge',
      advertiserId: ['70-12', '7012'],
      accountName: 'Acme',
      email: ['acme', 'a@acme.test'],
      promotionId: '1',
      charged: ['12.3456', '-5', 'all of it', '500'],
      expected: ['500', '200'],
      description: 'We were billed twice for the budget increase on 3 November.',
      evidence1: ['missing.pdf', ''],
      moreEvidence1: 'done',
      review: 'save',
    });
    const { fields } = await result;
    expect(prompter.rejected).toEqual({
      advertiserId: [expect.stringContaining('digits only')],
      email: [expect.stringContaining('not an email address')],
      charged: [
        expect.stringContaining('more than 2 decimals'),
        expect.stringContaining('negative'),
        '"all of it" is not an amount; write it like 1234.56, 1,234.56 or 1.234,56',
      ],
      expected: ['It must be less than the amount charged (USD 500.00).'],
      evidence1: ['Evidence file not found: missing.pdf.'],
    });
    expect(fields).toMatchObject({ advertiserId: '7012', charged: 50000, expected: 20000, requested: 30000 });
  });

  it("reads the first amount in the currency it names, in that currency's style", async () => {
    const { prompter, result } = run(
      {
        charged: 'EUR 1.234,50',
        cancelledOn: 'yesterday',
        cancelReason: 'Shop closed',
        evidence1: '',
        moreEvidence1: 'done',
        review: 'save',
      },
      {
        channel: 'tiktok-promote',
        reason: 'campaign-cancelled',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: 'P-1',
        description: 'Cancelled the order the day after paying for it.',
      },
    );
    expect((await result).fields).toMatchObject({ currency: 'EUR', charged: 123450, requested: 123450 });
    expect(prompter.messages.charged).toBe("Amount charged (USD, or write another currency's code: EUR 1.234,50)");

    // With --currency EUR given, the amount is read in EUR, commas and all.
    const eur = run(
      {
        charged: '12,50',
        cancelledOn: 'yesterday',
        cancelReason: 'Shop closed',
        evidence1: '',
        moreEvidence1: 'done',
        review: 'save',
      },
      {
        channel: 'tiktok-promote',
        reason: 'campaign-cancelled',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: 'P-1',
        currency: 'EUR',
        description: 'Cancelled the order the day after paying for it.',
      },
    );
    expect((await eur.result).fields).toMatchObject({ currency: 'EUR', charged: 1250 });
    expect(eur.prompter.messages.charged).toBe('Amount charged (EUR)');
  });

  it('keeps every line of a multi-line description', async () => {
    const { result } = run(
      {
        description: 'Paid on 1 Nov.\nNothing was posted.\n\nOur messages went unanswered.',
        review: 'save',
        evidence1: '',
        evidence2: '',
        moreEvidence1: 'done',
      },
      {
        channel: 'creator',
        reason: 'creator-no-delivery',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: 'deal-7',
        charged: 80000,
        creator: '@studio',
        deliverables: 'Two videos',
        deliverablesDue: '2026-11-10',
      },
    );
    expect((await result).fields.description).toBe(
      'Paid on 1 Nov.\nNothing was posted.\n\nOur messages went unanswered.',
    );
  });

  it('offers a saved account that matches the advertiser ID', async () => {
    const { prompter, result } = run(
      {
        advertiserId: '7012345678901',
        useSavedAccount: true,
        promotionId: '1',
        charged: '10',
        cancelledOn: 'yesterday',
        cancelReason: 'The product launch was called off.',
        description: 'The campaign was cancelled before it started running.',
        evidence1: '',
        moreEvidence1: 'done',
        review: 'save',
      },
      { channel: 'tiktok-ads', reason: 'campaign-cancelled' },
      {
        accounts: [
          { name: 'Acme Shoes', advertiserId: '7012345678901', email: 'ads@acme.test', agency: null, salesRep: null },
        ],
      },
    );
    expect((await result).fields).toMatchObject({ accountName: 'Acme Shoes', email: 'ads@acme.test' });
    expect(prompter.asked).not.toContain('accountName');
  });

  it('shows a saved account imported with control characters escaped when offering it', async () => {
    const { prompter, result } = run(
      {
        advertiserId: '7012345678901',
        useSavedAccount: true,
        promotionId: '1',
        charged: '10',
        cancelledOn: 'yesterday',
        cancelReason: 'The product launch was called off.',
        description: 'The campaign was cancelled before it started running.',
        evidence1: '',
        moreEvidence1: 'done',
        review: 'save',
      },
      { channel: 'tiktok-ads', reason: 'campaign-cancelled' },
      {
        accounts: [
          {
            name: 'Acme\u001b[2J\u0007',
            advertiserId: '7012345678901',
            email: 'ads@acme.test',
            agency: null,
            salesRep: null,
          },
        ],
      },
    );
    await result;
    expect(prompter.messages.useSavedAccount).toBe(
      'Use the saved account Acme\\x1b[2J\\x07 (advertiser 7012345678901) <ads@acme.test>?',
    );
  });

  it('asks which kind a file is for either-or evidence by its type, then takes extra files', async () => {
    const { result } = run(
      {
        channel: 'tiktok-ads',
        reason: 'technical-issue',
        advertiserId: '1',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: '1',
        charged: '10',
        start: '2026-11-01',
        end: ['2026-10-01', '2026-11-05'],
        failure: 'delivery',
        description: 'Delivery stopped on 2 Nov with an error in Ads Manager.',
        evidence1: 'rec.mp4',
        evidence1Caption: '',
        moreEvidence1: 'report',
        extraEvidence1: 'report.csv',
        extraEvidence1Caption: 'Daily delivery',
        moreEvidence2: 'done',
        review: 'save',
      },
      {},
      { files: { 'rec.mp4': 'video/mp4', 'report.csv': 'text/csv' } },
    );
    expect((await result).evidence).toEqual([
      { kind: 'recording', path: 'rec.mp4', caption: null },
      { kind: 'report', path: 'report.csv', caption: 'Daily delivery' },
    ]);
  });

  it('warns before an unspent-balance request and stops when declined', async () => {
    const { result, said } = run({ channel: 'tiktok-ads', reason: 'unspent-balance', unspentBalanceWarning: false });
    await expect(result).rejects.toBeInstanceOf(CancelledError);
    expect(said.join('\n')).toContain('closed for good');
  });

  it('refuses --as-credit on an unspent balance before asking anything else', async () => {
    const { result, prompter } = run({ channel: 'tiktok-ads', reason: 'unspent-balance' }, { asCredit: true });
    await expect(result).rejects.toThrow('--as-credit does not fit an unspent-balance claim');
    expect(prompter.asked).toEqual(['channel', 'reason']);
  });

  it('stops when a duplicate is not wanted, and when the review is cancelled', async () => {
    const duplicate = { id: 3, status: 'submitted', reason: 'incorrect-charge' } as ClaimSummary;
    const first = run(
      {
        channel: 'tiktok-ads',
        reason: 'incorrect-charge',
        advertiserId: '1',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: '1',
        allowDuplicate: false,
      },
      {},
      { duplicates: [duplicate] },
    );
    await expect(first.result).rejects.toThrow('continue with RC-0003 instead');

    const second = run({
      channel: 'creator',
      reason: 'creator-no-delivery',
      accountName: 'A',
      email: 'a@a.test',
      promotionId: 'deal-7',
      charged: '800',
      creator: 'studio.name',
      deliverables: 'Two videos by 10 Nov',
      deliverablesDue: '2026-11-10',
      description: 'The creator was paid and has not posted either video.',
      evidence1: '',
      evidence2: '',
      moreEvidence1: 'done',
      review: 'cancel',
    });
    await expect(second.result).rejects.toThrow('Cancelled — nothing was saved.');
  });
});

describe('the review: save, change a value, or cancel', () => {
  const complete: Partial<ClaimFields> = {
    channel: 'tiktok-ads',
    reason: 'incorrect-charge',
    advertiserId: '7012345678901',
    accountName: 'Acme Shoes',
    email: 'ads@acme.test',
    promotionId: '1790000001',
    currency: 'USD',
    charged: 50000,
    expected: 30000,
    description: 'We were billed twice for the budget increase on 3 November.',
  };

  it('changes a value, shows the new draft, and loops until save', async () => {
    const { prompter, result, previews } = run(
      {
        evidence1: 'invoice.pdf',
        evidence1Caption: 'Invoce',
        moreEvidence1: 'done',
        review: ['change', 'change', 'change', 'change', 'save'],
        changeField: ['charged', 'requested', 'invoice', 'caption:1'],
        charged: '600',
        requested: ['all of it', '250'],
        invoice: 'INV-4471',
        caption1: 'Invoice INV-4471 showing both charges',
      },
      complete,
      { files: { 'invoice.pdf': 'application/pdf' } },
    );
    const { fields, evidence } = await result;
    expect(fields).toMatchObject({ charged: 60000, expected: 30000, requested: 25000, invoice: 'INV-4471' });
    expect(evidence[0]?.caption).toBe('Invoice INV-4471 showing both charges');
    // The draft is shown again after every change.
    expect(previews.map((p) => [p.fields.charged, p.fields.requested, p.fields.invoice])).toEqual([
      [50000, 20000, null],
      [60000, 30000, null],
      [60000, 25000, null],
      [60000, 25000, 'INV-4471'],
      [60000, 25000, 'INV-4471'],
    ]);
    expect(prompter.rejected.requested).toEqual([
      '"all of it" is not an amount; write it like 1234.56, 1,234.56 or 1.234,56',
    ]);
    expect(prompter.messages.changeField).toContain('Which value?');
    expect(prompter.unused()).toEqual([]);
  });

  it('asks again with the current value as the default: Enter keeps it', async () => {
    const { result } = run(
      {
        evidence1: '',
        moreEvidence1: 'done',
        review: ['change', 'save'],
        changeField: 'email',
        email: '',
      },
      complete,
    );
    expect((await result).fields.email).toBe('ads@acme.test');
  });

  it('changing the reason asks what the new reason requires, and nothing typed is lost', async () => {
    const { prompter, result } = run(
      {
        evidence1: '',
        moreEvidence1: 'done',
        review: ['change', 'save'],
        changeField: 'reason',
        reason: 'accidental-charge',
        chargeDate: '2026-11-03',
      },
      complete,
    );
    const { fields } = await result;
    expect(fields).toMatchObject({ reason: 'accidental-charge', chargeDate: '2026-11-03', accountName: 'Acme Shoes' });
    expect(prompter.asked.slice(-4)).toEqual(['changeField', 'reason', 'chargeDate', 'review']);
  });

  it('will not save values that contradict each other: it says which to change', async () => {
    const { result, said } = run(
      {
        evidence1: '',
        moreEvidence1: 'done',
        review: ['change', 'change', 'save', 'change', 'change', 'save'],
        changeField: ['requested', 'charged', 'expected', 'requested'],
        requested: ['150', '100'],
        charged: '100',
        expected: '50',
      },
      complete,
    );
    const { fields } = await result;
    expect(fields).toMatchObject({ charged: 10000, expected: 5000, requested: 10000 });
    expect(said.join('\n')).toContain(
      'Cannot save yet: the requested amount (USD 150.00) is more than was charged (USD 100.00); ' +
        'change the requested amount.',
    );
  });
});

describe('the wizard and the rules that tie fields together', () => {
  it("refuses an end before the start with the domain's rule, worded for the question", async () => {
    const { prompter, result } = run(
      {
        charged: '10',
        start: '2026-11-10',
        end: ['2026-11-01', '2026-11-10'],
        failure: 'delivery',
        description: 'Delivery stopped on 2 Nov with an error in Ads Manager.',
        evidence1: '',
        moreEvidence1: 'done',
        review: ['change', 'save'],
        changeField: 'requested',
        requested: ['11', ''],
      },
      {
        channel: 'tiktok-promote',
        reason: 'technical-issue',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: '1',
      },
    );
    expect((await result).fields).toMatchObject({ start: '2026-11-10', end: '2026-11-10', requested: 1000 });
    expect(prompter.rejected).toEqual({
      end: ['The promotion cannot end before it starts (2026-11-10).'],
      requested: ['It cannot be more than was charged (USD 10.00).'],
    });
  });
});

describe('the wizard and the channel', () => {
  it('offers only the reasons the channel allows', () => {
    const reasons = (channel: 'tiktok-ads' | 'tiktok-promote' | 'creator') =>
      reasonQuestion(channel).choices.map((choice) => choice.value);
    expect(reasons('creator')).toEqual([
      'creator-no-delivery',
      'campaign-cancelled',
      'non-performance',
      'incorrect-charge',
      'accidental-charge',
    ]);
    expect(reasons('tiktok-promote')).not.toContain('unspent-balance');
    expect(reasons('tiktok-ads')).toContain('unspent-balance');
  });

  it('refuses a reason from the flags that the channel does not allow', async () => {
    const { result } = run({}, { channel: 'creator', reason: 'unspent-balance' });
    await expect(result).rejects.toThrow('A creator claim cannot be for unspent-balance');
  });

  it('for an unspent balance, takes the advertiser ID as the promotion ID and asks for the balance', async () => {
    const { prompter, result } = run({
      channel: 'tiktok-ads',
      reason: 'unspent-balance',
      unspentBalanceWarning: true,
      advertiserId: '7012345678901',
      accountName: 'Acme Shoes',
      email: 'ads@acme.test',
      charged: '120',
      balanceShownOn: 'yesterday',
      description: 'We are closing the ad account and want the unspent prepaid balance back.',
      evidence1: '',
      moreEvidence1: 'done',
      review: 'save',
    });
    const { fields } = await result;
    expect(prompter.asked).not.toContain('promotionId');
    expect(prompter.asked).not.toContain('promotionName');
    expect(fields).toMatchObject({ promotionId: '7012345678901', balanceShownOn: '2026-11-19', charged: 12000 });
  });
});

describe('the review of a creator claim', () => {
  it('says how the partnership was taken as paid, and changes it to TikTok One', async () => {
    const { result, said, previews } = run(
      {
        evidence1: '',
        evidence2: '',
        moreEvidence1: 'done',
        review: ['change', 'save'],
        changeField: 'paidVia',
        paidVia: 'tiktok-one',
      },
      {
        channel: 'creator',
        reason: 'creator-no-delivery',
        accountName: 'A',
        email: 'a@a.test',
        promotionId: 'TTO-1',
        charged: 80000,
        creator: '@studio',
        deliverables: 'Two videos',
        deliverablesDue: '2026-11-10',
        description: 'The creator was paid and has not posted either video.',
      },
    );
    expect((await result).fields.paidVia).toBe('tiktok-one');
    expect(said[0]).toBe(
      'Not asked, taken as: refund requested USD 800.00; currency USD; paid directly, not through TikTok One. ' +
        'Change any of them below.',
    );
    expect(previews.map((p) => p.fields.paidVia)).toEqual(['direct', 'tiktok-one']);
  });
});
