/** Claims built in memory for unit tests of pure rules. */
import type { NewClaim } from '../../src/app/deps.js';
import type { Claim, ClaimFields, Evidence, EvidenceKind } from '../../src/domain/claim.js';

export function fields(overrides: Partial<ClaimFields> = {}): ClaimFields {
  return {
    channel: 'tiktok-ads',
    reason: 'incorrect-charge',
    accountName: 'Acme Shoes',
    advertiserId: '7012345678901',
    email: 'ads@acme.test',
    promotionId: '1790000001',
    promotionName: 'Summer sale',
    start: null,
    end: null,
    currency: 'USD',
    charged: 50000,
    expected: 30000,
    requested: 20000,
    chargeDate: null,
    promised: null,
    delivered: null,
    creator: null,
    deliverables: null,
    description: 'We were billed twice for the budget increase on 3 November.',
    fileBy: null,
    noticedOn: null,
    cancelledOn: null,
    cancelReason: null,
    failure: null,
    invoice: null,
    balanceShownOn: null,
    deliverablesDue: null,
    paidVia: null,
    asCredit: false,
    agency: null,
    salesRep: null,
    ...overrides,
  };
}

export function evidence(kind: EvidenceKind, number: number, overrides: Partial<Evidence> = {}): Evidence {
  return {
    number,
    kind,
    name: `${kind}-${number}.pdf`,
    caption: null,
    bytes: 1000,
    sha256: String(number).repeat(64).slice(0, 64),
    mime: 'application/pdf',
    addedAt: '2026-11-20T12:00:00.000Z',
    ...overrides,
  };
}

export function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    ...fields(),
    id: 1,
    status: 'draft',
    ticketNumber: null,
    approved: null,
    recovered: null,
    createdAt: '2026-11-20T12:00:00.000Z',
    createdOn: '2026-11-20',
    factsVersion: 2,
    evidence: [],
    events: [
      {
        seq: 1,
        type: 'created',
        on: '2026-11-20',
        recordedAt: '2026-11-20T12:00:00.000Z',
        note: null,
        actor: null,
        data: {},
      },
    ],
    ...overrides,
  };
}

/** A claim as `new` hands it to the store, drafted on `createdOn`. */
export function newClaim(overrides: Partial<ClaimFields> = {}, createdOn = '2026-11-20'): NewClaim {
  return { fields: fields(overrides), createdAt: `${createdOn}T12:00:00.000Z`, createdOn, evidence: [] };
}
