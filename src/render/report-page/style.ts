/**
 * The page's only stylesheet, inline. System fonts (no web font to fetch), black text on white,
 * thin rules: it reads the same printed in black and white on A4 or Letter (no page size is
 * forced), and no chart or table row is split across two pages.
 */
export const PAGE_CSS = `
:root { color: #111; background: #fff; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
body { margin: 0; }
main { max-width: 720px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 1.6em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; margin: 1.8em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid #111; }
h3 { font-size: 1em; margin: 1.4em 0 0.4em; }
p { margin: 0.4em 0; }
.meta, .note, figcaption { color: #333; }
.note, figcaption { font-size: 0.9em; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.95em; }
.empty { font-size: 1.1em; margin: 2em 0; padding: 1em; border: 1px solid #111; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; font-size: 0.9em; }
caption { text-align: left; font-weight: 600; padding: 0.2em 0; caption-side: top; }
th, td { border-bottom: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #111; }
tfoot td, tfoot th { border-top: 2px solid #111; border-bottom: none; font-weight: 600; }
td.nowrap { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.overdue { font-weight: 700; }
figure.chart { margin: 1em 0 1.5em; }
figure.chart > figcaption { margin-bottom: 0.4em; }
figure.chart svg { max-width: 100%; height: auto; }
section.account table { font-size: 0.85em; }
table.chart-data { font-size: 0.8em; width: auto; min-width: 50%; }
figure, table, tr, .totals { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
footer { margin-top: 2.5em; font-size: 0.85em; color: #333; border-top: 1px solid #999; padding-top: 0.5em; }
@page { margin: 14mm 12mm; }
@media print {
  :root { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
