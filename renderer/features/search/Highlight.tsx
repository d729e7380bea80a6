/** Text with the words a search matched marked: a word matches when its stem is one of the matched terms. */
import { Fragment } from 'react';
import { fold, stem } from '../../../shared/search/text';

const WORD = /([\p{L}\p{N}]+)/u;

export function Highlight({ text, terms }: { text: string; terms: ReadonlySet<string> }) {
  if (terms.size === 0) return <>{text}</>;
  return (
    <>
      {text.split(WORD).map((part, i) => {
        const folded = i % 2 === 1 ? fold(part) : '';
        return i % 2 === 1 && (terms.has(stem(folded)) || terms.has(folded)) ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>;
      })}
    </>
  );
}
