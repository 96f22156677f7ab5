// The playground window: an Outlook-like shell around the add-in's real pages.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Address, ComposeItemState, ReadItemState, ThemeName } from "../bridge";
import type { EmulatorUser, FolderId, GraphClient, GraphMessage } from "../host/graph";
import { runLaunchEvent } from "../host/launch-events";
import type { LaunchOutcome } from "../host/launch-events";
import type { LaunchEventsInfo, TaskpanePages } from "../host/manifest";
import type { OutlookHost } from "../host/outlook-host";
import type { LogEntry, SmartAlert } from "./components";
import { ComposeForm, EventLog, MessageList, ReadingPane, SmartAlertDialog } from "./components";
import { isEmailAddress, newCompose, readItemFrom, respondTo } from "./mail";
import { displayLanguageOf, uiStrings } from "./strings";
import type { UiLanguage } from "./strings";

export interface PlaygroundOptions {
  readonly host: OutlookHost;
  readonly graph: GraphClient;
  readonly launchEvents: LaunchEventsInfo;
  /** The page each surface's pane button opens (the manifest's SourceLocation). */
  readonly taskpanePages: TaskpanePages;
  readonly initialUser: string | null;
  readonly initialLanguage: UiLanguage;
  readonly initialTheme: ThemeName;
  /** False: the task pane starts closed (as in Outlook, where the user opens it from the ribbon). */
  readonly initialPaneOpen?: boolean;
  /** How long an event handler may run before the playground gives up (Outlook: minutes). */
  readonly eventTimeoutMs: number;
  readonly addinBase: string;
}

const ROLE_LABELS: Readonly<Record<string, { sv: string; en: string }>> = {
  staff: { sv: "handläggare", en: "staff" },
  manager: { sv: "chef", en: "manager" },
  "incomplete-profile": { sv: "ofullständig profil", en: "incomplete profile" },
};

function roleLabel(role: string, language: UiLanguage): string {
  return ROLE_LABELS[role]?.[language] ?? role;
}

function userAddress(user: EmulatorUser): Address {
  return { displayName: user.displayName, emailAddress: user.userPrincipalName };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App(options: PlaygroundOptions) {
  const { host, graph, launchEvents, taskpanePages, eventTimeoutMs, addinBase } = options;
  const snapshot = useSyncExternalStore(host.subscribeUi, host.getSnapshot);
  const [language, setLanguage] = useState<UiLanguage>(options.initialLanguage);
  const [theme, setTheme] = useState<ThemeName>(options.initialTheme);
  const [users, setUsers] = useState<EmulatorUser[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [folder, setFolder] = useState<FolderId>("inbox");
  const [messages, setMessages] = useState<GraphMessage[]>([]);
  const [loading, setLoading] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [paneOpen, setPaneOpen] = useState(options.initialPaneOpen ?? true);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [alert, setAlert] = useState<SmartAlert | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [composeError, setComposeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string>("");
  const [generation, setGeneration] = useState(0);
  const logId = useRef(0);

  const strings = uiStrings(language);
  const locale = displayLanguageOf(language);
  const user = users.find((u) => u.id === userId) ?? null;
  const known = useMemo(() => users.map(userAddress), [users]);
  const item = snapshot.item;

  const addLog = useCallback((text: string, level: LogEntry["level"] = "info") => {
    logId.current += 1;
    const entry: LogEntry = { id: logId.current, at: new Date(), text, level };
    setLog((entries) => [...entries.slice(-49), entry]);
  }, []);

  // Users, once.
  useEffect(() => {
    graph.users().then(
      (list) => {
        setUsers(list);
        const wanted = list.find(
          (u) => u.id === options.initialUser || u.userPrincipalName === options.initialUser,
        );
        const first =
          wanted ?? list.find((u) => u.isDefault === true) ?? list.find((u) => u.role === "staff") ?? list[0];
        if (first) setUserId(first.id);
      },
      (error: unknown) => setNotice(strings.loadFailed(describe(error))),
    );
    // Only on mount; later changes come from the switcher.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Context for the add-in frames: user, language, theme. Frames read it when they start.
  useEffect(() => {
    if (!user) return;
    host.setContext(
      {
        displayLanguage: locale,
        theme,
        user: { ...userAddress(user), timeZone: "W. Europe Standard Time" },
        restUrl: `${window.location.origin}/graph`,
      },
      user.id,
    );
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = theme;
  }, [host, user, locale, theme, language]);

  // Token for the signed-in user.
  useEffect(() => {
    if (!userId) return;
    let cancelled = false;
    setToken(null);
    graph.token(userId).then(
      (value) => {
        if (!cancelled) setToken(value);
      },
      (error: unknown) => setNotice(strings.loadFailed(describe(error))),
    );
    return () => {
      cancelled = true;
    };
    // strings only shapes the error text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, userId, generation]);

  const refresh = useCallback(async () => {
    if (!token) return;
    setLoading(true);
    try {
      const list = await graph.messages(token, folder);
      const time = (m: GraphMessage): number => Date.parse(m.receivedDateTime ?? m.sentDateTime ?? "") || 0;
      setMessages([...list].sort((a, b) => time(b) - time(a)));
    } catch (error) {
      setNotice(strings.loadFailed(describe(error)));
    } finally {
      setLoading(false);
    }
    // strings only shapes the error text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, token, folder]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const openMessage = useCallback(
    async (id: string) => {
      if (!token) return;
      setSelectedId(id);
      try {
        const message = await graph.message(token, id);
        host.setItem(readItemFrom(message));
      } catch (error) {
        setNotice(strings.loadFailed(describe(error)));
      }
    },
    [graph, host, token, strings],
  );

  const runEvent = useCallback(
    async (event: "OnNewMessageCompose" | "OnMessageSend", functionName: string): Promise<LaunchOutcome> => {
      addLog(`${event} → ${functionName}()`);
      const outcome = await runLaunchEvent({
        document,
        pageUrl: `${addinBase}launchevent.html`,
        functionName,
        timeoutMs: eventTimeoutMs,
      });
      if (outcome.status === "completed")
        addLog(
          `${event}: completed(${outcome.options ? JSON.stringify(outcome.options) : ""}) – ${outcome.ms} ms`,
        );
      else if (outcome.status === "timeout")
        addLog(`${event}: no completed() within ${outcome.ms} ms`, "warn");
      else addLog(`${event}: ${outcome.message}`, "error");
      return outcome;
    },
    [addLog, addinBase, eventTimeoutMs],
  );

  const startCompose = useCallback(
    (compose: ComposeItemState) => {
      setSelectedId(null);
      setComposeError(null);
      setBusy(null);
      host.setItem(compose);
      const name = launchEvents.onNewMessageCompose;
      if (name) void runEvent("OnNewMessageCompose", name);
    },
    [host, launchEvents, runEvent],
  );

  const onNew = useCallback(() => {
    if (user) startCompose(newCompose(userAddress(user)));
  }, [user, startCompose]);

  const onRespond = useCallback(
    (type: "reply" | "forward") => {
      if (user && item?.mode === "read")
        startCompose(respondTo(item, type, userAddress(user), strings, locale));
    },
    [user, item, startCompose, strings, locale],
  );

  const deliver = useCallback(
    async (compose: ComposeItemState) => {
      if (!token) return;
      setBusy(strings.sending);
      try {
        await graph.sendMail(token, {
          subject: compose.subject,
          html: compose.bodyHtml,
          to: compose.to.map((a) => ({ name: a.displayName, address: a.emailAddress })),
          cc: compose.cc.map((a) => ({ name: a.displayName, address: a.emailAddress })),
          bcc: compose.bcc.map((a) => ({ name: a.displayName, address: a.emailAddress })),
        });
        addLog(`sendMail: ${compose.subject || strings.noSubject}`);
        host.setItem(null);
        setBusy(null);
        setNotice(strings.sentOk);
        void refresh();
      } catch (error) {
        setBusy(null);
        setComposeError(strings.sendFailed(describe(error)));
      }
    },
    [addLog, graph, host, refresh, strings, token],
  );

  const onSend = useCallback(async () => {
    const current = host.getSnapshot().item;
    if (current?.mode !== "compose") return;
    const recipients = [...current.to, ...current.cc, ...current.bcc];
    if (recipients.length === 0 || !recipients.every((r) => isEmailAddress(r.emailAddress))) {
      setComposeError(strings.needRecipient);
      return;
    }
    setComposeError(null);
    const name = launchEvents.onMessageSend;
    if (!name) {
      await deliver(current);
      return;
    }
    setBusy(strings.checking);
    const outcome = await runEvent("OnMessageSend", name);
    const latest = host.getSnapshot().item;
    if (latest?.mode !== "compose" || latest.sessionId !== current.sessionId) return;
    if (outcome.status === "completed" && outcome.options?.allowEvent !== false) {
      await deliver(latest);
      return;
    }
    setBusy(null);
    if (outcome.status === "completed") {
      const options = outcome.options ?? {};
      // The manifest's SendMode applies unless the handler overrides it (only to promptUser).
      const mode = options.sendModeOverride === "promptUser" ? "promptUser" : launchEvents.sendMode;
      setAlert({
        message: options.errorMessage ?? strings.addinFailed,
        cancelLabel: options.cancelLabel ?? strings.dontSend,
        sendAnywayLabel: mode === "promptUser" ? strings.sendAnyway : null,
        openPaneOnCancel: typeof options.commandId === "string" && options.commandId !== "",
      });
    } else {
      setAlert({
        message: outcome.status === "timeout" ? strings.addinTimedOut : strings.addinFailed,
        cancelLabel: strings.dontSend,
        sendAnywayLabel: strings.sendAnyway,
        openPaneOnCancel: false,
      });
    }
  }, [deliver, host, launchEvents, runEvent, strings]);

  const onReset = useCallback(async () => {
    try {
      await graph.reset();
      host.clearRoamingSettings();
      host.setItem(null);
      setSelectedId(null);
      setAlert(null);
      setBusy(null);
      setLog([]);
      setFolder("inbox");
      setGeneration((g) => g + 1);
      setNotice(strings.resetDone);
    } catch (error) {
      setNotice(strings.loadFailed(describe(error)));
    }
  }, [graph, host, strings]);

  const switchUser = (id: string) => {
    host.setItem(null);
    setSelectedId(null);
    setMessages([]);
    setUserId(id);
  };

  const paneKey = `${item?.mode ?? "none"}|${snapshot.userId}|${locale}|${theme}|${generation}`;
  const showPane = paneOpen && item !== null && user !== null;

  return (
    <div className="app">
      <p className="banner" role="note">
        <span aria-hidden="true">⚠ </span>
        {strings.banner}
      </p>
      <header className="toolbar">
        <h1>{strings.appTitle}</h1>
        <div className="controls">
          <label>
            {strings.signedInAs}{" "}
            <select value={userId ?? ""} onChange={(event) => switchUser(event.target.value)}>
              {[...new Set(users.map((u) => u.role))].map((role) => (
                <optgroup key={role} label={roleLabel(role, language)}>
                  {users
                    .filter((u) => u.role === role)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.displayName} ({roleLabel(role, language)})
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            {strings.language}{" "}
            <select
              value={language}
              onChange={(event) => setLanguage(event.target.value === "en" ? "en" : "sv")}
            >
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </label>
          <label>
            {strings.theme}{" "}
            <select
              value={theme}
              onChange={(event) => setTheme(event.target.value === "dark" ? "dark" : "light")}
            >
              <option value="light">{strings.themeLight}</option>
              <option value="dark">{strings.themeDark}</option>
            </select>
          </label>
          <button type="button" onClick={() => void onReset()}>
            {strings.reset}
          </button>
          <a href="/index.html">{strings.aboutBuild}</a>
        </div>
      </header>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <main className="workspace">
        <nav className="folders" aria-label={strings.folders}>
          <button type="button" className="primary new" onClick={onNew} disabled={!user}>
            ✉ {strings.newMessage}
          </button>
          <ul>
            {(["inbox", "sentitems"] as const).map((id) => (
              <li key={id}>
                <button
                  type="button"
                  aria-current={folder === id ? "page" : undefined}
                  onClick={() => {
                    setFolder(id);
                    setSelectedId(null);
                  }}
                >
                  {id === "inbox" ? strings.inbox : strings.sent}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <section className="list" aria-label={strings.messages}>
          <h2 className="list-title">{folder === "inbox" ? strings.inbox : strings.sent}</h2>
          <MessageList
            strings={strings}
            label={folder === "inbox" ? strings.inbox : strings.sent}
            messages={messages}
            loading={loading}
            selectedId={selectedId}
            sentFolder={folder === "sentitems"}
            locale={locale}
            onOpen={(id) => void openMessage(id)}
          />
        </section>
        <section className="item" aria-label={item?.mode === "compose" ? strings.compose : strings.messages}>
          {item && user ? (
            <div className="pane-toggle">
              <button type="button" aria-pressed={paneOpen} onClick={() => setPaneOpen((open) => !open)}>
                {paneOpen ? strings.hidePane : strings.showPane}
              </button>
            </div>
          ) : null}
          {item?.mode === "read" ? (
            <ReadingPane
              strings={strings}
              item={item as ReadItemState}
              locale={locale}
              onReply={() => onRespond("reply")}
              onForward={() => onRespond("forward")}
            />
          ) : null}
          {item?.mode === "compose" ? (
            <ComposeForm
              strings={strings}
              item={item}
              known={known}
              busy={busy}
              error={composeError}
              onRecipients={(field, list) => host.editCompose({ [field]: list })}
              onSubject={(subject) => host.editCompose({ subject })}
              onBody={(bodyHtml) => host.editCompose({ bodyHtml })}
              onSend={() => void onSend()}
              onDiscard={() => {
                host.setItem(null);
                setBusy(null);
              }}
            />
          ) : null}
          {item === null ? <p className="muted pad">{strings.noSelection}</p> : null}
        </section>
        {showPane ? (
          <aside className="taskpane" aria-label={strings.paneTitle}>
            <iframe
              key={paneKey}
              className="taskpane-frame"
              title={strings.paneTitle}
              src={`${addinBase}${item?.mode === "compose" ? taskpanePages.compose : taskpanePages.read}`}
            />
          </aside>
        ) : null}
      </main>
      <EventLog strings={strings} entries={log} locale={locale} />
      {alert ? (
        <SmartAlertDialog
          strings={strings}
          alert={alert}
          onCancel={() => {
            if (alert.openPaneOnCancel) setPaneOpen(true);
            setAlert(null);
            addLog("Smart Alerts: " + alert.cancelLabel);
          }}
          onSendAnyway={() => {
            setAlert(null);
            addLog("Smart Alerts: " + strings.sendAnyway);
            const current = host.getSnapshot().item;
            if (current?.mode === "compose") void deliver(current);
          }}
        />
      ) : null}
    </div>
  );
}
