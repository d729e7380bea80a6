/** Text with the words a search matched marked (`matches` tells a matched word; see SearchService.matcher). */
import { Fragment } from 'react';

const WORD = /([\p{L}\p{N}]+)/u;

export function Highlight({ text, matches }: { text: string; matches: ((word: string) => boolean) | null }) {
  if (!matches) return <>{text}</>;
  return (
    <>
      {text.split(WORD).map((part, i) => (i % 2 === 1 && matches(part) ? <mark key={i}>{part}</mark> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
