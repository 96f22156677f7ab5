// Work after the first analysis waits for a painted frame, or for a fallback when none comes.
import { AFTER_PAINT_FALLBACK_MS, afterNextPaint } from "../../../src/taskpane/compose/after-paint";
import type { FrameScheduler } from "../../../src/taskpane/compose/after-paint";

/** The next task: a 0 ms timer set at the end of an advance runs in the next one. */
const nextTask = (): void => {
  jest.advanceTimersByTime(1);
};

/** Jest's fake timers plus animation frames that run when the test says so. */
function scheduler(withFrames = true): FrameScheduler & { paint(): void; readonly frames: number } {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    requestAnimationFrame: withFrames
      ? (callback) => {
          pending.set(next, callback);
          return next++;
        }
      : undefined,
    cancelAnimationFrame: (handle) => pending.delete(handle),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    paint() {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback();
    },
    get frames() {
      return pending.size;
    },
  };
}

describe("afterNextPaint", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs in the task after the next frame, not in the frame itself", () => {
    const s = scheduler();
    const callback = jest.fn();
    afterNextPaint(callback, s);
    nextTask();
    expect(callback).not.toHaveBeenCalled();
    s.paint();
    expect(callback).not.toHaveBeenCalled();
    nextTask();
    expect(callback).toHaveBeenCalledTimes(1);
    // The fallback was cleared: still once.
    jest.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS * 2);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("goes ahead after the fallback when no frame comes, and only once", () => {
    const s = scheduler();
    const callback = jest.fn();
    afterNextPaint(callback, s);
    jest.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS - 1);
    expect(callback).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    nextTask();
    expect(callback).toHaveBeenCalledTimes(1);
    s.paint(); // a late frame
    nextTask();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("works where there are no animation frames", () => {
    const callback = jest.fn();
    afterNextPaint(callback, scheduler(false));
    jest.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS);
    nextTask();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("never runs once cancelled, before or after the frame", () => {
    const s = scheduler();
    const early = jest.fn();
    afterNextPaint(early, s)();
    expect(s.frames).toBe(0);
    const late = jest.fn();
    const cancel = afterNextPaint(late, s);
    s.paint();
    cancel();
    jest.advanceTimersByTime(AFTER_PAINT_FALLBACK_MS * 2);
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });
});
