/**
 * Text for search: Unicode case folding, ё → е, Latin diacritics removed, Latin and Cyrillic words,
 * Snowball stemming for English and Russian, HTML to text, and the quoted history and signature of a
 * message told apart from what was written in it (they weigh less in ranking).
 */
import { newStemmer } from 'snowball-stemmers';

const russian = newStemmer('russian');
const english = newStemmer('english');

/** A run of letters or digits (with inner apostrophes), in any script. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CYRILLIC = /[\u0400-\u04ff]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Case-folded, ё → е, and Latin letters without diacritics ("Café" → "cafe"; "й" stays "й"). */
export function fold(text: string): string {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  // Only Latin letters lose their marks: Cyrillic й and ё are letters, not a letter with a mark.
  return /[\u00c0-\u024f]/.test(lower) ? lower.replace(/[\u00c0-\u024f]+/g, (s) => s.normalize('NFD').replace(COMBINING, '')) : lower;
}

/** The folded words of a text, in order. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Stems are cached: mail repeats its vocabulary, and Snowball costs microseconds per word. */
const stems = new Map<string, string>();
const STEM_CACHE = 200_000;

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Readable text of an HTML body, for indexing (never for display). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Where the quoted history starts: "On … wrote:", "-----Original Message-----", Russian clients' forms. */
const QUOTE_START = /^(?:-{2,}\s*(?:original message|forwarded message|исходное сообщение|пересылаемое сообщение)|(?:on|am|le)\s.{0,200}(?:wrote|schrieb|a écrit)\s*:|.{0,200}(?:пишет|писал[а]?)\s*:|from:\s.+|от:\s.+)\s*$/i;

/** A message's own words, and its quoted history plus signature, which weigh less. */
export function splitQuoted(text: string): { own: string; quoted: string } {
  const lines = text.split(/\r?\n/);
  const own: string[] = [];
  const quoted: string[] = [];
  let rest = false;
  for (const line of lines) {
    if (!rest && (line === '-- ' || line === '--' || QUOTE_START.test(line.trim()))) rest = true;
    (rest || line.startsWith('>') ? quoted : own).push(line);
  }
  return { own: own.join('\n'), quoted: quoted.join('\n') };
}
