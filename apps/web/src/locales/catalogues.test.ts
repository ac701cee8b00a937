import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every leaf key as a dotted path, so a missing translation names itself. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

describe('locale catalogues', () => {
  it('zh-CN has exactly the same keys as en', () => {
    expect(leafKeys(zhCN).sort()).toEqual(leafKeys(en).sort());
  });

  it('has no empty strings', () => {
    for (const catalogue of [en, zhCN]) {
      const empty = leafKeys(catalogue).filter((path) => {
        const leaf = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);
        return typeof leaf !== 'string' || leaf.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    // A formatted variable ({{count, plusOne}}) is still the variable `count`.
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)(?:,\s*\w+)?\}\}/g)].map((m) => m[1]).sort();
    const lookup = (catalogue: unknown, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue) as string;
    for (const path of leafKeys(en)) {
      expect(vars(lookup(zhCN, path)), path).toEqual(vars(lookup(en, path)));
    }
  });
});
