/**
 * PostgreSQL rows as the SQLite row mapping (../sqlite/rows.ts) reads them: the same column names,
 * with bigint money and sizes turned from the driver's strings into numbers. Minor units stay far
 * below 2^53, so the conversion is exact.
 */
import type { ClaimRow, EventRow, EvidenceRow } from '../sqlite/rows.js';

type Row = Record<string, unknown>;

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const CLAIM_BIGINTS = ['charged', 'expected', 'requested', 'approved', 'recovered'] as const;

export function claimRow(row: Row): ClaimRow {
  const converted: Row = { ...row };
  for (const column of CLAIM_BIGINTS) converted[column] = toNumber(row[column]);
  return converted as unknown as ClaimRow;
}

export function evidenceRow(row: Row): EvidenceRow & { claim_id: number } {
  return { ...row, bytes: Number(row.bytes) } as unknown as EvidenceRow & { claim_id: number };
}

export const eventRow = (row: Row): EventRow & { claim_id: number } =>
  row as unknown as EventRow & { claim_id: number };

/** Positions of bigint columns in SUMMARY_COLUMNS (charged, requested, recovered) and PENDING_COLUMNS (requested). */
export const SUMMARY_BIGINTS = [9, 10, 11];
export const PENDING_BIGINTS = [7];

export function numbersAt(values: readonly unknown[], positions: readonly number[]): unknown[] {
  const converted = [...values];
  for (const position of positions) converted[position] = toNumber(values[position]);
  return converted;
}
