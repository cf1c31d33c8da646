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
  it('asks for everything an incorrect-charge claim on Ads Manager needs, in order', async () => {
    const { prompter, result, previews } = run(
      {
        channel: 'tiktok-ads',
        reason: 'incorrect-charge',
        advertiserId: '7012345678901',
        accountName: 'Acme Shoes',
        email: 'ads@acme.test',
        promotionId: '1790000001',
        promotionName: 'Summer sale',
        currency: '',
        charged: '$1,500.00',
        expected: '300',
        invoice: 'INV-1',
        requested: '',
        description: 'We were billed twice for the budget increase on 3 November.',
        fileBy: '',
        evidence1: '"~/Downloads/invoice 11.pdf"',
        evidence1Caption: 'Invoice INV-1 showing both charges',
        moreEvidence1: 'done',
        save: true,
      },
      {},
      { files: { '/home/ana/Downloads/invoice 11.pdf': 'application/pdf' } },
    );
    const { fields, evidence } = await result;
    expect(prompter.asked).toEqual([
      'channel',
      'reason',
      'advertiserId',
      'accountName',
      'email',
      'promotionId',
      'promotionName',
      'currency',
      'charged',
      'expected',
      'invoice',
      'requested',
      'description',
      'fileBy',
      'evidence1',
      'evidence1Caption',
      'moreEvidence1',
      'save',
    ]);
    expect(fields).toMatchObject({
      currency: 'USD',
      charged: 150000,
      expected: 30000,
      invoice: 'INV-1',
      requested: 120000,
      fileBy: null,
      start: null,
    });
    expect(evidence).toEqual([
      { kind: 'receipt', path: '/home/ana/Downloads/invoice 11.pdf', caption: 'Invoice INV-1 showing both charges' },
    ]);
    expect(previews).toHaveLength(1);
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
      {
        chargeDate: 'yesterday',
        noticedOn: '',
        invoice: '',
        requested: '',
        fileBy: '',
        evidence1: '',
        moreEvidence1: 'done',
        save: true,
      },
      given,
      {},
      [],
    );
    const { fields } = await result;
    expect(prompter.asked).toEqual([
      'chargeDate',
      'noticedOn',
      'invoice',
      'requested',
      'fileBy',
      'evidence1',
      'moreEvidence1',
      'save',
    ]);
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
      promotionName: '',
      currency: ['dollars', 'usd'],
      charged: ['12.345', '-5', '500'],
      expected: ['500', '200'],
      invoice: '',
      requested: ['600', '250'],
      description: 'We were billed twice for the budget increase on 3 November.',
      fileBy: ['tomorrow', ''],
      evidence1: ['missing.pdf', ''],
      moreEvidence1: 'done',
      save: true,
    });
    const { fields } = await result;
    expect(prompter.rejected).toEqual({
      advertiserId: [expect.stringContaining('digits only')],
      email: [expect.stringContaining('not an email address')],
      currency: [expect.stringContaining('ISO 4217')],
      charged: [expect.stringContaining('more than 2 decimals'), expect.stringContaining('negative')],
      expected: ['It must be less than the amount charged (USD 500.00).'],
      requested: ['It cannot be more than was charged (USD 500.00).'],
      fileBy: [expect.stringContaining('YYYY-MM-DD')],
      evidence1: ['Evidence file not found: missing.pdf.'],
    });
    expect(fields).toMatchObject({ advertiserId: '7012', charged: 50000, expected: 20000, requested: 25000 });
  });

  it('offers a saved account that matches the advertiser ID', async () => {
    const { prompter, result } = run(
      {
        advertiserId: '7012345678901',
        useSavedAccount: true,
        promotionId: '1',
        promotionName: '',
        currency: '',
        charged: '10',
        cancelledOn: 'yesterday',
        cancelReason: 'The product launch was called off.',
        requested: '',
        description: 'The campaign was cancelled before it started running.',
        fileBy: '',
        evidence1: '',
        moreEvidence1: 'done',
        save: true,
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
        promotionName: '',
        currency: '',
        charged: '10',
        cancelledOn: 'yesterday',
        cancelReason: 'The product launch was called off.',
        requested: '',
        description: 'The campaign was cancelled before it started running.',
        fileBy: '',
        evidence1: '',
        moreEvidence1: 'done',
        save: true,
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
        promotionName: '',
        currency: '',
        charged: '10',
        start: '2026-11-01',
        end: ['2026-10-01', '2026-11-05'],
        failure: 'delivery',
        noticedOn: '2026-11-02',
        requested: '',
        description: 'Delivery stopped on 2 Nov with an error in Ads Manager.',
        fileBy: '',
        evidence1: 'rec.mp4',
        evidence1Caption: '',
        moreEvidence1: 'report',
        extraEvidence1: 'report.csv',
        extraEvidence1Caption: 'Daily delivery',
        moreEvidence2: 'done',
        save: true,
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

  it('stops when a duplicate is not wanted, and when saving is declined', async () => {
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
      promotionName: '',
      currency: '',
      charged: '800',
      creator: 'studio.name',
      deliverables: 'Two videos by 10 Nov',
      deliverablesDue: '2026-11-10',
      paidVia: '',
      requested: '',
      description: 'The creator was paid and has not posted either video.',
      fileBy: '',
      evidence1: '',
      evidence2: '',
      moreEvidence1: 'done',
      save: false,
    });
    await expect(second.result).rejects.toThrow('Not saved.');
  });
});

describe('the wizard and the rules that tie fields together', () => {
  it("refuses an end before the start with the domain's rule, worded for the question", async () => {
    const { prompter, result } = run(
      {
        promotionName: '',
        currency: '',
        charged: '10',
        start: '2026-11-10',
        end: ['2026-11-01', '2026-11-10'],
        failure: 'delivery',
        noticedOn: '',
        requested: ['11', ''],
        description: 'Delivery stopped on 2 Nov with an error in Ads Manager.',
        fileBy: '',
        evidence1: '',
        moreEvidence1: 'done',
        save: true,
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
      currency: '',
      charged: '120',
      balanceShownOn: 'yesterday',
      requested: '',
      description: 'We are closing the ad account and want the unspent prepaid balance back.',
      fileBy: '',
      evidence1: '',
      moreEvidence1: 'done',
      save: true,
    });
    const { fields } = await result;
    expect(prompter.asked).not.toContain('promotionId');
    expect(prompter.asked).not.toContain('promotionName');
    expect(fields).toMatchObject({ promotionId: '7012345678901', balanceShownOn: '2026-11-19', charged: 12000 });
  });
});
