import type { DialogListener, OfficeAuthHost, OpenDialog } from "../office/mailbox";
import { parseDialogResult, SCOPES_PARAM } from "./dialog-protocol";
import { SignInError } from "./errors";

/** A token and when it stops being usable. */
export interface IssuedToken {
  readonly accessToken: string;
  /** ms since the epoch. */
  readonly expiresOn: number;
}

export interface DialogTokenSourceOptions {
  readonly host: Pick<OfficeAuthHost, "displayDialog">;
  /** Absolute URL of auth-dialog.html (same origin as the task pane). */
  readonly dialogUrl: string;
  /** Dialog size in percent of the screen. */
  readonly size?: { readonly height: number; readonly width: number };
}

// Office's dialog codes: 12006 the person closed the dialog; 12009 they chose to ignore it;
// 12007 another dialog is open.
const CANCELLED_CODES = new Set([12006, 12009]);

/**
 * The Office dialog API fallback: opens auth-dialog.html, which signs in with MSAL's standard
 * client (redirect flow) and returns a token through messageParent. One dialog at a time.
 */
export function createDialogTokenSource(options: DialogTokenSourceOptions) {
  const expectedOrigin = new URL(options.dialogUrl).origin;
  const size = options.size ?? { height: 60, width: 30 };
  // Dialogs open one after another (Office allows one at a time).
  let queue: Promise<unknown> = Promise.resolve();

  const open = (scopes: readonly string[]): Promise<IssuedToken> =>
    new Promise<IssuedToken>((resolve, reject) => {
      const url = new URL(options.dialogUrl);
      url.searchParams.set(SCOPES_PARAM, scopes.join(" "));
      let dialog: OpenDialog | undefined;
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        dialog?.close();
        outcome();
      };
      const listener: DialogListener = {
        message(text, origin) {
          if (origin !== undefined && origin !== expectedOrigin) return; // not our page
          const result = parseDialogResult(text);
          if (!result) return finish(() => reject(new SignInError("unknown_error")));
          if (result.status === "error") return finish(() => reject(new SignInError(result.errorCode)));
          finish(() => resolve({ accessToken: result.accessToken, expiresOn: result.expiresOn }));
        },
        closed(code) {
          finish(() =>
            reject(new SignInError(CANCELLED_CODES.has(code) ? "user_cancelled" : "popup_window_error")),
          );
        },
      };
      options.host.displayDialog(url.href, size, listener).then(
        (opened) => {
          dialog = opened;
          if (settled) opened.close();
        },
        () => finish(() => reject(new SignInError("popup_window_error"))),
      );
    });

  return {
    /** Opens the dialog for `scopes`; a second call while one is open waits for the first. */
    acquire(scopes: readonly string[]): Promise<IssuedToken> {
      const attempt = queue.then(() => open(scopes));
      queue = attempt.catch(() => undefined);
      return attempt;
    },
  };
}

export type DialogTokenSource = ReturnType<typeof createDialogTokenSource>;
