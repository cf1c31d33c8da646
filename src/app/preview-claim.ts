/**
 * The claim as it would be saved, for the wizard's preview: the completeness findings and the
 * ticket are shown before anything is written. Evidence is checked but not copied yet.
 */
import { FACTS_VERSION } from '../domain/claim.js';
import type { Claim, ClaimFields } from '../domain/claim.js';
import { checkClaim } from '../domain/completeness.js';
import type { Finding } from '../domain/completeness.js';
import { toLocalDate } from '../domain/dates.js';
import type { ClaimStore, Clock, EvidenceInput, EvidenceStore, Templates } from './deps.js';
import { checkEvidenceFiles } from './import-evidence.js';
import { renderTicket } from './formats/ticket-view.js';

export interface ClaimPreview {
  claim: Claim;
  findings: Finding[];
  ticket: string;
}

export async function previewClaim(
  deps: { store: ClaimStore; evidence: EvidenceStore; clock: Clock; templates: Templates },
  fields: ClaimFields,
  files: readonly EvidenceInput[],
): Promise<ClaimPreview> {
  // The same path twice is saved once (createClaim skips repeated content): preview it once too.
  const unique = files.filter((file, index) => files.findIndex((other) => other.path === file.path) === index);
  const checked = await checkEvidenceFiles(deps.evidence, unique);
  const now = deps.clock.now();
  const today = toLocalDate(now);
  const claim: Claim = {
    ...fields,
    id: await deps.store.peekNextId(),
    status: 'draft',
    ticketNumber: null,
    approved: null,
    recovered: null,
    createdAt: now.toISOString(),
    createdOn: today,
    factsVersion: FACTS_VERSION,
    events: [],
    evidence: checked.map((item, index) => ({
      number: index + 1,
      kind: item.kind,
      name: item.file.name,
      caption: item.caption ?? null,
      bytes: item.file.bytes,
      sha256: '',
      mime: item.file.mime,
      addedAt: now.toISOString(),
    })),
  };
  const findings = checkClaim(claim, { today, integrity: null, shared: new Map() });
  return { claim, findings, ticket: renderTicket(deps.templates, claim) };
}
