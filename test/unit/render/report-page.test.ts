import { describe, expect, it, vi } from 'vitest';
import { reportPageData } from '../../../src/app/report-page-data.js';
import type { Claim } from '../../../src/domain/claim.js';
import { PALETTE } from '../../../src/render/report-page/charts.js';
import { renderReportPage } from '../../../src/render/report-page/render-page.js';
import { claim } from '../../helpers/claims.js';

const created = (on: string) => ({
  seq: 1,
  type: 'created' as const,
  on,
  recordedAt: `${on}T12:00:00.000Z`,
  note: null,
  actor: null,
  data: {},
});
const submitted = (on: string) => ({ ...created(on), seq: 2, type: 'submitted' as const, data: { ticket: 'T' } });
const decided = (on: string) => ({
  ...created(on),
  seq: 3,
  type: 'decision' as const,
  data: { decision: 'denied' as const },
});

const CLAIMS: Claim[] = [
  claim({
    id: 1,
    status: 'denied',
    createdOn: '2026-10-01',
    events: [created('2026-10-01'), submitted('2026-10-02'), decided('2026-10-09')],
  }),
  claim({
    id: 2,
    accountName: 'Bad <b>name</b> & "co"',
    advertiserId: null,
    currency: 'JPY',
    requested: 5000,
    createdOn: '2026-11-02',
    events: [created('2026-11-02')],
  }),
];

const render = (claims: readonly Claim[], options = {}) =>
  renderReportPage(reportPageData(claims, { today: '2026-11-20', since: null, account: null, ...options }));

/** The svg elements of the page, each as its markup. */
const svgs = (html: string): string[] => html.match(/<svg\b[^>]*role="img"[\s\S]*?<\/svg>/g) ?? [];

describe('the report page', () => {
  const html = render(CLAIMS);

  it('is one HTML document with its style inline and no script', () => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|@import|https?:\/\/(?!www\.w3\.org\/)/);
  });

  it('draws every chart with a title, a description and labelled axes with their units', () => {
    const charts = svgs(html);
    // A month chart per currency (JPY, USD), status, days to decision, due weeks.
    expect(charts).toHaveLength(5);
    for (const svg of charts) {
      expect(svg).toMatch(/aria-label="[^"]+"/);
      expect(svg).toMatch(/<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    }
    for (const label of [
      'Amount (JPY)',
      'Amount (USD)',
      'Claims (count)',
      'Days from filing to the first answer',
      'Open claims (count)',
      'Month filed',
    ]) {
      expect(html).toContain(label);
    }
  });

  it('colours only from the colour-blind-safe palette', () => {
    const fills = new Set([...html.matchAll(/fill="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]?.toUpperCase()));
    expect([...fills].filter((fill) => !Object.values(PALETTE).includes(fill as never))).toEqual([]);
    expect(fills.size).toBeGreaterThan(2);
  });

  it('writes amounts per currency as the rest of the tool does, never added up', () => {
    expect(html).toContain('USD 200.00');
    expect(html).toContain('JPY 5,000');
    expect(html).not.toMatch(/[A-Z]{3} 5,200/);
  });

  it('escapes text from claims', () => {
    expect(html).toContain('Bad &lt;b&gt;name&lt;/b&gt; &amp; &quot;co&quot;');
    expect(html).not.toContain('<b>name');
  });

  it('marks overdue actions in words, not by colour alone', () => {
    expect(html).toContain('appeal by 16 Oct 2026 (overdue)');
    expect(html).toMatch(/\d overdue<\/text>/);
  });

  it('says there is nothing to chart when there are no claims', () => {
    const empty = render([]);
    expect(empty).toContain('There are no claims yet');
    expect(empty).not.toContain('<svg');
    expect(render(CLAIMS, { since: '2026-12-01' })).toContain('No claims were filed since 1 Dec 2026');
  });

  it('draws odd data without a warning from the charting library: an answer on the day of filing, one week, many weeks', () => {
    const warn = vi.spyOn(console, 'warn');
    const sameDay = claim({
      id: 3,
      status: 'denied',
      events: [created('2026-11-02'), submitted('2026-11-02'), decided('2026-11-02')],
    });
    const manyWeeks = Array.from({ length: 30 }, (_, i) =>
      claim({
        id: 10 + i,
        createdOn: '2026-01-05',
        fileBy: `2026-${String(1 + Math.floor(i / 3)).padStart(2, '0')}-${String(10 + (i % 3) * 7)}`,
        events: [created('2026-01-05')],
      }),
    );
    for (const claims of [[sameDay], manyWeeks, [...CLAIMS, sameDay, ...manyWeeks]]) {
      const page = render(claims);
      expect(page).not.toMatch(/NaN|undefined|Infinity/);
      expect(svgs(page).length).toBeGreaterThan(2);
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
