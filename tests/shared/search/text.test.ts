import { describe, expect, it } from 'vitest';
import { fold, htmlToText, splitQuoted, stem, terms, words } from '../../../shared/search/text';

describe('search text processing', () => {
  it('folds case, ё and Latin diacritics, and keeps й', () => {
    expect(fold('ÉCOLE Café Ёжик Йогурт')).toBe('ecole cafe ежик йогурт');
    expect(fold('ﬁle Straße ＡＢＣ')).toBe('file strasse abc');
  });
  it('splits Latin and Cyrillic words, numbers and apostrophes', () => {
    expect(words("Order #4512: can't pay — оплата не прошла!")).toEqual(['order', '4512', "can't", 'pay', 'оплата', 'не', 'прошла']);
  });
  it('stems English and Russian with Snowball, so word forms meet', () => {
    expect(stem('оплатой')).toBe(stem('оплата'));
    expect(stem('возврата')).toBe(stem('возврат'));
    expect(stem('платёж'.replace('ё', 'е'))).toBe(terms('ПЛАТЁЖ')[0]);
    expect(stem('refunded')).toBe(stem('refunds'));
    expect(terms('Shipping shipped')).toEqual(['ship', 'ship']);
    expect(stem('4512')).toBe('4512');
  });
  it('turns HTML into text for indexing', () => {
    expect(htmlToText('<style>p{}</style><p>Hello&nbsp;<b>world</b> &amp; &#1087;&#x440;</p><script>x()</script>').replace(/\s+/g, ' ').trim()).toBe('Hello world & пр');
  });
  it('tells the quoted history and signature from what was written', () => {
    const { own, quoted } = splitQuoted('Still broken.\n\nOn Mon, 3 Nov 2026 Anna wrote:\n> please retry\n');
    expect(own.trim()).toBe('Still broken.');
    expect(quoted).toContain('please retry');
    expect(splitQuoted('Спасибо!\n-- \nИван, ООО Ромашка').quoted).toContain('Ромашка');
    expect(splitQuoted('Привет\n\n15.11.2026, Анна пишет:\n> старое').own.trim()).toBe('Привет');
  });
});
