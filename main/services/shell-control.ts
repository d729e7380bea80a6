/**
 * The shell's state held in main: sync paused, the update in progress, the desktop settings. The tray,
 * the application menu and every window see the same state; a change is announced as `shellChanged`.
 * No electron here: the desktop applies settings and installs updates through `DesktopHooks`.
 */
import { join } from 'node:path';
import { AppError, type Emit } from '../../shared/contract';
import { DesktopSettings, defaultDesktopSettings, type ShellState, type UpdateStatus } from '../../shared/shell';
import { log } from '../log';
import { readJson, writeJsonAtomic } from './files';

export interface DesktopHooks {
  /** Makes the settings real: login item, mailto: handler. Close-to-tray is read when the window closes. */
  apply(settings: DesktopSettings): void;
  /** Quits and installs the downloaded update. */
  installUpdate(): void;
}

export type Language = 'en' | 'ru';

export class ShellControl {
  private syncPaused = false;
  private outboxBusy = false;
  private update: UpdateStatus | null = null;
  private desktop: DesktopSettings | null = null;
  private readonly listeners = new Set<(state: ShellState) => void>();
  private lang: Language = 'en';
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly emit: Emit,
    private readonly hooks: DesktopHooks | null = null,
  ) {
    this.file = join(dataDir, 'desktop-settings.json');
    if (hooks) this.desktop = readJson(this.file, DesktopSettings) ?? { ...defaultDesktopSettings };
  }

  state(): ShellState {
    return { syncPaused: this.syncPaused, update: this.update, desktop: this.desktop };
  }

  /** The tray and the menu follow the state; returns the unsubscribe. */
  onChange(listener: (state: ShellState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): ShellState {
    const state = this.state();
    this.emit('shellChanged', state);
    for (const listener of this.listeners) listener(state);
    return state;
  }

  setSyncPaused(paused: boolean): ShellState {
    if (paused !== this.syncPaused) log.info(paused ? 'sync paused' : 'sync resumed');
    this.syncPaused = paused;
    return this.changed();
  }

  setDesktopSettings(change: Partial<DesktopSettings>): ShellState {
    if (!this.hooks || !this.desktop) throw new AppError('unsupported', 'Desktop settings apply to the installed app, not to browser mode');
    this.desktop = { ...this.desktop, ...change };
    writeJsonAtomic(this.file, this.desktop);
    this.hooks.apply(this.desktop);
    return this.changed();
  }

  /** Applies the saved settings at start (the login item may have been removed by the OS meanwhile). */
  applySaved(): void {
    if (this.hooks && this.desktop) this.hooks.apply(this.desktop);
  }

  get language(): Language {
    return this.lang;
  }

  /** The UI's language, for the tray and the menu. */
  setLanguage(language: Language): void {
    if (language === this.lang) return;
    this.lang = language;
    this.changed();
  }

  get closeToTray(): boolean {
    return this.desktop?.closeToTray ?? false;
  }

  /** mailto: links open in Switchboard only when the agent opted in. */
  get handleMailto(): boolean {
    return this.desktop?.handleMailto ?? false;
  }

  /** The renderer says whether the outbox is sending; a restart the agent asked for waits for idle. */
  setOutboxBusy(busy: boolean): void {
    this.outboxBusy = busy;
    if (!busy && this.update?.state === 'waiting') this.install();
  }

  setUpdate(status: UpdateStatus): void {
    // A restart already asked for stays asked for while the same version is still ready.
    if (status.state === 'ready' && this.update?.state === 'waiting' && this.update.version === status.version) return;
    this.update = status;
    this.changed();
  }

  /** "Restart to update": never while a reply is being sent or the outbox is flushing. */
  requestInstall(): ShellState {
    const update = this.update;
    if (!update || (update.state !== 'ready' && update.state !== 'waiting')) throw new AppError('not_found', 'No update is ready to install');
    if (this.outboxBusy) {
      log.info(`update ${update.version} will install once the outbox is idle`);
      this.update = { state: 'waiting', version: update.version };
      return this.changed();
    }
    this.install();
    return this.state();
  }

  private install(): void {
    const update = this.update;
    if (!this.hooks || !update || (update.state !== 'ready' && update.state !== 'waiting')) return;
    log.info(`installing update ${update.version}`);
    this.hooks.installUpdate();
  }
}
