// Office.js callbacks as promises, for the event handlers. Office is called directly here: the
// handler bundle is self-contained and has no adapter (src/office is the task pane's). A failed
// AsyncResult rejects with an Error; nothing is ever thrown inside an Office callback.

export function officeCall<T>(
  what: string,
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else
          reject(
            new Error(`${what} failed: ${result.error?.name ?? "unknown"} ${result.error?.message ?? ""}`),
          );
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(`${what} threw`));
    }
  });
}

/** Whether the host supports requirement set `name` at `version` (false when it cannot say). */
export function supportsSet(name: string, version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** Whether the host supports the Mailbox requirement set `version` (false when it cannot say). */
export function supportsMailbox(version: string): boolean {
  return supportsSet("Mailbox", version);
}

/** "sv" when Office's display language is Swedish, else "en". */
export function displayLanguage(): "sv" | "en" {
  try {
    const tag = Office.context.displayLanguage;
    return typeof tag === "string" && tag.toLowerCase().indexOf("sv") === 0 ? "sv" : "en";
  } catch {
    return "sv";
  }
}

/**
 * Calls `done` once: when `work` settles or after `timeoutMs`, whichever comes first. The handlers
 * use it so that event.completed is always called, and soon, whatever Office does.
 */
export function settleWithin(
  work: Promise<void>,
  timeoutMs: number,
  done: (timedOut: boolean) => void,
): void {
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (timedOut: boolean): void => {
    if (settled) return;
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    done(timedOut);
  };
  if (typeof setTimeout === "function") timer = setTimeout(() => finish(true), timeoutMs);
  work.then(
    () => finish(false),
    () => finish(false),
  );
}
