/**
 * Everything that enters main has a bound that fits its meaning: no string, array or number of the
 * contract is open-ended, and a request just outside any one bound is refused while the same request just
 * inside it passes.
 */
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../shared/contract';
import { justOutside, paramsSchema, unbounded } from '../../support/contract-bounds';

describe('contract bounds', () => {
  it('leaves no string, array, number or record without a bound', () => {
    expect(methodNames.flatMap((m) => unbounded(paramsSchema(m), m))).toEqual([]);
  });

  it.each([...methodNames])('%s: refuses each value just outside its bound, accepts it just inside', (method) => {
    const { valid, variants } = justOutside(method);
    const schema = contract[method].params;
    expect(schema.safeParse(valid).success).toBe(true);
    for (const variant of variants) {
      expect(schema.safeParse(variant.inside).success, `${variant.path} inside`).toBe(true);
      expect(schema.safeParse(variant.params).success, `${variant.path} outside`).toBe(false);
    }
  });

  it('bounds IMAP numbers as 32-bit and never negative', () => {
    const paths = justOutside('push').variants.filter((v) => /uidValidity$/.test(v.path)).map((v) => (JSON.stringify(v.params).match(/"uidValidity":(-?[\d.]+)/) ?? [])[1]);
    expect(paths).toEqual(expect.arrayContaining(['-1', '4294967296']));
  });
});
