// Work that follows the pane's first analysis (the directory profile, the fixes' code) waits until
// the status rows are on screen: started in the same commit, it would hold up their paint.

/** How long to wait for an animation frame before going ahead without one (a hidden pane paints none). */
export const AFTER_PAINT_FALLBACK_MS = 100;

/** What afterNextPaint schedules with; the browser's own by default (tests pass their own). */
export interface FrameScheduler {
  readonly requestAnimationFrame?: ((callback: () => void) => number) | undefined;
  readonly cancelAnimationFrame?: ((handle: number) => void) | undefined;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

function browserScheduler(): FrameScheduler {
  const frames = typeof requestAnimationFrame === "function";
  return {
    requestAnimationFrame: frames ? (callback) => requestAnimationFrame(callback) : undefined,
    cancelAnimationFrame: frames ? (handle) => cancelAnimationFrame(handle) : undefined,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

/**
 * Calls `callback` once, in the first task after the next animation frame (by then that frame has
 * been painted), or AFTER_PAINT_FALLBACK_MS later when no frame comes. Returns a cancel function.
 */
export function afterNextPaint(
  callback: () => void,
  scheduler: FrameScheduler = browserScheduler(),
): () => void {
  let task: unknown;
  let done = false;
  const fire = (): void => {
    if (done) return;
    done = true;
    task = scheduler.setTimeout(callback, 0);
  };
  const frame = scheduler.requestAnimationFrame?.(() => {
    scheduler.clearTimeout(fallback);
    fire();
  });
  const fallback = scheduler.setTimeout(() => {
    if (frame !== undefined) scheduler.cancelAnimationFrame?.(frame);
    fire();
  }, AFTER_PAINT_FALLBACK_MS);
  return () => {
    done = true;
    if (frame !== undefined) scheduler.cancelAnimationFrame?.(frame);
    scheduler.clearTimeout(fallback);
    if (task !== undefined) scheduler.clearTimeout(task);
  };
}
