// Live analysis while the author writes. Outlook has no "body changed" event, so while the pane is
// visible the body is re-read on a modest poll; analysis runs only when something changed (body,
// subject, recipients or an explicit invalidation) and is debounced. The compose view analyses in
// a worker (analyser.ts), so it never competes with typing; an analysis on the page's own thread
// waits for idle time as well. Hidden pane: no polling. Framework-free, so tests drive it with
// fake timers.

export interface Snapshot {
  readonly html: string;
  readonly subject: string;
  readonly recipients: readonly string[];
}

export interface LiveScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `callback` when the page is idle (requestIdleCallback), at the latest after `timeoutMs`. */
  idle(callback: () => void, timeoutMs: number): void;
}

export interface Visibility {
  isVisible(): boolean;
  /** Calls `listener` on every visibility change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface LiveOptions<R> {
  readonly read: () => Promise<Snapshot>;
  /** Synchronous, or a promise (an analysis in a worker). */
  readonly analyse: (snapshot: Snapshot) => R | Promise<R>;
  readonly onResult: (result: R, snapshot: Snapshot) => void;
  /** Analysis is under way (true) or finished (false); for a quiet "checking" indicator. */
  readonly onBusy?: (busy: boolean) => void;
  readonly onError: (error: unknown) => void;
  readonly scheduler?: LiveScheduler;
  readonly visibility?: Visibility;
  /** Poll interval, default 1500 ms. */
  readonly pollMs?: number;
  /** Wait after a detected change before analysing, default 250 ms. */
  readonly debounceMs?: number;
  /**
   * Wait for idle time before analysing a change (default true). An analysis that runs off the
   * page's main thread does not compete with typing, so it need not wait.
   */
  readonly idle?: boolean;
}

export const DEFAULT_POLL_MS = 1500;
export const DEFAULT_DEBOUNCE_MS = 250;

export function keyOf(snapshot: Snapshot, generation: number): string {
  return `${generation}\u0000${snapshot.subject}\u0000${snapshot.recipients.join(",")}\u0000${snapshot.html}`;
}

export const browserScheduler: LiveScheduler = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  idle: (callback, timeoutMs) => {
    if (typeof globalThis.requestIdleCallback === "function") {
      globalThis.requestIdleCallback(() => callback(), { timeout: timeoutMs });
    } else {
      globalThis.setTimeout(callback, 0);
    }
  },
};

export const documentVisibility: Visibility = {
  isVisible: () => typeof document === "undefined" || document.visibilityState !== "hidden",
  subscribe: (listener) => {
    if (typeof document === "undefined") return () => undefined;
    document.addEventListener("visibilitychange", listener);
    return () => document.removeEventListener("visibilitychange", listener);
  },
};

export class LiveAnalyzer<R> {
  private readonly options: LiveOptions<R>;
  private readonly scheduler: LiveScheduler;
  private readonly visibility: Visibility;
  private pollTimer: unknown;
  private debounceTimer: unknown;
  private unsubscribe: (() => void) | undefined;
  private running = false;
  private reading = false;
  /** A check was asked for while a read was in flight. */
  private pending: { force: boolean } | undefined;
  private lastKey: string | undefined;
  private generation = 0;
  /** Bumped on every scheduled analysis; a stale one does not report. */
  private ticket = 0;

  constructor(options: LiveOptions<R>) {
    this.options = options;
    this.scheduler = options.scheduler ?? browserScheduler;
    this.visibility = options.visibility ?? documentVisibility;
  }

  /**
   * Starts polling. `shown`: a snapshot whose analysis is already on screen (read and analysed
   * before); the draft is then re-read at once but analysed only if it changed since.
   */
  start(shown?: Snapshot): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.visibility.subscribe(() => this.onVisibility());
    if (shown) this.lastKey = keyOf(shown, this.generation);
    void this.check(shown === undefined);
  }

  stop(): void {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.clearPoll();
    if (this.debounceTimer !== undefined) this.scheduler.clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.ticket++;
  }

  /** Re-read and re-analyse now, even if nothing seems to have changed ("Kontrollera nu"). */
  checkNow(): Promise<void> {
    return this.check(true);
  }

  /** Something the analysis depends on changed (recipients, the profile): analyse on the next read. */
  invalidate(): Promise<void> {
    this.generation++;
    return this.check(false);
  }

  private onVisibility(): void {
    if (!this.running) return;
    if (this.visibility.isVisible()) void this.check(false);
    else this.clearPoll();
  }

  private clearPoll(): void {
    if (this.pollTimer !== undefined) this.scheduler.clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private schedulePoll(): void {
    this.clearPoll();
    if (!this.running || !this.visibility.isVisible()) return;
    this.pollTimer = this.scheduler.setTimeout(() => {
      this.pollTimer = undefined;
      void this.check(false);
    }, this.options.pollMs ?? DEFAULT_POLL_MS);
  }

  private async check(force: boolean): Promise<void> {
    if (!this.running) return;
    if (this.reading) {
      this.pending = { force: force || (this.pending?.force ?? false) };
      return;
    }
    this.reading = true;
    this.clearPoll();
    try {
      const snapshot = await this.options.read();
      if (!this.running) return;
      const key = keyOf(snapshot, this.generation);
      if (force || key !== this.lastKey) {
        this.lastKey = key;
        await this.scheduleAnalysis(snapshot, force);
      }
    } catch (error) {
      if (this.running) this.options.onError(error);
    } finally {
      this.reading = false;
      const pending = this.pending;
      this.pending = undefined;
      if (pending) void this.check(pending.force);
      else this.schedulePoll();
    }
  }

  /** Immediate: analyses now and settles when the result is out. Otherwise debounces and returns. */
  private scheduleAnalysis(snapshot: Snapshot, immediate: boolean): Promise<void> {
    const ticket = ++this.ticket;
    if (this.debounceTimer !== undefined) this.scheduler.clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    const analyse = async (): Promise<void> => {
      if (ticket !== this.ticket || !this.running) return;
      this.options.onBusy?.(true);
      try {
        const result = await this.options.analyse(snapshot);
        if (ticket === this.ticket && this.running) this.options.onResult(result, snapshot);
      } catch (error) {
        if (this.running) this.options.onError(error);
      } finally {
        this.options.onBusy?.(false);
      }
    };
    // The first check and "Kontrollera nu" are waited for: analyse as soon as the read is back.
    // Changes noticed while the author writes wait for a pause (and, on the page's own thread,
    // for idle time).
    if (immediate) return analyse();
    this.debounceTimer = this.scheduler.setTimeout(() => {
      this.debounceTimer = undefined;
      if (this.options.idle === false) void analyse();
      else this.scheduler.idle(() => void analyse(), 1000);
    }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    return Promise.resolve();
  }
}
