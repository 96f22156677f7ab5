// Presentational parts of the playground window. State lives in App.tsx and the OutlookHost.
import { useEffect, useId, useRef, useState } from "react";
import type { Address, ComposeItemState, NotificationState, ReadItemState } from "../bridge";
import type { GraphMessage } from "../host/graph";
import { addressOf, formatAddress, formatAddresses, parseAddresses, sanitizeMailHtml } from "./mail";
import type { UiStrings } from "./strings";

const parser = typeof DOMParser === "undefined" ? undefined : new DOMParser();

/** The seeded mailboxes are in Sweden; show times there, as the add-in does. */
export const MAILBOX_TIME_ZONE = "Europe/Stockholm";

export function MessageList(props: {
  readonly strings: UiStrings;
  readonly label: string;
  readonly messages: readonly GraphMessage[];
  readonly loading: boolean;
  readonly selectedId: string | null;
  readonly sentFolder: boolean;
  readonly locale: string;
  readonly onOpen: (id: string) => void;
}) {
  const { strings, messages, selectedId, locale } = props;
  if (props.loading && messages.length === 0) return <p className="muted pad">{strings.loading}</p>;
  if (messages.length === 0) return <p className="muted pad">{strings.emptyFolder}</p>;
  return (
    <ul className="message-list" aria-label={props.label}>
      {messages.map((message) => {
        const who = props.sentFolder
          ? (message.toRecipients ?? []).map((r) => addressOf(r).displayName).join(", ")
          : addressOf(message.from).displayName;
        const when = message.receivedDateTime ?? message.sentDateTime;
        return (
          <li key={message.id}>
            <button
              type="button"
              className={`message-row${message.isRead === false ? " unread" : ""}`}
              aria-current={message.id === selectedId ? "true" : undefined}
              onClick={() => props.onOpen(message.id)}
              data-message-id={message.id}
            >
              <span className="row-top">
                <span className="who">{who || "—"}</span>
                <span className="when">{when ? shortDate(when, locale) : ""}</span>
              </span>
              <span className="row-subject">{message.subject || strings.noSubject}</span>
              <span className="row-preview">{message.bodyPreview ?? ""}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const LIST_DATE_STYLES = {
  day: { year: "numeric", month: "2-digit", day: "2-digit" },
  time: { hour: "2-digit", minute: "2-digit" },
  date: { day: "numeric", month: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const listDateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and style: the list re-renders on every change of the window's state,
 * and each toLocale…String call with options builds a new formatter (~0.3 ms each, three a row).
 */
function listDateFormat(locale: string, style: keyof typeof LIST_DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = listDateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...LIST_DATE_STYLES[style], timeZone: MAILBOX_TIME_ZONE });
    listDateFormats.set(key, format);
  }
  return format;
}

/** A message's time in the list: the time of day when it is from today (in Sweden), else the date. */
export function shortDate(iso: string, locale: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const day = listDateFormat("sv-SE", "day");
  return day.format(date) === day.format(now)
    ? listDateFormat(locale, "time").format(date)
    : listDateFormat(locale, "date").format(date);
}

export function Notifications(props: {
  readonly strings: UiStrings;
  readonly items: readonly NotificationState[];
}) {
  if (props.items.length === 0) return null;
  return (
    <ul className="notifications" aria-label={props.strings.notifications}>
      {props.items.map((n) => (
        <li key={n.key} className={`notification ${n.type}`}>
          {n.message}
        </li>
      ))}
    </ul>
  );
}

export function ReadingPane(props: {
  readonly strings: UiStrings;
  readonly item: ReadItemState;
  readonly locale: string;
  readonly onReply: () => void;
  readonly onForward: () => void;
}) {
  const { strings, item } = props;
  const html = parser ? sanitizeMailHtml(item.bodyHtml, parser) : "";
  return (
    <article className="reading" aria-label={item.subject || strings.noSubject}>
      <div className="commands">
        <button type="button" onClick={props.onReply}>
          ↩ {strings.reply}
        </button>
        <button type="button" onClick={props.onForward}>
          ↪ {strings.forward}
        </button>
      </div>
      <Notifications strings={strings} items={item.notifications} />
      <h2 className="subject">{item.subject || strings.noSubject}</h2>
      <dl className="headers">
        <dt>{strings.from}</dt>
        <dd>{formatAddress(item.from)}</dd>
        <dt>{strings.to}</dt>
        <dd>{formatAddresses(item.to)}</dd>
        {item.cc.length > 0 ? (
          <>
            <dt>{strings.cc}</dt>
            <dd>{formatAddresses(item.cc)}</dd>
          </>
        ) : null}
        <dt>{strings.sentLabel}</dt>
        <dd>
          <time dateTime={item.dateTimeCreated}>
            {new Date(item.dateTimeCreated).toLocaleString(props.locale, {
              dateStyle: "full",
              timeStyle: "short",
              timeZone: MAILBOX_TIME_ZONE,
            })}
          </time>
        </dd>
      </dl>
      <div className="mail-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}

function RecipientField(props: {
  readonly label: string;
  readonly value: readonly Address[];
  readonly known: readonly Address[];
  readonly onCommit: (list: Address[]) => void;
  readonly autoFocus?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const listId = `${id}-known`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        list={listId}
        autoFocus={props.autoFocus}
        value={draft ?? formatAddresses(props.value)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== null) props.onCommit(parseAddresses(draft, props.known));
          setDraft(null);
        }}
      />
      <datalist id={listId}>
        {props.known.map((a) => (
          <option key={a.emailAddress} value={formatAddress(a)} />
        ))}
      </datalist>
    </div>
  );
}

export function ComposeForm(props: {
  readonly strings: UiStrings;
  readonly item: ComposeItemState;
  readonly known: readonly Address[];
  readonly busy: string | null;
  readonly error: string | null;
  readonly onRecipients: (field: "to" | "cc", list: Address[]) => void;
  readonly onSubject: (subject: string) => void;
  readonly onBody: (html: string) => void;
  readonly onSend: () => void;
  readonly onDiscard: () => void;
}) {
  const { strings, item } = props;
  const editor = useRef<HTMLDivElement>(null);
  const subjectId = useId();
  const bodyLabelId = useId();

  useEffect(() => {
    const el = editor.current;
    if (el && el.innerHTML !== item.bodyHtml) el.innerHTML = item.bodyHtml;
  }, [item.bodyHtml]);

  return (
    <form
      className="compose"
      aria-label={strings.composeTypes[item.composeType]}
      onSubmit={(event) => {
        event.preventDefault();
        // Fields commit on blur; make sure the last edit is in before sending.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        setTimeout(props.onSend, 0);
      }}
    >
      <div className="commands">
        <button type="submit" className="primary" disabled={props.busy !== null}>
          {strings.send}
        </button>
        <button type="button" onClick={props.onDiscard} disabled={props.busy !== null}>
          {strings.discard}
        </button>
        <span className="status" role="status">
          {props.busy ?? ""}
        </span>
      </div>
      {props.error ? (
        <p className="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <Notifications strings={strings} items={item.notifications} />
      <div className="field">
        <span className="label">{strings.from}</span>
        <span className="from">{formatAddress(item.from)}</span>
      </div>
      <RecipientField
        label={strings.to}
        value={item.to}
        known={props.known}
        autoFocus={item.composeType !== "reply"}
        onCommit={(list) => props.onRecipients("to", list)}
      />
      <RecipientField
        label={strings.cc}
        value={item.cc}
        known={props.known}
        onCommit={(list) => props.onRecipients("cc", list)}
      />
      <div className="field">
        <label htmlFor={subjectId}>{strings.subject}</label>
        <input
          id={subjectId}
          type="text"
          value={item.subject}
          onChange={(event) => props.onSubject(event.target.value)}
        />
      </div>
      <span id={bodyLabelId} className="visually-hidden">
        {strings.body}
      </span>
      <div
        ref={editor}
        className="editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={bodyLabelId}
        tabIndex={0}
        onInput={(event) => props.onBody(event.currentTarget.innerHTML)}
      />
    </form>
  );
}

export interface SmartAlert {
  readonly message: string;
  readonly cancelLabel: string;
  /** Null: no "Send anyway" (SoftBlock / Block). */
  readonly sendAnywayLabel: string | null;
  readonly openPaneOnCancel: boolean;
}

export function SmartAlertDialog(props: {
  readonly strings: UiStrings;
  readonly alert: SmartAlert;
  readonly onCancel: () => void;
  readonly onSendAnyway: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={(event) => {
          if (event.key === "Escape") props.onCancel();
        }}
      >
        <h2 id={titleId}>{props.strings.smartAlertTitle}</h2>
        <p id={textId}>{props.alert.message}</p>
        <div className="dialog-buttons">
          {props.alert.sendAnywayLabel ? (
            <button type="button" onClick={props.onSendAnyway}>
              {props.alert.sendAnywayLabel}
            </button>
          ) : null}
          <button type="button" className="primary" ref={first} onClick={props.onCancel}>
            {props.alert.cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}

export interface LogEntry {
  readonly id: number;
  readonly at: Date;
  readonly text: string;
  readonly level: "info" | "warn" | "error";
}

export function EventLog(props: {
  readonly strings: UiStrings;
  readonly entries: readonly LogEntry[];
  readonly locale: string;
}) {
  return (
    <details className="event-log">
      <summary>
        {props.strings.eventLog} ({props.entries.length})
        {props.entries.length > 0 ? (
          <span className="last"> – {props.entries[props.entries.length - 1]?.text}</span>
        ) : null}
      </summary>
      {props.entries.length === 0 ? (
        <p className="muted">{props.strings.noEvents}</p>
      ) : (
        <ol aria-live="polite">
          {props.entries.map((entry) => (
            <li key={entry.id} className={entry.level}>
              <time dateTime={entry.at.toISOString()}>{entry.at.toLocaleTimeString(props.locale)}</time>{" "}
              {entry.text}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
