import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_FOLDS, searchExcerpt, searchForm, searchScore, searchTerms } from './search-text';

describe('searchForm', () => {
  it('reads Arabic letters, the zero-width non-joiner, tatweel and Persian digits as a Persian keyboard writes them', () => {
    expect(searchForm('كيف')).toBe(searchForm('کیف'));
    expect(searchForm('نمی‌شود')).toBe('نمیشود');
    expect(searchForm('سـرور')).toBe('سرور');
    expect(searchForm('سفارش ۱۰۴۲ و ١٠٤٢')).toBe('سفارش 1042 و 1042');
  });

  it('changes the folded characters alone, each as SEARCH_FOLDS says, wherever they stand', () => {
    const folds = new Map(SEARCH_FOLDS);
    const folded = fc.constantFrom(...SEARCH_FOLDS.map(([from]) => from));
    const texts = fc.array(fc.oneof(folded, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(texts, (text) => searchForm(text) === [...text].map((c) => folds.get(c) ?? c).join('')));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => searchForm(searchForm(text)) === searchForm(text)));
  });
});

describe('searchTerms', () => {
  it('splits on white space and leaves out words the index cannot look up', () => {
    expect(searchTerms('  DNS  is  down ')).toEqual(['DNS', 'down']);
    expect(searchTerms('سرور من')).toEqual(['سرور']);
  });
});

describe('searchExcerpt', () => {
  it('marks every occurrence, whatever the case and the letter variants', () => {
    const excerpt = searchExcerpt('Server down; the SERVER reboots', 'server')!;
    expect(excerpt.ranges.map(([a, b]) => excerpt.text.slice(a, b))).toEqual(['Server', 'SERVER']);
    const persian = searchExcerpt('سرور من راه‌اندازی نمی‌شود', 'راهاندازي')!;
    expect(persian.ranges.map(([a, b]) => persian.text.slice(a, b))).toEqual(['راه‌اندازی']);
  });

  it('shows a window around the first match of a long text, with offsets into that window', () => {
    const text = `${'a'.repeat(500)} disk full ${'b'.repeat(500)}`;
    const excerpt = searchExcerpt(text, 'disk', 100)!;
    expect(excerpt.text.length).toBe(100);
    const [[from, to]] = excerpt.ranges as [[number, number]];
    expect(excerpt.text.slice(from, to)).toBe('disk');
  });

  it('merges overlapping matches and says null when nothing occurs', () => {
    expect(searchExcerpt('aaaa', 'aaa')!.ranges).toEqual([[0, 4]]);
    expect(searchExcerpt('nothing here', 'absent')).toBeNull();
    expect(searchExcerpt('text', 'ab')).toBeNull();
  });

  it('always marks text that folds to a term', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 8 }), fc.string(), fc.string(), (word, before, after) => {
        fc.pre(!/\s/u.test(word) && searchTerms(word).length === 1);
        const excerpt = searchExcerpt(`${before} ${word} ${after}`, word, 10_000);
        expect(excerpt).not.toBeNull();
        expect(excerpt!.ranges.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('searchScore', () => {
  it('ranks a text that says the words more often, or says them in fewer words, higher', () => {
    const average = 40;
    const once = searchScore('The DNS zone stopped answering today', ['dns'], average);
    expect(searchScore('DNS zone: the DNS stopped answering', ['dns'], average)).toBeGreaterThan(once);
    expect(searchScore('DNS down', ['dns'], average)).toBeGreaterThan(once);
    expect(searchScore('nothing about it', ['dns'], average)).toBe(0);
  });

  it('reads the text in search form, as the index does', () => {
    expect(searchScore('سرور مي‌شود', searchTerms('میشود'), 20)).toBeGreaterThan(0);
  });

  it('never falls as a term occurs once more', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 500 }), (text, average) => {
        const more = `${text} disk`;
        expect(searchScore(more, ['disk'], average)).toBeGreaterThanOrEqual(searchScore(text, ['disk'], average) - 1e-9);
      }),
    );
  });
});
