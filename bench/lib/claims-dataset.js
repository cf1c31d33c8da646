/**
 * An agency's claims database, made through the product's own code: the store's `insertClaim` and
 * `changeClaim` (the same IMMEDIATE transactions the commands use), the use case's consistency
 * check, the domain's lifecycle rules for every event, and the evidence store for the files.
 *
 * Mostly closed claims (refunded, credited, rejected, withdrawn) built up over three years, and a
 * few thousand open ones in every open status whose due dates fall before and after today.
 *
 * `node bench/lib/claims-dataset.js <data dir> [count]` makes one by hand.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pngBytes, pdfBytes } from './files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The product modules the generator (and the status floor) use, bundled from src/ by esbuild into .bench/ (the build's
 * dist/ holds chunks, not modules by name). better-sqlite3 stays external and resolves through
 * the project's node_modules.
 */
export async function productModules() {
  const { build } = await import('esbuild');
  const outfile = join(ROOT, '.bench', 'dataset-modules.js');
  await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: [
        "export { openStore } from './src/store/sqlite/open-store.ts';",
        "export { FileEvidenceStore } from './src/evidence/evidence-store.ts';",
        "export { assertConsistent } from './src/app/create-claim.ts';",
        "export { assertMoveAllowed, foldEvents, moveOf } from './src/domain/lifecycle.ts';",
        "export { toLocalDate } from './src/domain/dates.ts';",
        "export { PENDING_CLAIMS } from './src/store/sqlite/sqlite-claims.ts';",
        "export { openPostgresStore } from './src/store/postgres/open-store.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'dataset-modules.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['better-sqlite3'],
    // As in scripts/build.js: bundled CommonJS packages `require` Node.js built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

/** A small, fast, seeded generator: the same data set on every run. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  /** `weights`: [[value, weight], …]. */
  const weighted = (weights) => {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
    return weights.at(-1)[0];
  };
  return { next, int, pick, weighted, chance: (p) => next() < p };
}

const ACCOUNTS = [
  ['Acme Shoes', '7012345678901', 'ads@acme-shoes.test'],
  ['Blue Fern Cosmetics', '7012345678902', 'paid-social@bluefern.test'],
  ['Northwind Outdoor', '7012345678903', 'media@northwind.test'],
  ['Casa Lumen', '7012345678904', 'marketing@casalumen.test'],
  ['Pixel Pantry', '7012345678905', 'growth@pixelpantry.test'],
  ['Kite & Key Travel', '7012345678906', 'ads@kitekey.test'],
  ['Orbit Fitness', '7012345678907', 'team@orbitfit.test'],
  ['Maple Street Bakery', null, 'hello@maplebakery.test'],
  ['Studio Ōkami', null, 'contact@okami.test'],
  ['Verde Pet Supply', '7012345678910', 'ads@verdepet.test'],
  ['Harbor Lights Records', '7012345678911', 'promo@harborlights.test'],
  ['Little Loom Kids', null, 'shop@littleloom.test'],
];

const CURRENCIES = [
  ['USD', 80],
  ['EUR', 10],
  ['GBP', 7],
  ['JPY', 3],
];

const DESCRIPTIONS = {
  'technical-issue':
    'The campaign was approved but delivery stopped after two hours because of an ad review error; spend kept being reserved.',
  'incorrect-charge': 'We were billed twice for the same budget increase; the invoice shows two identical line items.',
  'non-performance':
    'The package promised guaranteed reach in the target region; the delivery report shows a fraction.',
  'accidental-charge': 'A team member boosted the wrong post by mistake and cancelled it within minutes of the charge.',
  'campaign-cancelled': 'The campaign was cancelled before launch after the brief changed; the prepayment was kept.',
  'creator-no-delivery': 'The creator was paid in advance for three videos and published none by the agreed date.',
  'unspent-balance': 'We are closing this ad account and ask for the unspent prepaid balance back, as the rules allow.',
};

/** Which reasons fit which channel, and how often agencies file them. */
const REASONS_BY_CHANNEL = {
  'tiktok-ads': [
    ['technical-issue', 25],
    ['incorrect-charge', 25],
    ['non-performance', 15],
    ['accidental-charge', 10],
    ['campaign-cancelled', 15],
    ['unspent-balance', 10],
  ],
  'tiktok-promote': [
    ['technical-issue', 30],
    ['incorrect-charge', 20],
    ['non-performance', 20],
    ['accidental-charge', 20],
    ['unspent-balance', 10],
  ],
  creator: [
    ['creator-no-delivery', 70],
    ['non-performance', 20],
    ['campaign-cancelled', 10],
  ],
};

/** What the claim needs as evidence, by reason: the kinds of the files attached to it. */
const EVIDENCE_BY_REASON = {
  'technical-issue': ['screenshot'],
  'incorrect-charge': ['receipt'],
  'non-performance': ['report', 'screenshot'],
  'accidental-charge': ['receipt'],
  'campaign-cancelled': ['receipt'],
  'creator-no-delivery': ['correspondence', 'receipt'],
  'unspent-balance': ['screenshot'],
};

const OPEN_MIX = [
  ['draft', 15],
  ['submitted', 30],
  ['info-requested', 12],
  ['approved', 15],
  ['partially-approved', 5],
  ['denied', 10],
  ['appealed', 13],
];

const CLOSED_MIX = [
  ['refunded', 45],
  ['credited', 10],
  ['rejected', 30],
  ['withdrawn', 15],
];

/**
 * Writes `count` claims into `<dataDir>/claims.db` (and their evidence into `<dataDir>/evidence`).
 * `openShare`: the part of claims still open. Returns counts by status and the elapsed time.
 */
export async function generateClaims(
  dataDir,
  { count = 100_000, openShare = 0.05, seed = 20261120, log = () => {} } = {},
) {
  const { openStore, FileEvidenceStore, assertConsistent, assertMoveAllowed, foldEvents, moveOf, toLocalDate } =
    await productModules();

  const started = performance.now();
  const rng = random(seed);
  const now = new Date();
  const today = toLocalDate(now);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  // A pool of real evidence files, stored through the evidence store; claims attach a few each.
  const evidenceStore = new FileEvidenceStore(join(dataDir, 'evidence'));
  const sources = mkdtempSync(join(tmpdir(), 'refund-claim-evidence-'));
  const pool = {};
  const sample = {
    screenshot: (i) => [`dashboard-${i}.png`, pngBytes(32, 32, i)],
    receipt: (i) => [`invoice-${i}.pdf`, pdfBytes(`Invoice ${i}`)],
    report: (i) => [
      `delivery-report-${i}.csv`,
      `date,impressions,spend\n2026-01-${String(i + 1).padStart(2, '0')},${i * 97},${i}.00\n2026-01-02,0,10.00\n`,
    ],
    correspondence: (i) => [
      `creator-chat-${i}.eml`,
      `From: creator${i}@example.test\r\nTo: ads@agency.test\r\nSubject: Re: deliverables\r\nDate: Tue, 3 Nov 2026 10:00:00 +0000\r\n\r\nMessage ${i}.\r\n`,
    ],
  };
  for (const [kind, make] of Object.entries(sample)) {
    pool[kind] = [];
    for (let i = 0; i < 8; i++) {
      const [name, bytes] = make(i);
      const path = join(sources, name);
      writeFileSync(path, bytes);
      const stored = await evidenceStore.importFile(await evidenceStore.inspect(path));
      pool[kind].push({
        kind,
        name: stored.name,
        caption: null,
        bytes: stored.bytes,
        sha256: stored.sha256,
        mime: stored.mime,
      });
    }
  }
  rmSync(sources, { recursive: true, force: true });

  // The synchronous store behind the async contract: a batch of claims is one transaction.
  const store = openStore(join(dataDir, 'claims.db')).sync;
  const counts = {};
  let nextTicket = 4_100_000;
  // One transaction per batch: a commit per claim spends most of its time rewriting index pages
  // into the WAL (measured here: ~0.65 ms a claim, against ~0.2 ms in batches).
  const BATCH = 2000;
  const addClaim = (n) => {
    const open = rng.chance(openShare);
    const target = open ? rng.weighted(OPEN_MIX) : rng.weighted(CLOSED_MIX);
    // Closed claims were drafted over the last three years; open ones in the last seven weeks.
    const createdOn = addDays(today, open ? -rng.int(0, 50) : -rng.int(60, 1100));
    const fields = claimFields(rng, n, createdOn);
    assertConsistent(fields);
    const createdAt = `${createdOn}T${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
    const evidence = EVIDENCE_BY_REASON[fields.reason].map((kind, index) => ({
      ...rng.pick(pool[kind]),
      number: index + 1,
      addedAt: createdAt,
    }));
    const claim = store.insertClaim({ fields, createdAt, createdOn, evidence }, { allowDuplicate: false });

    const events = lifecycle(rng, target, createdOn, today, fields, () => String(nextTicket++));
    // Every event must be a move the product allows from the status it is recorded in.
    let status = 'draft';
    const seen = [];
    for (const event of events) {
      const move = moveOf(event);
      if (move) assertMoveAllowed(claim.id, status, move);
      seen.push({ ...event, seq: seen.length + 2 });
      status = foldEvents(seen, fields.requested).status;
    }
    if (status !== target) throw new Error(`generator bug: ${target} claim ended ${status}`);
    if (events.length > 0) store.changeClaim(claim.id, () => ({ change: { events }, result: null }));
    counts[target] = (counts[target] ?? 0) + 1;
  };
  try {
    for (let first = 0; first < count; first += BATCH) {
      store.transaction(() => {
        for (let n = first; n < Math.min(count, first + BATCH); n++) addClaim(n);
      });
      if ((first + BATCH) % 20_000 === 0)
        log(`${first + BATCH} claims (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    store.close();
  }
  return { counts, seconds: (performance.now() - started) / 1000 };
}

function claimFields(rng, n, createdOn) {
  const [accountName, advertiserIdOrNull, email] = rng.pick(ACCOUNTS);
  const channel = rng.weighted([
    ['tiktok-ads', 60],
    ['tiktok-promote', 25],
    ['creator', 15],
  ]);
  const advertiserId = channel === 'tiktok-ads' ? (advertiserIdOrNull ?? '7012345678999') : null;
  const reason = rng.weighted(REASONS_BY_CHANNEL[channel]);
  const currency = rng.weighted(CURRENCIES);
  const unit = currency === 'JPY' ? 1 : 100;
  const charged = rng.int(20, 5000) * unit + (unit === 1 ? 0 : rng.int(0, 99));
  const expected = reason === 'incorrect-charge' ? Math.floor((charged * rng.int(10, 80)) / 100) : null;
  const requested = expected === null ? charged : charged - expected;
  const start = reason === 'technical-issue' ? `2026-0${rng.int(1, 9)}-1${rng.int(0, 9)}` : null;
  return {
    channel,
    reason,
    accountName: channel === 'tiktok-ads' && !advertiserIdOrNull ? `${accountName} Ads` : accountName,
    advertiserId,
    email,
    // Unique per claim: the duplicate rule stays quiet, as it does for real, distinct promotions.
    promotionId: String(1_790_000_000 + n),
    promotionName: rng.chance(0.7)
      ? rng.pick(['Summer sale', 'Spring launch', 'Black Friday', 'Back to school', 'Brand lift Q3'])
      : null,
    start,
    end: start === null ? null : start.replace(/-1(\d)$/, '-2$1'),
    currency,
    charged,
    expected,
    requested,
    chargeDate: reason === 'accidental-charge' ? `2026-0${rng.int(1, 9)}-0${rng.int(1, 9)}` : null,
    promised: reason === 'non-performance' ? '500,000 impressions in Germany' : null,
    delivered: reason === 'non-performance' ? `${rng.int(10, 200)},000 impressions` : null,
    creator: reason === 'creator-no-delivery' ? `@creator.${rng.int(1, 400)}` : null,
    deliverables:
      reason === 'creator-no-delivery' ? 'Three 30-second videos with the product link, posted by the 15th' : null,
    description: DESCRIPTIONS[reason],
    // Some users know the platform's filing deadline.
    fileBy: rng.chance(0.1) ? addDays(createdOn, rng.int(3, 20)) : null,
    // Version 2's facts: those the reason requires, and how a creator was paid.
    noticedOn: null,
    cancelledOn: reason === 'campaign-cancelled' ? createdOn : null,
    cancelReason: reason === 'campaign-cancelled' ? 'The product launch was called off' : null,
    failure: reason === 'technical-issue' ? 'delivery stopped while the budget kept being spent' : null,
    invoice: null,
    balanceShownOn: reason === 'unspent-balance' ? createdOn : null,
    deliverablesDue: reason === 'creator-no-delivery' ? createdOn : null,
    paidVia: channel === 'creator' ? 'direct' : null,
    asCredit: false,
    agency: null,
    salesRep: null,
  };
}

/**
 * The events that take a claim drafted on `createdOn` to `target`, each dated after the one
 * before and never after `today`. Open claims end close to today, so their next actions fall due
 * anywhere from a few weeks ago to a few weeks ahead.
 */
function lifecycle(rng, target, createdOn, today, fields, ticket) {
  const events = [];
  let day = createdOn;
  const later = (min, max) => {
    const next = addDays(day, rng.int(min, max));
    day = next > today ? today : next;
    return day;
  };
  const push = (type, data = {}, note = null) =>
    events.push({
      type,
      on: day,
      recordedAt: `${day}T${String(rng.int(8, 19)).padStart(2, '0')}:00:00.000Z`,
      note,
      data,
    });
  const submit = () => {
    later(0, 3);
    push('submitted', { ticket: ticket() });
  };
  const conversation = () => {
    if (rng.chance(0.3)) {
      later(1, 6);
      push('message', { from: 'support', message: 'Please send the invoice for the charge.', infoRequested: true });
      later(0, 3);
      push('message', { from: 'me', message: 'Invoice attached to the ticket.' });
    }
    if (rng.chance(0.35)) {
      later(3, 6);
      push('followup-sent');
    }
  };
  const decide = (decision) => {
    later(2, 20);
    const amount = decision === 'partially-approved' ? Math.floor(fields.requested / 2) : null;
    push('decision', {
      decision,
      amount,
      reason: decision === 'denied' ? 'The charge was for delivered impressions.' : null,
      expectBy: null,
      appealBy: null,
    });
  };
  const appeal = () => {
    later(1, 6);
    push('appeal-sent');
  };
  const close = (outcome) => {
    later(outcome === 'withdrawn' ? 0 : 5, 30);
    push('closed', { outcome, amount: null });
  };

  switch (target) {
    case 'draft':
      break;
    case 'submitted':
      submit();
      if (rng.chance(0.4)) {
        later(3, 5);
        push('followup-sent');
        if (rng.chance(0.5)) {
          later(3, 5);
          push('followup-sent');
        }
      }
      break;
    case 'info-requested':
      submit();
      later(1, 8);
      push('message', {
        from: 'support',
        message: 'Please send a screenshot of the billing page.',
        infoRequested: true,
      });
      break;
    case 'approved':
    case 'partially-approved':
      submit();
      conversation();
      decide(target);
      break;
    case 'denied':
      submit();
      conversation();
      decide('denied');
      break;
    case 'appealed':
      submit();
      decide('denied');
      appeal();
      break;
    case 'refunded':
    case 'credited': {
      submit();
      conversation();
      const appealed = rng.chance(0.15);
      if (appealed) {
        decide('denied');
        appeal();
      }
      decide(rng.chance(0.85) ? 'approved' : 'partially-approved');
      close(target);
      break;
    }
    case 'rejected':
      submit();
      conversation();
      decide('denied');
      if (rng.chance(0.3)) {
        appeal();
        decide('denied');
      }
      close('rejected');
      break;
    case 'withdrawn':
      if (rng.chance(0.5)) submit();
      close('withdrawn');
      break;
    default:
      throw new Error(`unknown status ${target}`);
  }
  return events;
}

/** Calendar arithmetic on `YYYY-MM-DD` in UTC: the generator's own, so it needs no product module. */
function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/lib/claims-dataset.js <data dir> [count]');
    process.exitCode = 2;
  } else {
    const result = await generateClaims(dir, { count: count ? Number(count) : undefined, log: console.error });
    console.log(JSON.stringify(result, null, 2));
  }
}
