/**
 * A store an agency might have on 20 Nov 2026: four accounts, four currencies (USD, EUR, JPY and
 * a creator deal in USD), claims filed from August to November, some refunded, credited, denied,
 * rejected, and open ones due in several weeks, overdue and not. Behind `report --html`'s tests
 * and the sample page in docs/.
 */
import { claimFlags, promoteFlags } from './cli.js';
import { runCli } from './in-process.js';

const acme = { '--account-name': 'Acme Shoes', '--advertiser-id': '7012345678901', '--email': 'ads@acme.test' };
const nordlicht = {
  '--account-name': 'Nordlicht GmbH',
  '--advertiser-id': '7098765432109',
  '--email': 'marketing@nordlicht.test',
  '--currency': 'EUR',
};

/** `new` lines without some of claimFlags' defaults (flag and value). */
function without(flags: string[], ...names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    if (names.includes(flag)) i += 1;
    else out.push(flag);
  }
  return out;
}

/** [command line, the day it is run]. Claim numbers follow the order of the `new` lines. */
export const SAMPLE_SCRIPT: [string[], string][] = [
  // RC-0001 Acme, USD 200 requested: approved after 10 days, refunded.
  [claimFlags({ ...acme, '--promotion-id': 'A1', '--promotion-name': 'Back to school' }), '2026-08-03'],
  [['submit', '1', '--ticket', 'T-1001', '--on', '2026-08-04'], '2026-08-04'],
  [['decision', '1', 'approved', '--on', '2026-08-14'], '2026-08-14'],
  [['close', '1', '--outcome', 'refunded', '--on', '2026-08-20'], '2026-08-20'],
  // RC-0002 Café Lumière, JPY 5,000: refunded 11 days after filing, without a recorded decision.
  [promoteFlags('PRM-2', '5000', '2026-08-19'), '2026-08-20'],
  [['submit', '2', '--ticket', 'T-1002', '--on', '2026-08-21'], '2026-08-21'],
  [['close', '2', '--outcome', 'refunded', '--on', '2026-09-01'], '2026-09-01'],
  // RC-0003 Acme, USD 1,200: partly approved (600) after 14 days, credited.
  [
    without(
      claimFlags({
        ...acme,
        '--reason': 'technical-issue',
        '--promotion-id': 'A3',
        '--promotion-name': 'Autumn launch',
        '--start': '2026-08-20',
        '--end': '2026-08-31',
        '--failure': 'delivery stopped while the budget kept being spent',
        '--charged': '1200',
      }),
      '--expected',
    ),
    '2026-09-01',
  ],
  [['submit', '3', '--ticket', 'T-1003', '--on', '2026-09-02'], '2026-09-02'],
  [['decision', '3', 'partially-approved', '--amount', '600', '--on', '2026-09-16'], '2026-09-16'],
  [['close', '3', '--outcome', 'credited', '--amount', '600', '--on', '2026-09-25'], '2026-09-25'],
  // RC-0004 Nordlicht, EUR 300: approved after 7 days, refunded.
  [claimFlags({ ...nordlicht, '--promotion-id': 'N4', '--charged': '900', '--expected': '600' }), '2026-09-07'],
  [['submit', '4', '--ticket', 'T-1004', '--on', '2026-09-08'], '2026-09-08'],
  [['decision', '4', 'approved', '--on', '2026-09-15'], '2026-09-15'],
  [['close', '4', '--outcome', 'refunded', '--on', '2026-09-28'], '2026-09-28'],
  // RC-0005 Café Lumière, JPY 3,000: denied after 7 days, rejected.
  [promoteFlags('PRM-5', '3000', '2026-09-30'), '2026-10-01'],
  [['submit', '5', '--ticket', 'T-1005', '--on', '2026-10-02'], '2026-10-02'],
  [['decision', '5', 'denied', '--on', '2026-10-09'], '2026-10-09'],
  [['close', '5', '--outcome', 'rejected', '--on', '2026-10-15'], '2026-10-15'],
  // RC-0006 Nordlicht, EUR 1,500 unspent balance: approved after 14 days, refund due in 60 days.
  [
    [
      ...without(
        claimFlags({
          ...nordlicht,
          '--reason': 'unspent-balance',
          '--balance-shown-on': '2026-10-05',
          '--charged': '1500',
        }),
        '--expected',
        '--promotion-id',
        '--promotion-name',
      ),
      '--yes',
    ],
    '2026-10-05',
  ],
  [['submit', '6', '--ticket', 'T-1006', '--on', '2026-10-06'], '2026-10-06'],
  [['decision', '6', 'approved', '--on', '2026-10-20'], '2026-10-20'],
  // RC-0007 Acme, USD 350: denied after 7 days; the appeal (due 27 Oct) is overdue.
  [
    without(
      claimFlags({
        ...acme,
        '--reason': 'accidental-charge',
        '--promotion-id': 'A7',
        '--promotion-name': 'Halloween boost',
        '--charge-date': '2026-10-10',
        '--charged': '350',
      }),
      '--expected',
    ),
    '2026-10-12',
  ],
  [['submit', '7', '--ticket', 'T-1007', '--on', '2026-10-13'], '2026-10-13'],
  [['decision', '7', 'denied', '--on', '2026-10-20', '--reason', 'Outside the refund window'], '2026-10-20'],
  // RC-0008 Bloom Studio, a creator deal in USD 600: support asked for more, the reply is overdue.
  [
    [
      'new',
      '--no-input',
      '--channel',
      'creator',
      '--reason',
      'creator-no-delivery',
      '--account-name',
      'Bloom Studio',
      '--email',
      'team@bloom.test',
      '--promotion-id',
      'TTO-8',
      '--promotion-name',
      'Winter lookbook',
      '--creator',
      '@lena.makes',
      '--deliverables',
      'Two videos and three stories',
      '--deliverables-due',
      '2026-10-15',
      '--paid-via',
      'tiktok-one',
      '--charged',
      '600',
      '--description',
      'The creator was paid through TikTok One and posted nothing by the agreed date.',
    ],
    '2026-10-20',
  ],
  [['submit', '8', '--ticket', 'T-1008', '--on', '2026-10-21'], '2026-10-21'],
  [
    [
      'log',
      '8',
      '--from',
      'support',
      '--info-requested',
      '--message',
      'Please send the order confirmation.',
      '--on',
      '2026-10-28',
    ],
    '2026-10-28',
  ],
  // RC-0009 Acme, USD 800: filed 3 Nov, the follow-up (due 6 Nov) is overdue.
  [
    without(
      claimFlags({
        ...acme,
        '--reason': 'non-performance',
        '--promotion-id': 'A9',
        '--promotion-name': 'Black Friday teaser',
        '--promised': '200,000 impressions',
        '--delivered': '41,000 impressions',
        '--charged': '800',
      }),
      '--expected',
    ),
    '2026-11-02',
  ],
  [['submit', '9', '--ticket', 'T-1009', '--on', '2026-11-03'], '2026-11-03'],
  // RC-0010 Nordlicht, EUR 250: filed 11 Nov, the follow-up (due 16 Nov) is overdue.
  [
    without(
      claimFlags({
        ...nordlicht,
        '--reason': 'technical-issue',
        '--promotion-id': 'N10',
        '--start': '2026-11-01',
        '--end': '2026-11-08',
        '--failure': 'ads were rejected by review after they had been billed',
        '--charged': '250',
      }),
      '--expected',
    ),
    '2026-11-10',
  ],
  [['submit', '10', '--ticket', 'T-1010', '--on', '2026-11-11'], '2026-11-11'],
  // RC-0011 Café Lumière, JPY 8,000: filed 17 Nov, follow-up due today.
  [promoteFlags('PRM-11', '8000'), '2026-11-16'],
  [['submit', '11', '--ticket', 'T-1011', '--on', '2026-11-17'], '2026-11-17'],
  // RC-0012 Acme, USD 400: a draft, to be filed by 23 Nov.
  [
    without(
      claimFlags({
        ...acme,
        '--reason': 'campaign-cancelled',
        '--promotion-id': 'A12',
        '--promotion-name': 'Holiday preview',
        '--cancelled-on': '2026-11-18',
        '--cancel-reason': 'The product launch was called off',
        '--charged': '400',
      }),
      '--expected',
    ),
    '2026-11-19',
  ],
];

/** Writes the sample claims into `home`'s data directory (in-process, a few seconds). */
export async function writeSampleStore(home: string): Promise<void> {
  for (const [args, day] of SAMPLE_SCRIPT) {
    const result = await runCli(args, { home, now: `${day}T12:00:00.000Z` });
    if (result.code !== 0) throw new Error(`${args.join(' ')}: exit ${result.code}: ${result.stderr}`);
  }
}
