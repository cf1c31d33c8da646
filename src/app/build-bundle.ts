/**
 * `bundle`: the completeness check, then one zip holding the ticket, the timeline, every evidence
 * file under the name the ticket gives it, a manifest and SHA256SUMS.
 */
import type { Claim, Evidence } from '../domain/claim.js';
import { formatClaimId } from '../domain/claim.js';
import type { Finding } from '../domain/completeness.js';
import { UserError } from '../domain/errors.js';
import { bundleFileNames } from '../domain/evidence-names.js';
import { printableFields } from '../domain/text.js';
import { checkStoredClaim } from './check-claim.js';
import { claimSummary } from './formats/claim-json.js';
import type { CheckDeps } from './check-claim.js';
import type { BundleFile, BundleProgress, BundleWriter, Templates, WrittenBundle } from './deps.js';
import { loadClaim } from './load-claim.js';
import { renderTicket } from './formats/ticket-view.js';
import { formatTimeline, timelineEntries } from './timeline.js';
import { plural } from '../domain/text.js';

/** The folder of the evidence files inside the bundle. */
export const EVIDENCE_FOLDER = 'evidence';

export interface BuildBundleDeps extends CheckDeps {
  templates: Templates;
  bundles: BundleWriter;
}

export interface OversizeFile {
  entryName: string;
  evidence: Evidence;
}

/** What is known before anything is written: shown first, since the writing may take a while. */
export interface BundlePreview {
  claim: Claim;
  findings: Finding[];
  /** Evidence files larger than `maxSize`. */
  oversize: OversizeFile[];
}

export interface BuildBundleOptions {
  target: string;
  /** Replace an existing file, and bundle even when the completeness check finds errors. */
  force: boolean;
  /** An upload limit in bytes the user knows; null when none was given. */
  maxSize: number | null;
  signal?: AbortSignal;
  onPreview?: (preview: BundlePreview) => void;
  onProgress?: (progress: BundleProgress) => void;
}

export interface BuiltBundle extends WrittenBundle, BundlePreview {
  /** The zip itself is larger than `maxSize`. */
  overLimit: boolean;
}

export async function buildBundle(
  deps: BuildBundleDeps,
  id: number,
  options: BuildBundleOptions,
): Promise<BuiltBundle> {
  const claim = await loadClaim(deps.store, id);
  // The stored copies are re-hashed while they stream into the zip, not here as well: reading
  // every file twice would double the time of a large bundle. A mismatch still stops it.
  const findings = await checkStoredClaim(deps, claim, { verifyFiles: false });
  const names = bundleFileNames(claim.evidence);
  const files: BundleFile[] = claim.evidence.map((evidence, index) => ({
    entryName: `${EVIDENCE_FOLDER}/${names[index] ?? ''}`,
    open: () => deps.evidence.open(evidence.sha256),
    size: () => deps.evidence.size(evidence.sha256),
    evidence,
  }));
  const { maxSize } = options;
  const oversize = maxSize === null ? [] : files.filter((file) => file.evidence.bytes > maxSize);
  const preview: BundlePreview = { claim, findings, oversize };
  options.onPreview?.(preview);

  const errors = findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0 && !options.force) {
    const claimId = formatClaimId(claim.id);
    throw new UserError(
      `${claimId} is not ready to bundle: the completeness check found ${plural(errors, 'error')}.`,
      `Fix ${errors === 1 ? 'it' : 'them'} (see \`refund-claim check ${claimId}\`), or pass --force to bundle it anyway.`,
    );
  }

  const ticket = renderTicket(deps.templates, claim);
  const written = await deps.bundles.write(
    options.target,
    {
      claim,
      summary: claimSummary(claim),
      createdAt: deps.clock.now(),
      ticket: ticket.endsWith('\n') ? ticket : `${ticket}\n`,
      // Read with `cat` as often as in an editor: as printable as `show`'s timeline.
      timeline: `${formatTimeline(timelineEntries(printableFields(claim)))}\n`,
      files,
    },
    { overwrite: options.force, signal: options.signal, onProgress: options.onProgress },
  );
  return { ...written, ...preview, overLimit: maxSize !== null && written.bytes > maxSize };
}
