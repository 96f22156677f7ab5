// AsyncResult plumbing shared by every *Async method of the stand-in. Office.js calls back
// asynchronously, never inside the call itself; so does this.

export const AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" } as const;
export type AsyncStatus = (typeof AsyncResultStatus)[keyof typeof AsyncResultStatus];

export interface EmulatedError {
  readonly name: string;
  readonly message: string;
  readonly code: number;
}

export interface EmulatedAsyncResult<T> {
  readonly status: AsyncStatus;
  readonly value: T | undefined;
  readonly error: EmulatedError | undefined;
  readonly asyncContext: unknown;
  readonly diagnostics: unknown;
}

export type AsyncCallback<T> = (result: EmulatedAsyncResult<T>) => void;

/**
 * Error names follow the Office.js documentation of each method. The numeric codes are this
 * emulator's own (Office.js publishes names, not a stable code table for these): match on name.
 */
export const ERRORS = {
  DataExceedsMaximumSize: 9000,
  InvalidFormatError: 9001,
  NumberOfRecipientsExceeded: 9002,
  DuplicateNotificationKey: 9003,
  NumberOfNotificationMessagesExceeded: 9004,
  KeyNotFound: 9005,
  ItemNotSaved: 9006,
  ItemChanged: 9007,
  InvalidParameter: 9008,
  NotSupported: 9009,
} as const;
export type ErrorName = keyof typeof ERRORS;

export class OfficeFailure extends Error {
  readonly officeName: ErrorName;
  constructor(name: ErrorName, message: string) {
    super(message);
    this.officeName = name;
  }
}

export interface CallOptions {
  readonly asyncContext?: unknown;
  readonly coercionType?: unknown;
  readonly [key: string]: unknown;
}

/** Splits the trailing `(options?, callback?)` arguments every Office async method accepts. */
export function splitArgs<T>(args: readonly unknown[]): {
  options: CallOptions;
  callback: AsyncCallback<T> | undefined;
} {
  let options: CallOptions = {};
  let callback: AsyncCallback<T> | undefined;
  for (const arg of args) {
    if (typeof arg === "function") callback = arg as AsyncCallback<T>;
    else if (arg !== null && typeof arg === "object") options = arg as CallOptions;
  }
  return { options, callback };
}

export type Schedule = (task: () => void) => void;

/**
 * Runs `work` now and delivers its outcome to `callback` later, as an AsyncResult. An
 * OfficeFailure becomes a failed result; any other exception is a bug in the stand-in and is
 * reported as a failed result too (named InvalidParameter) rather than thrown at the add-in.
 */
export function runAsync<T>(
  schedule: Schedule,
  args: readonly unknown[],
  work: (options: CallOptions) => T,
): void {
  const { options, callback } = splitArgs<T>(args);
  let result: EmulatedAsyncResult<T>;
  try {
    const value = work(options);
    result = {
      status: AsyncResultStatus.Succeeded,
      value,
      error: undefined,
      asyncContext: options.asyncContext,
      diagnostics: undefined,
    };
  } catch (error) {
    const name: ErrorName = error instanceof OfficeFailure ? error.officeName : "InvalidParameter";
    const message = error instanceof Error ? error.message : String(error);
    result = {
      status: AsyncResultStatus.Failed,
      value: undefined,
      error: { name, message, code: ERRORS[name] },
      asyncContext: options.asyncContext,
      diagnostics: undefined,
    };
  }
  if (callback) {
    const deliver = callback;
    schedule(() => deliver(result));
  }
}
