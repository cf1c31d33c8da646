import { describe, expect, it } from 'vitest';
import { amountFormat, exportXlsx } from '../../../src/app/export-claims.js';
import type { XlsxCell } from '../../../src/app/deps.js';
import { savedClaim, useCaseDeps } from '../../helpers/use-case-deps.js';

describe('exportXlsx', () => {
  it('types every cell: IDs as text, amounts as numbers in their currency, days as dates', async () => {
    const { store } = useCaseDeps();
    await savedClaim(store, { advertiserId: '7012345678901234567', promotionId: '1790000000000000001' });
    const calls: { sheet: string; header: readonly string[]; rows: readonly (readonly XlsxCell[])[] }[] = [];
    const { count } = await exportXlsx({
      store,
      xlsx: {
        write(sheet, header, rows) {
          calls.push({ sheet, header, rows });
          return Promise.resolve(new Uint8Array());
        },
      },
    });
    expect(count).toBe(1);
    const [call] = calls;
    expect(call?.header[5]).toBe('advertiser_id');
    expect(call?.rows[0]?.slice(5, 12)).toEqual([
      { kind: 'text', value: '7012345678901234567' },
      { kind: 'text', value: '1790000000000000001' },
      { kind: 'text', value: 'Summer sale' },
      { kind: 'text', value: 'USD' },
      { kind: 'number', value: 500, format: '"USD "#,##0.00' },
      { kind: 'number', value: 200, format: '"USD "#,##0.00' },
      null,
    ]);
    expect(call?.rows[0]?.[15]).toEqual({ kind: 'date', value: '2026-11-20' });
  });

  it("formats amounts with the currency's own decimals", () => {
    expect(amountFormat('JPY')).toBe('"JPY "#,##0');
    expect(amountFormat('BHD')).toBe('"BHD "#,##0.000');
  });
});
