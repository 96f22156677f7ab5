import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { ErrorKey, Language, Strings } from "../i18n";
import type { MailboxAdapter, UserIdentity } from "../office/mailbox";
import type { ReplyDeadline } from "../policy/calendar/deadline";
import type { WorkingHours } from "../policy/calendar/types";
import type { PolicyConfig } from "../policy/config/schema";
import { ErrorNotice } from "./components/ErrorNotice";
import { Header } from "./components/Header";
import type * as ReadCardModuleType from "./components/ReadDeadlineCard";
import { loadComposeView, loadedComposeView } from "./compose-loader";
import type { ComposePaneProps } from "./compose/ComposePane";
import type { DirectoryAnswer } from "./compose/profile";
import { errorKeyOf } from "./errors";

// Each mode loads only its own code: compose brings its view (and the policy engine and the
// lexicon in a worker), read brings the working-day calendar and the deadline card.
type ReadCardModule = typeof ReadCardModuleType;
const loadReadCard = () => import(/* webpackChunkName: "read" */ "./components/ReadDeadlineCard");
const loadDeadline = () => import(/* webpackChunkName: "read" */ "../policy/calendar/deadline");
const loadTimeZone = () => import(/* webpackChunkName: "read" */ "../policy/calendar/time-zone");
/**
 * The card's module once loadPaneState has loaded it (always before the state says "read"), so
 * that PaneView renders it directly. Through React.lazy the first read render would suspend for a
 * microtask, and React reveals suspended content no sooner than 300 ms after its fallback.
 */
let readCard: ReadCardModule | undefined;
const LazyReadDeadlineCard = lazy(() => loadReadCard().then((m) => ({ default: m.ReadDeadlineCard })));

export type PaneState =
  | { readonly status: "loading" }
  | {
      readonly status: "read";
      readonly deadline: ReplyDeadline;
      /** The working hours the deadline was computed with: the mailbox's (Graph) or the config's. */
      readonly workingHours: WorkingHours;
      readonly workingHoursFrom: "mailbox" | "config";
    }
  | { readonly status: "read-other" }
  | { readonly status: "compose"; readonly user: UserIdentity }
  | { readonly status: "error"; readonly errorKey: ErrorKey };

/** The mailbox's working hours (from Graph), or undefined when it has none. */
export type FetchWorkingHours = () => Promise<WorkingHours | undefined>;

/** How long the pane waits for the mailbox's working hours before using the config's. */
export const WORKING_HOURS_WAIT_MS = 4000;

/** The mailbox's working hours, or undefined on any failure or after `waitMs`; never throws. */
async function mailboxHours(fetch: FetchWorkingHours, waitMs: number): Promise<WorkingHours | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  try {
    return await Promise.race([fetch().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads the current item through the adapter and turns it into what the pane shows. With
 * `fetchWorkingHours`, the reply deadline follows the mailbox's working hours and time zone;
 * when that fails or takes too long, the configuration's.
 */
export async function loadPaneState(
  adapter: MailboxAdapter,
  config: PolicyConfig,
  fetchWorkingHours?: FetchWorkingHours,
  waitMs: number = WORKING_HOURS_WAIT_MS,
): Promise<PaneState> {
  try {
    const item = await adapter.getCurrentItem();
    if (item.mode === "compose") return { status: "compose", user: adapter.getUser() };
    if (item.kind !== "message") return { status: "read-other" };
    // Graph's working hours and the read view's code at once: neither waits for the other.
    const hours = fetchWorkingHours ? mailboxHours(fetchWorkingHours, waitMs) : Promise.resolve(undefined);
    const [{ replyDeadline }, { warmTimeZone }, card] = await Promise.all([
      loadDeadline(),
      loadTimeZone(),
      loadReadCard(),
    ]);
    readCard = card;
    // The first time-zone formatter in a new pane loads the zone data (30–50 ms): while Graph answers.
    warmTimeZone(config.workingHours.timeZone);
    const fromMailbox = await hours;
    const options = {
      workingDays: config.replyDeadline.workingDays,
      extraDaysOff: config.calendar.extraDaysOff,
    };
    if (fromMailbox) {
      try {
        const deadline = replyDeadline(item.received, { ...options, workingHours: fromMailbox });
        return { status: "read", deadline, workingHours: fromMailbox, workingHoursFrom: "mailbox" };
      } catch {
        // The mailbox's hours did not work for the calculation: use the configuration's.
      }
    }
    const deadline = replyDeadline(item.received, { ...options, workingHours: config.workingHours });
    return { status: "read", deadline, workingHours: config.workingHours, workingHoursFrom: "config" };
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

/** How long a wait goes unmarked: a spinner that shows for a few frames reads as flicker. */
export const LOADING_DELAY_MS = 300;

/** The loading indicator, once loading has taken LOADING_DELAY_MS (until then an empty busy region). */
function Loading({ label }: { readonly label: string }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return visible ? <Spinner size="small" label={label} /> : <div aria-busy="true" />;
}

/** The directory profile for the compliant signature (Graph's /me). */
export type FetchProfile = () => Promise<DirectoryAnswer>;

type ComposeViewProps = Omit<ComposePaneProps, "prepared" | "scheduler" | "visibility" | "now"> & {
  readonly loading: ReactNode;
};

/**
 * The compose view, from its lazily loaded chunk (compose-loader.ts; in compose mode the bootstrap
 * asked for it, and for the first analysis, before the first render). Not React.lazy: when both
 * are in, the view renders at once, in one synchronous pass — a Suspense retry is rendered in time
 * slices, interleaved with whatever else the page is doing, and would reach the screen later.
 */
function ComposeView({ loading, ...props }: ComposeViewProps) {
  const [view, setView] = useState(loadedComposeView);
  const [failed, setFailed] = useState<ErrorKey | undefined>(undefined);
  useEffect(() => {
    if (view) return;
    let cancelled = false;
    loadComposeView().then(
      (module) => {
        if (!cancelled) flushSync(() => setView(module));
      },
      (error: unknown) => {
        if (!cancelled) setFailed(errorKeyOf(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [view]);
  if (failed) return <ErrorNotice strings={props.strings} errorKey={failed} />;
  if (!view) return loading;
  const ComposePane = view.default;
  return <ComposePane {...props} />;
}

export interface PaneViewProps {
  readonly state: PaneState;
  readonly strings: Strings;
  readonly language: Language;
  readonly config: PolicyConfig;
  readonly now: Date;
  /** Compose mode needs the mailbox (it reads and writes the body). */
  readonly adapter?: MailboxAdapter | undefined;
  readonly fetchProfile?: FetchProfile | undefined;
}

/** The whole pane for a given state; no effects of its own, so it renders on the server in tests too. */
export function PaneView({ state, strings, language, config, now, adapter, fetchProfile }: PaneViewProps) {
  const styles = useStyles();
  const organisation = config.organisation.name;
  const loading = <Loading label={strings.loading} />;
  const ReadDeadlineCard = readCard?.ReadDeadlineCard ?? LazyReadDeadlineCard;
  return (
    <main className={styles.root}>
      <Header strings={strings} organisation={organisation} />
      {state.status === "loading" ? loading : null}
      {state.status === "error" ? <ErrorNotice strings={strings} errorKey={state.errorKey} /> : null}
      <Suspense fallback={loading}>
        {state.status === "read" ? (
          <ReadDeadlineCard
            strings={strings}
            language={language}
            deadline={state.deadline}
            workingDays={config.replyDeadline.workingDays}
            organisation={organisation}
            timeZone={state.workingHours.timeZone}
            now={now}
          />
        ) : null}
        {state.status === "read-other" ? <p>{strings.read.notAMessage}</p> : null}
        {state.status === "compose" && adapter ? (
          <ComposeView
            loading={loading}
            adapter={adapter}
            strings={strings}
            language={language}
            config={config}
            user={state.user}
            fetchProfile={fetchProfile}
          />
        ) : null}
      </Suspense>
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
  /** The mailbox's working hours from Graph (see loadPaneState). */
  readonly fetchWorkingHours?: FetchWorkingHours | undefined;
  /** The sender's directory profile from Graph, for the compliant signature. */
  readonly fetchProfile?: FetchProfile | undefined;
}

export function App(props: AppProps) {
  const { adapter, strings, language, config, initialState, fetchWorkingHours, fetchProfile } = props;
  const now = props.now ?? (() => new Date());
  const [state, setState] = useState<PaneState>(initialState ?? { status: "loading" });

  // Only the latest load may set the state (an earlier item's may finish later).
  const latest = useRef(0);
  const reload = useCallback(() => {
    const ticket = ++latest.current;
    void loadPaneState(adapter, config, fetchWorkingHours).then((next) => {
      if (ticket === latest.current) setState(next);
    });
  }, [adapter, config, fetchWorkingHours]);

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

  return (
    <PaneView
      state={state}
      strings={strings}
      language={language}
      config={config}
      now={now()}
      adapter={adapter}
      fetchProfile={fetchProfile}
    />
  );
}
