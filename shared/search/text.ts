/**
 * Text for search: Unicode case folding, ё → е, Latin diacritics removed, Latin and Cyrillic words,
 * Snowball stemming for English and Russian, HTML to text, and the quoted history and signature of a
 * message told apart from what was written in it (they weigh less in ranking).
 */
import { newStemmer } from 'snowball-stemmers';

export { htmlToText } from '../html-text';

const russian = newStemmer('russian');
const english = newStemmer('english');

/** A run of letters or digits (with inner apostrophes), in any script. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Case-folded (compatibility forms too: "ﬁ" → "fi", "ß" → "ss"), ё → е, and Latin letters without
 * diacritics ("Café" → "cafe"; "й" stays "й"). */
export function fold(text: string): string {
  const plain = /[^\t\n\r -~]/.test(text) ? text.normalize('NFKC').replace(/ß/g, 'ss') : text;
  const lower = plain.toLowerCase().replace(/ё/g, 'е');
  // Only Latin letters lose their marks: Cyrillic й and ё are letters, not a letter with a mark.
  return /[\u00c0-\u024f]/.test(lower) ? lower.replace(/[\u00c0-\u024f]+/g, (s) => s.normalize('NFD').replace(COMBINING, '')) : lower;
}

/** Longer "words" are encoded data or noise, never searched for. */
const MAX_WORD = 64;

/** The folded words of a text, in order. Characters beyond the BMP (rare scripts) are left out: the
 * index orders terms by UTF-8 bytes, which matches JavaScript's string order only within the BMP. */
export function words(text: string): string[] {
  const found = (fold(text).match(WORD) ?? []).filter((w) => w.length <= MAX_WORD);
  return found.some((w) => /[\ud800-\udfff]/.test(w)) ? found.map((w) => w.replace(/[\ud800-\udfff]/g, '')).filter(Boolean) : found;
}

/**
 * Words too common to find anything by (from Snowball's English and Russian stop lists, shortened):
 * left out of the index, and out of a query's required words. Exact phrases still match them, since
 * phrases are checked against the text itself.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by do does did for from had has have he her his i if in into is it its me my no ' +
    'not of on or our she so than that the their them then there these they this those to was we were what which who ' +
    'will with would you your am can could just about also ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня ' +
    'еще нет о из ему когда даже ну ли если уже или ни быть был него до вас там ей они тут где есть для мы тебя их чем ' +
    'была сам без чего тоже себе под будет кто этот того потому этого ним здесь этом мой тем чтобы нее были при об ' +
    'тот через эти нас про всего них эту моя этой перед том им'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Stems are cached: mail repeats its vocabulary, and Snowball costs microseconds per word. */
const stems = new Map<string, string>();
const STEM_CACHE = 200_000;

/** Frees the stem cache (after indexing: it only speeds up bulk work). */
export function clearStemCache(): void {
  stems.clear();
}

/** The Snowball stem of a folded word: Russian for Cyrillic, English for Latin, numbers as they are. */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  let result = word;
  if (word.length > 2 && !/\d/.test(word)) result = CYRILLIC.test(word) ? russian.stem(word) : english.stem(word.replace(/['’]s$/, ''));
  if (stems.size >= STEM_CACHE) stems.clear();
  stems.set(word, result);
  return result;
}

/** The index terms of a text: each word stemmed. */
export function terms(text: string): string[] {
  return words(text).map(stem);
}

/** Where the quoted history starts: "On … wrote:", "-----Original Message-----", Russian clients' forms. */
const QUOTE_START = /^(?:-{2,}\s*(?:original message|forwarded message|исходное сообщение|пересылаемое сообщение)|(?:on|am|le)\s.{0,200}(?:wrote|schrieb|a écrit)\s*:|.{0,200}(?:пишет|писал[а]?)\s*:|from:\s.+|от:\s.+)\s*$/i;

/** A message's own words, and its quoted history plus signature, which weigh less (the line that
 * introduces them is dropped). */
export function splitQuoted(text: string): { own: string; quoted: string } {
  const lines = text.split(/\r?\n/);
  const own: string[] = [];
  const quoted: string[] = [];
  let rest = false;
  for (const line of lines) {
    // The attribution ("On … wrote:") and the signature delimiter start the rest; they are not indexed.
    if (!rest && (line === '-- ' || line === '--' || QUOTE_START.test(line.trim()))) {
      rest = true;
      continue;
    }
    (rest || line.startsWith('>') ? quoted : own).push(line);
  }
  return { own: own.join('\n'), quoted: quoted.join('\n') };
}
