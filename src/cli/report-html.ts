/** `report --html <file>`: the figures of every chart, drawn into one self-contained page. */
import { accountFilter } from '../app/accounts.js';
import { buildReportPageData } from '../app/report-page-data.js';
import { exists } from '../fs/atomic-file.js';
import { plural } from '../domain/text.js';
import type { CommandContext } from './context.js';
import { checkOutputPath, targetExists, writeTextFile } from './files.js';

export interface ReportHtmlOptions {
  /** The file, or `-` for standard output. */
  html: string;
  since: string | null;
  /** `--account` as given; found as everywhere else (exit 1 naming close matches). */
  account: string | undefined;
  force: boolean;
}

export async function writeReportHtml(context: CommandContext, options: ReportHtmlOptions): Promise<void> {
  const { html: target, force } = options;
  const file = target === '-' ? null : target;
  // Before any work: a wrong path or a file to keep is said at once.
  if (file !== null) {
    await checkOutputPath('--html', file, context.dataDir);
    if (!force && (await exists(file))) throw targetExists('--html', file);
  }
  // A report only reads: without a database it shows an empty page and creates nothing.
  const store = await context.adapters.existingStore();
  const data = await buildReportPageData(store, {
    today: context.today(),
    since: options.since,
    account: await accountFilter(store, options.account),
  });
  const page = (await context.adapters.reportPage()).render(data);
  if (file === null) {
    context.out(page);
    return;
  }
  await writeTextFile('--html', file, page, context.dataDir, { overwrite: force });
  const accounts = data.accounts.length;
  context.err(
    data.claims === 0
      ? `Wrote ${file}: no claims to chart, the page says so.`
      : `Wrote ${file}: ${plural(data.claims, 'claim')}, ${plural(accounts, 'account')}. Open it in any browser; it prints on A4 or Letter.`,
  );
}
