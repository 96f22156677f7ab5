import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { ErrorKey, Language, Strings } from "../i18n";
import type { MailboxAdapter, UserIdentity } from "../office/mailbox";
import { replyDeadline } from "../policy/calendar/deadline";
import type { ReplyDeadline } from "../policy/calendar/deadline";
import type { PolicyConfig } from "../policy/config/schema";
import { ComposeCard } from "./components/ComposeCard";
import { ErrorNotice } from "./components/ErrorNotice";
import { Header } from "./components/Header";
import { ReadDeadlineCard } from "./components/ReadDeadlineCard";
import { errorKeyOf } from "./errors";

export type PaneState =
  | { readonly status: "loading" }
  | { readonly status: "read"; readonly deadline: ReplyDeadline }
  | { readonly status: "read-other" }
  | { readonly status: "compose"; readonly user: UserIdentity }
  | { readonly status: "error"; readonly errorKey: ErrorKey };

/** Reads the current item through the adapter and turns it into what the pane shows. */
export async function loadPaneState(adapter: MailboxAdapter, config: PolicyConfig): Promise<PaneState> {
  try {
    const item = await adapter.getCurrentItem();
    if (item.mode === "compose") return { status: "compose", user: adapter.getUser() };
    if (item.kind !== "message") return { status: "read-other" };
    const deadline = replyDeadline(item.received, {
      workingDays: config.replyDeadline.workingDays,
      workingHours: config.workingHours,
      extraDaysOff: config.calendar.extraDaysOff,
    });
    return { status: "read", deadline };
  } catch (error) {
    return { status: "error", errorKey: errorKeyOf(error) };
  }
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export interface PaneViewProps {
  readonly state: PaneState;
  readonly strings: Strings;
  readonly language: Language;
  readonly config: PolicyConfig;
  readonly now: Date;
}

/** The whole pane for a given state; no effects, so it renders on the server in tests too. */
export function PaneView({ state, strings, language, config, now }: PaneViewProps) {
  const styles = useStyles();
  const organisation = config.organisation.name;
  return (
    <main className={styles.root}>
      <Header strings={strings} organisation={organisation} />
      {state.status === "loading" ? <Spinner size="small" label={strings.loading} /> : null}
      {state.status === "error" ? <ErrorNotice strings={strings} errorKey={state.errorKey} /> : null}
      {state.status === "read" ? (
        <ReadDeadlineCard
          strings={strings}
          language={language}
          deadline={state.deadline}
          workingDays={config.replyDeadline.workingDays}
          organisation={organisation}
          timeZone={config.workingHours.timeZone}
          now={now}
        />
      ) : null}
      {state.status === "read-other" ? <p>{strings.read.notAMessage}</p> : null}
      {state.status === "compose" ? (
        <ComposeCard strings={strings} user={state.user} organisation={organisation} />
      ) : null}
    </main>
  );
}

export interface AppProps {
  readonly adapter: MailboxAdapter;
  readonly strings: Strings;
  readonly language: Language;
  readonly config: PolicyConfig;
  /** The pane's first state (the bootstrap may already have loaded it). */
  readonly initialState?: PaneState;
  readonly now?: () => Date;
}

export function App({ adapter, strings, language, config, initialState, now = () => new Date() }: AppProps) {
  const [state, setState] = useState<PaneState>(initialState ?? { status: "loading" });

  const reload = useCallback(() => {
    void loadPaneState(adapter, config).then(setState);
  }, [adapter, config]);

  useEffect(() => {
    if (!initialState) reload();
  }, [initialState, reload]);

  useEffect(() => {
    let remove: (() => Promise<void>) | undefined;
    let cancelled = false;
    adapter.onItemChanged(reload).then(
      (unsubscribe) => {
        if (cancelled) void unsubscribe().catch(() => undefined);
        else remove = unsubscribe;
      },
      () => undefined, // Not every client supports pinning; the pane works without it.
    );
    return () => {
      cancelled = true;
      if (remove) void remove().catch(() => undefined);
    };
  }, [adapter, reload]);

  return <PaneView state={state} strings={strings} language={language} config={config} now={now()} />;
}
