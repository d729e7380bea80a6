/** Bounds shared by main and the UI, apart from the schemas that use them (the UI reads them without building those). */

/**
 * Bounds on what a change carries to main (the cache cuts to them: reply-context.ts): generous for real
 * mail — IMAP numbers are 32-bit, a Message-ID a line, a subject a paragraph — and refusing the absurd.
 */
export const MAX_UINT32 = 2 ** 32 - 1;
export const MAX_FOLDER = 1000;
export const MAX_MESSAGE_ID = 2000;
export const MAX_SUBJECT = 10_000;
export const MAX_RECIPIENTS = 1000;
/** Server copies a triage change is written to: the newest ones of a longer conversation. */
export const MAX_TARGETS = 10_000;

/** Files sent with one reply, in all: what most mail servers accept. The composer says so before anything is sent. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
/**
 * Files never travel inside a change: the composer stages them in main a chunk at a time (no frame or IPC
 * message over a few hundred KB), and the change names them by `fileId`.
 */
export const FILE_CHUNK_BYTES = 512 * 1024;
/** The largest attachment main fetches for the page to open; bigger ones are opened in a mail program. */
export const MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024;
