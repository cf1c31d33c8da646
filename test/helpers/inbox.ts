/** Claims and a folder of support's emails for `inbox` tests, in-process and with the binary. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { claimFlags } from './cli.js';
import {
  ACKNOWLEDGEMENT,
  APPROVAL,
  CREATOR_REPLY,
  DENIAL,
  INFO_REQUEST,
  MY_REPLY,
  NEWSLETTER,
  PARTIAL,
  writeEmail,
} from './emails.js';
import type { CliResult } from './in-process.js';

type Run = (args: string[]) => Promise<CliResult | { code: number | null; stderr: string }>;

/**
 * RC-0001 a draft (the acknowledgement submits it), RC-0002 and RC-0003 submitted (a partial
 * approval and a denial arrive), RC-0004 a creator partnership (its creator writes back).
 */
export async function claimsForInbox(run: Run): Promise<void> {
  const steps = [
    claimFlags(),
    claimFlags({ '--promotion-id': '1790000002', '--promotion-name': 'Autumn sale' }),
    claimFlags({ '--promotion-id': '1790000003', '--promotion-name': 'Winter boots' }),
    [
      'new',
      '--no-input',
      '--channel',
      'creator',
      '--reason',
      'creator-no-delivery',
      '--account-name',
      'Acme Shoes',
      '--email',
      'ads@acme.test',
      '--promotion-id',
      'TT1-5550001',
      '--charged',
      '800',
      '--creator',
      'studio.nova',
      '--deliverables',
      'Two videos by 10 Nov',
      '--deliverables-due',
      '2026-11-10',
      '--description',
      'The creator was paid for two videos and has posted none of them so far.',
    ],
    ['submit', '2', '--ticket', '8800112233', '--on', '2026-11-10'],
    ['submit', '3', '--ticket', '8800445566', '--on', '2026-11-10'],
  ];
  for (const step of steps) {
    const result = await run(step);
    expect(result.code, result.stderr).toBe(0);
  }
}

/** Support's emails, the user's reply, a creator's and a newsletter, with a text file beside them. */
export function supportFolder(home: string): string {
  const dir = join(home, 'support');
  mkdirSync(dir);
  writeEmail(dir, '01-ack.eml', ACKNOWLEDGEMENT);
  writeEmail(dir, '02-info.eml', INFO_REQUEST);
  writeEmail(dir, '03-reply.eml', MY_REPLY);
  writeEmail(dir, '04-approval.eml', APPROVAL);
  writeEmail(dir, '05-partial.eml', PARTIAL);
  writeEmail(dir, '06-denial.eml', DENIAL);
  writeEmail(dir, '07-creator.eml', CREATOR_REPLY);
  writeEmail(dir, '08-news.eml', NEWSLETTER);
  writeEmail(dir, 'notes.txt', 'not read: not an .eml or .mbox file\n');
  return dir;
}

/** What `inbox --json` proposes for supportFolder, in the order the emails were sent. */
export const PROPOSALS = [
  ['01-ack.eml', 'RC-0001', 'submit', '7301928374', 0.95],
  ['08-news.eml', null, null, null, 0],
  ['02-info.eml', 'RC-0001', 'info-requested', null, 0.9],
  ['03-reply.eml', 'RC-0001', 'message', null, 1],
  ['07-creator.eml', 'RC-0004', 'message', null, 0.7],
  ['05-partial.eml', 'RC-0002', 'partially-approved', 'USD 120.00', 0.9],
  [
    '06-denial.eml',
    'RC-0003',
    'denied',
    'Unfortunately, we are unable to approve a refund because the impressions were delivered as ordered.',
    0.9,
  ],
  ['04-approval.eml', 'RC-0001', 'approved', 'USD 200.00', 0.95],
];
