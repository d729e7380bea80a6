/**
 * Large messages without their bulky parts. A large multipart message is fetched as its headers, the MIME
 * headers of every part, and the content of its text parts and small parts only; a bulky part (a PDF, a
 * screenshot) comes as an empty placeholder that keeps its own MIME headers plus its size. The rebuilt
 * message has the same tree, so the parser finds the same text and HTML, the same attachments in the
 * same order (their ids, and fetching them on demand, are unchanged) and the same inline parts — without
 * downloading or decoding what the agent opens only on demand.
 */
import type { MessageStructureObject } from 'imapflow';

export interface PartialLimits {
  /** Messages larger than this are fetched part by part. */
  largeBytes: number;
  /** Parts other than text larger than this are left on the server. */
  skipBytes: number;
}

export const DEFAULT_LIMITS: PartialLimits = { largeBytes: 64 * 1024, skipBytes: 8 * 1024 };

/** Carried by a placeholder part: the size of the content left on the server (decoded, estimated). */
export const PART_SIZE_HEADER = 'X-Switchboard-Part-Size';

const isMultipart = (node: MessageStructureObject) => node.type.toLowerCase().startsWith('multipart/');

function isBulky(node: MessageStructureObject, limits: PartialLimits): boolean {
  const text = node.type.toLowerCase().startsWith('text/') && node.disposition?.toLowerCase() !== 'attachment';
  return !isMultipart(node) && !text && (node.size ?? 0) > limits.skipBytes;
}

function* nodes(node: MessageStructureObject): Generator<MessageStructureObject> {
  yield node;
  if (isMultipart(node)) for (const child of node.childNodes ?? []) yield* nodes(child);
}

/** Whether the message can be rebuilt from parts: multipart, every multipart with its boundary. */
export function canRebuild(structure: MessageStructureObject): boolean {
  if (!isMultipart(structure)) return false;
  for (const node of nodes(structure)) {
    if (isMultipart(node) && (!node.parameters?.boundary || !node.childNodes?.length)) return false;
    if (node !== structure && !node.part) return false;
  }
  return true;
}

/** The BODY[…] sections to fetch: each part's MIME headers, and the content of the parts kept. */
export function partSections(structure: MessageStructureObject, limits: PartialLimits): string[] {
  const sections: string[] = [];
  for (const node of nodes(structure)) {
    if (node === structure) continue;
    sections.push(`${node.part}.MIME`);
    if (!isMultipart(node) && !isBulky(node, limits)) sections.push(node.part!);
  }
  return sections;
}

/** How many bytes fetching `partSections` brings (the parts kept: text, HTML, small ones). */
export function keptBytes(structure: MessageStructureObject, limits: PartialLimits): number {
  let sum = 0;
  for (const node of nodes(structure)) if (node !== structure && !isMultipart(node) && !isBulky(node, limits)) sum += node.size ?? 0;
  return sum;
}

/** A base64 part's decoded size, from its encoded size (76 characters and a line break per 57 bytes). */
const decodedSize = (node: MessageStructureObject) => {
  const size = node.size ?? 0;
  return node.encoding?.toLowerCase() === 'base64' ? Math.round((size * 57) / 78) : size;
};

function withSizeHeader(mime: Buffer, size: number): Buffer {
  const end = mime.lastIndexOf('\r\n\r\n');
  const headers = end >= 0 ? mime.subarray(0, end + 2) : Buffer.concat([mime, Buffer.from('\r\n')]);
  return Buffer.concat([headers, Buffer.from(`${PART_SIZE_HEADER}: ${size}\r\n\r\n`)]);
}

/**
 * The message rebuilt from its header, its structure and the fetched sections (keys in lower case, as
 * `2.1.mime`); null when a section is missing (the caller then fetches the whole message).
 */
export function rebuild(header: Buffer, structure: MessageStructureObject, sections: Map<string, Buffer>, limits: PartialLimits): Buffer | null {
  const out: Buffer[] = [header];
  const content = (node: MessageStructureObject): boolean => {
    if (!isMultipart(node)) {
      const body = sections.get(node.part!);
      if (body) out.push(body);
      return body !== undefined;
    }
    const boundary = String(node.parameters!.boundary);
    for (const child of node.childNodes!) {
      const mime = sections.get(`${child.part}.mime`);
      if (!mime) return false;
      out.push(Buffer.from(`\r\n--${boundary}\r\n`));
      if (isBulky(child, limits)) out.push(withSizeHeader(mime, decodedSize(child)));
      else {
        out.push(mime);
        if (!content(child)) return false;
      }
    }
    out.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    return true;
  };
  return content(structure) ? Buffer.concat(out) : null;
}
