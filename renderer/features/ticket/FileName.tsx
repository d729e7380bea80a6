/**
 * A file's name as it is: without bidi controls (shared/display-names.ts), isolated from the text around
 * it, and its real extension shown apart, so "invoice\u202Efdp.exe" cannot pass for a PDF.
 */
import { extensionOf, withoutBidi } from '../../../shared/display-names';

export function FileName({ name }: { name: string }) {
  const ext = extensionOf(name);
  return (
    <>
      <bdi className="file-name">{withoutBidi(name)}</bdi>
      {ext && <span className="file-ext">{ext.toUpperCase()}</span>}
    </>
  );
}
