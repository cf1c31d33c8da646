import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claimFlags, dataDirOf } from '../helpers/cli.js';
import { runCli } from '../helpers/in-process.js';
import { tempDir } from '../helpers/temp.js';

const BUILTIN = fileURLToPath(new URL('../../templates', import.meta.url));
const NAMES = [
  '_dates',
  '_details',
  '_evidence-list',
  '_request',
  '_timeline',
  'appeal',
  'escalation',
  'followup',
  'ticket-creator',
  'ticket-tiktok-ads',
  'ticket-tiktok-promote',
];

describe('templates list', () => {
  it('lists every built-in template with its description, and marks the ones overridden', async () => {
    const home = tempDir();
    const before = await runCli(['templates', 'list'], { home });
    expect(before.code).toBe(0);
    const rows = before.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((row) => row[0])).toEqual(NAMES);
    expect(rows.find((row) => row[0] === 'followup')).toEqual([
      'followup',
      'Follow-up while a ticket, an appeal or a request to a creator waits for an answer',
      '',
    ]);

    const ejected = await runCli(['templates', 'eject', 'followup'], { home });
    expect(ejected.code).toBe(0);
    const path = join(dataDirOf(home), 'templates', 'followup.hbs');
    expect(ejected.stdout).toBe(`${path}\n`);
    expect(readFileSync(path, 'utf8')).toBe(readFileSync(join(BUILTIN, 'followup.hbs'), 'utf8'));

    const after = await runCli(['templates', 'list', '--json'], { home });
    const list = JSON.parse(after.stdout) as { name: string; description: string; overriddenBy: string | null }[];
    expect(list.filter((t) => t.overriddenBy !== null)).toEqual([
      {
        name: 'followup',
        description: 'Follow-up while a ticket, an appeal or a request to a creator waits for an answer',
        overriddenBy: path,
      },
    ]);
    expect(list.every((t) => t.description !== '')).toBe(true);
  });
});

describe('templates eject', () => {
  it('refuses an unknown name with exit 2, listing the names, and a second eject with exit 1', async () => {
    const home = tempDir();
    const unknown = await runCli(['templates', 'eject', 'ticket'], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      `error: No built-in template named "ticket".\n  The templates are: ${NAMES.join(', ')}.\n`,
    );
    expect(existsSync(join(dataDirOf(home), 'templates'))).toBe(false);
    expect((await runCli(['templates', 'eject', 'appeal'], { home })).code).toBe(0);
    writeFileSync(join(dataDirOf(home), 'templates', 'appeal.hbs'), 'my edits');
    const again = await runCli(['templates', 'eject', 'appeal'], { home });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; it is your copy of "appeal".');
    expect(readFileSync(join(dataDirOf(home), 'templates', 'appeal.hbs'), 'utf8')).toBe('my edits');
    expect((await runCli(['templates', 'eject'], { home })).code).toBe(2);
  });

  it('uses the edited copy, and names the file, line and field when it is broken', async () => {
    const home = tempDir();
    await runCli(claimFlags(), { home });
    const path = (await runCli(['templates', 'eject', 'ticket-tiktok-ads'], { home })).stdout.trim();
    const original = readFileSync(path, 'utf8');
    const lines = original.split('\n');
    // A line the ticket of this claim renders: the opening sentence.
    const index = lines.findIndex((line) => line.startsWith('I am asking for a refund of'));
    const line = `line ${index + 1}`;
    const withLine3 = (text: string): string => [...lines.slice(0, index), text, ...lines.slice(index + 1)].join('\n');

    writeFileSync(path, withLine3('Our own wording for {{promotion.id}}.'));
    const edited = await runCli(['ticket', '1'], { home });
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('\nOur own wording for 1790000001.\n');

    const cases: [string, string][] = [
      ['Campaign {{promotion.nmae}}', 'line 3: unknown field "promotion.nmae"'],
      ['Hello {{acount.name}}', 'line 3: unknown field "acount.name"'],
      [
        'Campaign {{promotion.id}',
        'line 3: syntax error: a {{…}} is not closed with }} or holds a character it cannot',
      ],
      ['{{#if promotion.id}}x{{/each}}', 'line 3: {{/each}} closes a {{#if}} block'],
      // Arguments of helpers are checked too: a misspelling must not silently pick a branch.
      ['{{#if promotion.nmae}}x{{/if}}', 'line 3: unknown field "promotion.nmae" (given to if)'],
      ['{{#each evidnce}}x{{/each}}', 'line 3: unknown field "evidnce" (given to each)'],
      ['Total {{money amounts.requested amounts.curency}}', 'line 3: unknown field "amounts.curency" (given to money)'],
      // A value a helper cannot show stops the draft instead of printing `USD 0.-5` or `NaN`.
      [
        'Total {{money -5 amounts.currency}}',
        'line 3: money cannot show -5: an amount is whole minor units, never negative',
      ],
      [
        'Since {{date promotion.name}}',
        'line 3: date cannot show promotion.name ("Summer sale"): it is not a date (YYYY-MM-DD)',
      ],
      ['Since {{date "soon"}}', 'line 3: date cannot show "soon": it is not a date (YYYY-MM-DD)'],
    ];
    for (const [text, problem] of cases) {
      writeFileSync(path, withLine3(text));
      const result = await runCli(['ticket', '1'], { home });
      expect({ text, code: result.code }).toEqual({ text, code: 1 });
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `error: Template ${path}, ${problem.replace('line 3', line)}.\n` +
          '  Fix the template (the README lists the fields each one can use), or delete it to use the built-in one.\n',
      );
    }
    writeFileSync(path, `${original}{{#if promotion.id}}\n`);
    const unclosed = await runCli(['ticket', '1'], { home });
    expect(unclosed.stderr).toContain(`syntax error: the file ends inside a {{#…}} block that is never closed.`);
  });
});

describe('templates check', () => {
  /** The first lines of version 1's ticket-creator, as a user ejected and edited it. */
  const VERSION_1 = [
    '{{!-- Message to a paid creator (send first; then to TikTok support if the deal was paid through TikTok) --}}',
    'Subject: Refund For Our Paid Partnership {{promotion.id}}: {{reasonLabel}} ({{money amounts.requested amounts.currency}})',
    '',
    'Hello{{#if details.creator}} {{details.creator}}{{/if}},',
    '',
    'I am writing about our paid partnership {{promotion.id}}{{#if promotion.name}} ("{{promotion.name}}"){{/if}}. I am asking for a refund of {{money amounts.requested amounts.currency}}, because {{reasonStatement}}.',
    '',
    'Started: {{promotion.start}}',
    '{{#each evidence}}',
    '  {{number}}. {{fileName}} - {{caption}}',
    '{{/each}}',
    '',
  ].join('\n');

  it('names an ejected version-1 template and every rule its drafts break, exit 1', async () => {
    const home = tempDir();
    const path = (await runCli(['templates', 'eject', 'ticket-creator'], { home })).stdout.trim();
    writeFileSync(path, VERSION_1);
    const result = await runCli(['templates', 'check', 'ticket-creator'], { home });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'ticket-creator: wrap-helper: does not call the wrapping helper ({{#wrap}}…{{/wrap}}): an ejected ' +
        'version-1 template? Compare it with a fresh `templates eject` copy',
      `  ${path}`,
    ]);
    const rules = new Set(lines.filter((l) => l.startsWith('ticket-creator (')).map((l) => l.split(': ')[1]));
    expect([...rules].sort()).toEqual([
      'date-style',
      'empty-label',
      'evidence-list',
      'line-length',
      'missing-fact',
      'subject',
    ]);
    expect(result.stdout).toContain(
      "ticket-creator (creator/creator-no-delivery): missing-fact: does not cite TikTok One's refund shares (100% / 90%)",
    );
    expect(result.stdout).toContain(
      'ticket-creator (creator/creator-no-delivery) line 1: subject: it does not end with the claim ID in brackets ([RC-0007])',
    );
    expect(result.stdout).toContain('ticket-creator (creator/creator-no-delivery) line 7: date-style: "2026-11-02"');
    expect(result.stdout).toContain(
      '(creator/creator-no-delivery) line 8: evidence-list: the evidence file is numbered twice',
    );
    expect(result.stderr).toMatch(/^\d+ problems in 1 template; fix them, or delete your copy/);

    const json = JSON.parse((await runCli(['templates', 'check', 'ticket-creator', '--json'], { home })).stdout) as {
      checked: string[];
      problems: { template: string; path: string | null; rule: string }[];
    };
    expect(json.checked).toEqual(['ticket-creator']);
    expect(json.problems.every((p) => p.template === 'ticket-creator' && p.path === path)).toBe(true);
  });

  it("names a ticket that wraps but never prints the reason's version-2 facts, exit 1", async () => {
    const home = tempDir();
    const path = (await runCli(['templates', 'eject', 'ticket-tiktok-ads'], { home })).stdout.trim();
    // Version 1's details: the amounts only, none of the facts version 2 asks for.
    const v1 = readFileSync(path, 'utf8').replaceAll(
      '{{> details}}',
      '- Refund requested: {{money amounts.requested amounts.currency}}',
    );
    writeFileSync(path, v1);
    const result = await runCli(['templates', 'check'], { home });
    expect(result.code).toBe(1);
    const facts = result.stdout.split('\n').filter((line) => line.includes(': missing-fact: '));
    expect(facts).toEqual([
      'ticket-tiktok-ads (tiktok-ads/technical-issue): missing-fact: does not print the description of what ' +
        'failed ("Ads Manager showed "Delivering" while the campaign served no impressions"): an ejected ' +
        'version-1 template? Compare it with a fresh `templates eject` copy',
      expect.stringMatching(
        /^ticket-tiktok-ads \(tiktok-ads\/incorrect-charge\): missing-fact: does not print the invoice reference \("INV-2026-1103"\)/,
      ),
      expect.stringMatching(
        /^ticket-tiktok-ads \(tiktok-ads\/accidental-charge\): missing-fact: does not print the invoice reference/,
      ),
      expect.stringMatching(
        /^ticket-tiktok-ads \(tiktok-ads\/campaign-cancelled\): missing-fact: does not print the reason for the cancellation/,
      ),
    ]);
    expect(result.stdout).toContain(`\n  ${path}\n`);

    // The same facts in the user's own words pass: the check reads the draft, not the source.
    writeFileSync(
      path,
      v1.replaceAll(
        '- Refund requested:',
        '{{#if facts.failure}}Failure seen: {{facts.failure}}\n{{/if}}{{#if facts.invoice}}Invoice no. {{facts.invoice}}\n{{/if}}' +
          '{{#if facts.cancelReason}}Cancelled because: {{facts.cancelReason}}\n{{/if}}- Refund requested:',
      ),
    );
    const own = await runCli(['templates', 'check'], { home });
    expect(own.stdout).not.toContain('missing-fact');
  });

  it('passes the built-in templates, exit 0', async () => {
    const result = await runCli(['templates', 'check'], { home: tempDir() });
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: '6 templates checked: every draft follows the draft rules.\n',
    });
  });

  it('refuses an unknown template name with exit 2', async () => {
    const result = await runCli(['templates', 'check', 'ticket'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No template named "ticket".');
  });
});
