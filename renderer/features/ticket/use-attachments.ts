/**
 * The composer's files: checked against the one limit as they are chosen (the agent told the size, before
 * anything is sent), then staged in main a chunk at a time with their progress shown. A reply names them
 * by id; the files themselves never travel inside a change.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AttachedFile } from '../../../shared/mutation';
import { FILE_CHUNK_BYTES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from '../../../shared/limits';
import { isAppErrorShape } from '../../../shared/contract/errors';
import { api } from '../../api';
import { fileSize } from '../../app/format';

export interface ComposerFile extends AttachedFile {
  /** Bytes staged so far: `size` when the file is ready to send. */
  received: number;
}

export const ready = (files: readonly ComposerFile[]) => files.every((f) => f.received === f.size);
export const attached = (files: readonly ComposerFile[]): AttachedFile[] => files.map(({ fileId, name, type, size }) => ({ fileId, name, type, size }));

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Stages one file in main, chunk after chunk; `progress` after each. */
async function stage(file: File, fileId: string, progress: (received: number) => void): Promise<void> {
  let offset = 0;
  do {
    const bytes = new Uint8Array(await file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer());
    const { received } = await api().stageFile({ fileId, size: file.size, offset, chunk: base64Of(bytes) });
    if (received !== offset + bytes.length) throw new Error('the file changed while it was being attached');
    offset = received;
    progress(offset);
  } while (offset < file.size);
}

export function useAttachments(setError: (message: string | null) => void) {
  const { t, i18n } = useTranslation();
  const [files, setFiles] = useState<ComposerFile[]>([]);
  const current = useRef(files);
  current.current = files;
  const size = (bytes: number) => fileSize(bytes, i18n.language);

  const add = async (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    if (chosen.length === 0) return;
    const tooBig = chosen.find((f) => f.size > MAX_ATTACHMENT_BYTES);
    const total = [...current.current, ...chosen].reduce((sum, f) => sum + f.size, 0);
    if (tooBig) return setError(t('composer.fileTooBig', { limit: size(MAX_ATTACHMENT_BYTES), name: tooBig.name, size: size(tooBig.size) }));
    if (total > MAX_ATTACHMENT_BYTES) return setError(t('composer.filesTooBig', { limit: size(MAX_ATTACHMENT_BYTES), size: size(total) }));
    if (current.current.length + chosen.length > MAX_ATTACHMENTS) return setError(t('composer.tooManyFiles', { count: MAX_ATTACHMENTS }));
    setError(null);
    const added = chosen.map((file) => ({ file, entry: { fileId: crypto.randomUUID(), name: file.name || 'file', type: file.type, size: file.size, received: 0 } }));
    setFiles((now) => [...now, ...added.map((a) => a.entry)]);
    for (const { file, entry } of added) {
      try {
        await stage(file, entry.fileId, (received) => setFiles((now) => now.map((f) => (f.fileId === entry.fileId ? { ...f, received } : f))));
      } catch (error) {
        setFiles((now) => now.filter((f) => f.fileId !== entry.fileId));
        setError(t('composer.attachFailed', { name: entry.name, reason: isAppErrorShape(error) ? error.message : String(error) }));
      }
    }
  };

  /** Taken off the reply: main lets go of the staged copy. */
  const remove = (fileId: string) => {
    setFiles((now) => now.filter((f) => f.fileId !== fileId));
    void api().discardFiles({ fileIds: [fileId] }).catch(() => undefined);
  };

  /**
   * The files now belong to the reply sent, or come back with a draft: the composer takes them without
   * staging or discarding anything. (Files of a draft left for good go with main's monthly sweep.)
   */
  const replace = useCallback((next: ComposerFile[]) => setFiles(next), []);

  return { files, add, remove, replace, size };
}
