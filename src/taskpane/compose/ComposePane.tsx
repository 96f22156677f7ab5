// The compose view (lazy-loaded; the policy engine and the lexicon run in a worker, see
// analyser.ts, so read mode loads neither). Keeps a live analysis of the draft, the sender's
// directory profile, and applies the one-click fixes.
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Language, Strings } from "../../i18n";
import type { MailboxAdapter, UserIdentity } from "../../office/mailbox";
import type { DraftAnalysis } from "../../policy/analyze";
import type { PolicyConfig } from "../../policy/config/schema";
import type { Finding } from "../../policy/findings";
import type { Notice } from "./ComposeResults";
import { ComposeResults } from "./ComposeResults";
import type { PreparedCompose } from "../compose-loader";
import { preparedCompose, takePreparedCompose } from "../compose-loader";
import { fixKindOf, sameFinding } from "./fix-kinds";
import type * as Fixes from "./fixes";
import type { FixOutcome } from "./fixes";
import type { AnalysisRequest } from "./analysis-protocol";
import type { DraftAnalyser } from "./analyser";
import { createDraftAnalyser } from "./analyser";
import type { LiveScheduler, Snapshot, Visibility } from "./live";
import { LiveAnalyzer } from "./live";
import type { DirectoryAnswer, LoadedProfile } from "./profile";
import { afterNextPaint } from "./after-paint";
import { loadProfile } from "./profile";
import { readSnapshot } from "./snapshot";

export interface ComposePaneProps {
  readonly adapter: MailboxAdapter;
  readonly strings: Strings;
  readonly language: Language;
  readonly config: PolicyConfig;
  readonly user: UserIdentity;
  /** The directory profile (Graph's /me); without it, Office's user profile is used. */
  readonly fetchProfile?: (() => Promise<DirectoryAnswer>) | undefined;
  readonly now?: () => Date;
  /** What the bootstrap started (compose-loader.ts); null: nothing. Default: looked up by adapter. */
  readonly prepared?: PreparedCompose | null;
  /** For tests. */
  readonly scheduler?: LiveScheduler;
  readonly visibility?: Visibility;
}

let fixes: Promise<typeof Fixes> | undefined;

/** The fixes' chunk; one request per page, asked again after a failure. */
function loadFixes(): Promise<typeof Fixes> {
  fixes ??= import(/* webpackChunkName: "fixes" */ "./fixes").catch((error: unknown) => {
    fixes = undefined;
    throw error;
  });
  return fixes;
}

/** True once a frame has been painted since `ready` turned true (see after-paint.ts). */
function usePaintedSince(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    return afterNextPaint(() => setPainted(true));
  }, [ready, painted]);
  return painted;
}

export default function ComposePane(props: ComposePaneProps) {
  const { adapter, strings, language, config, user, fetchProfile, scheduler, visibility } = props;
  const nowRef = useRef(props.now ?? (() => new Date()));
  const profileRef = useRef<LoadedProfile | undefined>(undefined);

  // What the bootstrap started while this view's code downloaded (compose-loader.ts): the
  // analysis worker and the first analysis of the draft. The first render says "checking" unless
  // that analysis is already in; the status rows are filled the moment it arrives. Without it
  // (tests, a later mount) the live analysis makes the first one.
  const [prepared] = useState(() =>
    props.prepared === undefined ? preparedCompose(adapter, config) : (props.prepared ?? undefined),
  );
  const [initialAnalysis] = useState(prepared?.first?.analysis);
  const [analysis, setAnalysis] = useState<DraftAnalysis | undefined>(initialAnalysis);
  const [profile, setProfile] = useState<LoadedProfile | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [fixing, setFixing] = useState(false);
  const [checking, setChecking] = useState(false);
  const liveRef = useRef<LiveAnalyzer<DraftAnalysis> | undefined>(undefined);
  const analyserRef = useRef<DraftAnalyser | undefined>(undefined);
  /** Forgets the recipients the poll keeps, so that the next read asks Office for them. */
  const recipientsRef = useRef<(() => void) | undefined>(undefined);
  const fixingRef = useRef(false);
  /** The first analysis (or read failure) is on screen; until then nothing else competes with it. */
  const [settled, setSettled] = useState(prepared?.first !== undefined);
  /** The first analysis (or its failure) has been painted. */
  const painted = usePaintedSince(settled);
  /** Taken over by the first run of the live-analysis effect only. */
  const preparedRef = useRef(prepared);

  /** The analysis of a snapshot of the draft, with the directory profile once it is known. */
  const requestFor = useCallback((snapshot: Snapshot): AnalysisRequest => {
    const loaded = profileRef.current;
    return {
      snapshot,
      now: nowRef.current(),
      ...(loaded?.source === "directory" ? { profile: loaded.profile } : {}),
    };
  }, []);

  // The sender's profile, once per pane: after the first analysis is shown, so that signing in to
  // Graph (MSAL's chunk, a token, /me) does not delay it. The profile then re-runs the analysis.
  useEffect(() => {
    if (!painted) return;
    let cancelled = false;
    void loadProfile(fetchProfile, user, adapter).then((loaded) => {
      if (cancelled) return;
      profileRef.current = loaded;
      setProfile(loaded);
      void liveRef.current?.invalidate();
    });
    return () => {
      cancelled = true;
    };
  }, [adapter, fetchProfile, user, painted]);

  // The analyser (a worker), the live analysis and RecipientsChanged.
  useEffect(() => {
    const own = preparedRef.current?.config === config ? preparedRef.current : undefined;
    preparedRef.current = undefined;
    if (own) takePreparedCompose(own);
    const analyser = own?.analyser ?? createDraftAnalyser(config);
    analyserRef.current = analyser;
    let shown = false;
    // While RecipientsChanged is heard, the poll reads only the body and the subject; the
    // recipients are read again after the event (and on "Kontrollera nu").
    let recipientsEvent = false;
    let recipients: readonly string[] | undefined;
    const read = async (): Promise<Snapshot> => {
      const snapshot = await readSnapshot(adapter, recipientsEvent ? recipients : undefined);
      recipients = snapshot.recipients;
      return snapshot;
    };
    recipientsRef.current = () => {
      recipients = undefined;
    };
    const live = new LiveAnalyzer<DraftAnalysis>({
      read,
      analyse: (snapshot) => analyser.analyse(requestFor(snapshot)),
      onResult: (result) => {
        const show = (): void => {
          setAnalysis(result);
          setNotice((current) => (current?.text === strings.compose.readError ? undefined : current));
        };
        // The first result is the pane's first real content: show it at once. Later ones arrive
        // while the author writes: as a transition, React renders them in slices and lets the
        // author's input go first.
        if (shown) startTransition(show);
        else show();
        shown = true;
        setSettled(true);
      },
      onError: () => {
        setNotice({ intent: "error", text: strings.compose.readError });
        setSettled(true);
      },
      idle: !analyser.offThread,
      ...(scheduler ? { scheduler } : {}),
      ...(visibility ? { visibility } : {}),
    });
    liveRef.current = live;
    let cancelled = false;
    if (own) {
      // The prepared first analysis: on screen at once (a synchronous render, not a scheduled
      // one), then the live analysis takes over from it. If it failed, the live one starts afresh.
      void own.settled.then(() => {
        if (cancelled) return;
        const first = own.first;
        if (first) {
          shown = true;
          if (first.analysis !== initialAnalysis) flushSync(() => setAnalysis(first.analysis));
          setSettled(true);
        }
        live.start(first?.snapshot);
      });
    } else {
      live.start();
    }
    let remove: (() => Promise<void>) | undefined;
    adapter
      .onRecipientsChanged(() => {
        recipients = undefined;
        void live.invalidate();
      })
      .then(
        (unsubscribe) => {
          if (cancelled) void unsubscribe().catch(() => undefined);
          else {
            remove = unsubscribe;
            recipientsEvent = true;
          }
        },
        () => undefined, // Without the event, the poll reads the recipients every time.
      );
    return () => {
      cancelled = true;
      live.stop();
      analyser.dispose();
      liveRef.current = undefined;
      analyserRef.current = undefined;
      recipientsRef.current = undefined;
      if (remove) void remove().catch(() => undefined);
    };
  }, [adapter, config, initialAnalysis, requestFor, scheduler, visibility, strings]);

  const onCheckNow = useCallback(() => {
    const live = liveRef.current;
    if (!live) return;
    recipientsRef.current?.(); // Read everything again.
    setChecking(true);
    void live.checkNow().finally(() => setChecking(false));
  }, []);

  /**
   * Applies the fix of `finding`, which the user saw in `shown`. The pane can lag behind the body
   * (poll, debounce, idle time), so the body is read again first: when it changed, the fix works
   * on a fresh analysis of what is there now, provided the same finding is still in it.
   */
  const onFix = useCallback(
    (shown: DraftAnalysis, finding: Finding, replacement?: string) => {
      // A ref, not state: a second click before the re-render must not start a second fix.
      if (fixingRef.current) return;
      const kind = fixKindOf(finding);
      if (kind === undefined || (kind === "replace" && replacement === undefined)) return;
      fixingRef.current = true;
      setFixing(true);
      setNotice(undefined);
      const work = async (): Promise<FixOutcome> => {
        const snapshot = await readSnapshot(adapter);
        let current = shown;
        let target: Finding | undefined = finding;
        if (snapshot.html !== shown.text.source) {
          const analyser = analyserRef.current;
          if (!analyser) return { ok: false, error: "failed" };
          current = await analyser.analyse(requestFor(snapshot));
          target = sameFinding(shown.findings, finding, current.findings);
          if (target === undefined) return { ok: false, error: "changed" };
        }
        const loaded = profileRef.current;
        return (await loadFixes()).applyFix(adapter, {
          kind,
          analysis: current,
          finding: target,
          replacement,
          profile: loaded?.profile ?? { displayName: user.displayName, mail: user.emailAddress },
          config,
          now: nowRef.current(),
        });
      };
      void work()
        .then((outcome) =>
          setNotice(
            outcome.ok
              ? { intent: "success", text: strings.compose.fixDone }
              : { intent: "error", text: strings.compose.fixErrors[outcome.error] },
          ),
        )
        .catch(() => setNotice({ intent: "error", text: strings.compose.fixErrors.failed }))
        .finally(() => {
          fixingRef.current = false;
          setFixing(false);
          void liveRef.current?.checkNow();
        });
    },
    [adapter, config, requestFor, strings, user],
  );

  // Office's profile stands in for the directory's: say which signature fields it lacks.
  const [profileNote, setProfileNote] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (profile?.source !== "office") {
      setProfileNote(undefined);
      return;
    }
    let cancelled = false;
    void loadFixes()
      .then(({ missingProfileFields }) => {
        if (cancelled) return;
        const missing = missingProfileFields(profile.profile, config);
        const names = missing.map((field) => strings.compose.profileFields[field]).join(", ");
        setProfileNote(
          missing.length > 0
            ? strings.compose.profileFallback(names)
            : strings.compose.profileFallbackComplete,
        );
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [profile, config, strings]);

  // The fixes' code, once the first analysis is on screen, so that the first click finds it here.
  useEffect(() => {
    if (painted) void loadFixes().catch(() => undefined);
  }, [painted]);

  return (
    <ComposeResults
      strings={strings}
      language={language}
      analysis={analysis}
      notice={notice}
      profileNote={profileNote}
      fixing={fixing}
      checking={checking}
      onFix={onFix}
      onCheckNow={onCheckNow}
    />
  );
}
