/**
 * The desktop shell's state as the UI sees it: sync paused (from the tray or the status bar), the
 * update in progress, and the desktop-only settings. Held by main; the same shape in both transports.
 */
import { z } from 'zod';

/** Settings that only make sense for the installed app (null in browser mode). */
export const DesktopSettings = z
  .object({
    /** Closing the window keeps Switchboard running in the tray (notifications keep coming). */
    closeToTray: z.boolean(),
    startAtLogin: z.boolean(),
    /** Switchboard opens mailto: links (the customer's history); opt-in, off by default. */
    handleMailto: z.boolean(),
  })
  .strict();
export type DesktopSettings = z.infer<typeof DesktopSettings>;

export const defaultDesktopSettings: DesktopSettings = { closeToTray: false, startAtLogin: false, handleMailto: false };

export const UpdateStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  /** Downloaded and verified: "Restart to update" is offered. */
  z.object({ state: z.literal('ready'), version: z.string() }),
  /** The agent asked to restart while changes were being sent: it restarts once the outbox is idle. */
  z.object({ state: z.literal('waiting'), version: z.string() }),
  /** A failed check or a download whose signature or checksum failed: discarded, the app unchanged. */
  z.object({ state: z.literal('failed'), message: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const ShellState = z.object({
  syncPaused: z.boolean(),
  /** null: no updater here (browser mode, or a development build). */
  update: UpdateStatus.nullable(),
  desktop: DesktopSettings.nullable(),
});
export type ShellState = z.infer<typeof ShellState>;

/** Where main asks the UI to go: the application menu, a mailto: link. */
export const Navigate = z.discriminatedUnion('to', [
  z.object({ to: z.literal('settings') }),
  z.object({ to: z.literal('about') }),
  z.object({ to: z.literal('search'), query: z.string().max(1000) }),
]);
export type Navigate = z.infer<typeof Navigate>;

/** A runtime dependency shipped in the app, with its licence (the About box lists them). */
export const Licence = z.object({ name: z.string(), version: z.string(), license: z.string(), text: z.string() });
export type Licence = z.infer<typeof Licence>;
