/** What `verify` prints: one line per problem, then a summary; the fixes go to stderr. */
import type { BundleReport } from '../../app/deps.js';
import type { EvidenceIntegrity } from '../../app/verify-claim.js';
import type { Claim } from '../../domain/claim.js';
import { formatClaimId } from '../../domain/claim.js';
import { printable } from '../../domain/text.js';
import { plural } from '../../domain/text.js';

export interface Verification {
  stdout: string;
  /** How to fix what is wrong; null when nothing is. */
  stderr: string | null;
  ok: boolean;
}

function evidenceLine({ evidence, fileName, state }: EvidenceIntegrity): string {
  const what =
    state === 'missing'
      ? 'the stored copy is gone from the evidence store'
      : 'the stored copy no longer matches its SHA-256';
  return printable(`${state.padEnd(9)}#${evidence.number} ${evidence.name} (${fileName}): ${what}`);
}

export function formatEvidenceVerification(
  claim: Pick<Claim, 'id'>,
  results: readonly EvidenceIntegrity[],
): Verification {
  const claimId = formatClaimId(claim.id);
  const bad = results.filter((result) => result.state !== 'ok');
  const count = plural(results.length, 'evidence file');
  if (bad.length === 0) {
    const summary = results.length === 0 ? 'no evidence files to check' : `${count}, all match their SHA-256`;
    return { stdout: `${claimId}: ${summary}.`, stderr: null, ok: true };
  }
  return {
    stdout: [
      ...bad.map(evidenceLine),
      `${claimId}: ${bad.length} of ${count} ${bad.length === 1 ? 'has' : 'have'} a problem.`,
    ].join('\n'),
    stderr: bad
      .map(
        ({ evidence }) =>
          `  fix: refund-claim attach ${claimId} <original of ${evidence.name}> --kind ${evidence.kind} (restores the stored copy)`,
      )
      .join('\n'),
    ok: false,
  };
}

/** Names, details and the claim ID come from the zip, which may be hostile: escapes are shown, not sent. */
export function formatBundleVerification(path: string, report: BundleReport): Verification {
  // `malformed` fills all nine columns of the kind: the space keeps it off the name.
  const lines = report.problems.map(
    (problem) => `${problem.kind.padEnd(8)} ${problem.entry ?? path} ${problem.detail}`,
  );
  const claim = report.claimId ? ` (${report.claimId})` : '';
  const n = report.problems.length;
  lines.push(
    n === 0
      ? `${path}${claim}: ${report.entries} entries, all match SHA256SUMS and manifest.json.`
      : `${path}${claim}: ${plural(n, 'problem')}.`,
  );
  return { stdout: lines.map((line) => printable(line)).join('\n'), stderr: null, ok: n === 0 };
}
