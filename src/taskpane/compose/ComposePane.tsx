// The compose view (lazy-loaded: read mode never loads the lexicon). Keeps a live analysis of the
// draft, the sender's directory profile, and applies the one-click fixes.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Language, Strings } from "../../i18n";
import type { MailboxAdapter, UserIdentity } from "../../office/mailbox";
import type { DraftAnalysis } from "../../policy/analyze";
import { analyzeDraft, lexiconFor } from "../../policy/analyze";
import type { PolicyConfig } from "../../policy/config/schema";
import type { Finding } from "../../policy/findings";
import { followUpSentence } from "../../policy/rules/tone";
import { buildSignature } from "../../policy/signature/build-signature";
import type { Notice } from "./ComposeResults";
import { ComposeResults } from "./ComposeResults";
import type { FixOutcome } from "./fixes";
import { fixKindOf, insertSentence, insertSignature, replaceJargon, rewriteBody, sameFinding } from "./fixes";
import type { LiveScheduler, Snapshot, Visibility } from "./live";
import { LiveAnalyzer } from "./live";
import type { DirectoryAnswer, LoadedProfile } from "./profile";
import { loadProfile } from "./profile";

export interface ComposePaneProps {
  readonly adapter: MailboxAdapter;
  readonly strings: Strings;
  readonly language: Language;
  readonly config: PolicyConfig;
  readonly user: UserIdentity;
  /** The directory profile (Graph's /me); without it, Office's user profile is used. */
  readonly fetchProfile?: (() => Promise<DirectoryAnswer>) | undefined;
  readonly now?: () => Date;
  /** For tests. */
  readonly scheduler?: LiveScheduler;
  readonly visibility?: Visibility;
}

async function readSnapshot(adapter: MailboxAdapter): Promise<Snapshot> {
  const [html, subject, recipients] = await Promise.all([
    adapter.getBodyHtml(),
    adapter.getSubject().catch(() => ""),
    adapter.getRecipients().catch(() => ({ to: [], cc: [], bcc: [] })),
  ]);
  return { html, subject, recipients: [...recipients.to, ...recipients.cc, ...recipients.bcc] };
}

export default function ComposePane(props: ComposePaneProps) {
  const { adapter, strings, language, config, user, fetchProfile, scheduler, visibility } = props;
  const nowRef = useRef(props.now ?? (() => new Date()));
  const [analysis, setAnalysis] = useState<DraftAnalysis | undefined>(undefined);
  const [profile, setProfile] = useState<LoadedProfile | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [fixing, setFixing] = useState(false);
  const [checking, setChecking] = useState(false);
  const profileRef = useRef<LoadedProfile | undefined>(undefined);
  const liveRef = useRef<LiveAnalyzer<DraftAnalysis> | undefined>(undefined);
  const fixingRef = useRef(false);
  const lexicon = useMemo(() => lexiconFor(config), [config]);

  /** The analysis of a snapshot of the draft, with the directory profile once it is known. */
  const analyse = useCallback(
    (snapshot: Snapshot): DraftAnalysis => {
      const loaded = profileRef.current;
      return analyzeDraft(
        { body: snapshot.html, format: "html", subject: snapshot.subject, recipients: snapshot.recipients },
        {
          config,
          lexicon,
          now: nowRef.current(),
          ...(loaded?.source === "directory" ? { profile: loaded.profile } : {}),
        },
      );
    },
    [config, lexicon],
  );

  // The sender's profile, once per pane.
  useEffect(() => {
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
  }, [adapter, fetchProfile, user]);

  // The live analysis and RecipientsChanged.
  useEffect(() => {
    const live = new LiveAnalyzer<DraftAnalysis>({
      read: () => readSnapshot(adapter),
      analyse,
      onResult: (result) => {
        setAnalysis(result);
        setNotice((current) => (current?.text === strings.compose.readError ? undefined : current));
      },
      onError: () => setNotice({ intent: "error", text: strings.compose.readError }),
      ...(scheduler ? { scheduler } : {}),
      ...(visibility ? { visibility } : {}),
    });
    liveRef.current = live;
    live.start();
    let remove: (() => Promise<void>) | undefined;
    let cancelled = false;
    adapter
      .onRecipientsChanged(() => void live.invalidate())
      .then(
        (unsubscribe) => {
          if (cancelled) void unsubscribe().catch(() => undefined);
          else remove = unsubscribe;
        },
        () => undefined, // Without the event, the poll still notices new recipients.
      );
    return () => {
      cancelled = true;
      live.stop();
      liveRef.current = undefined;
      if (remove) void remove().catch(() => undefined);
    };
  }, [adapter, analyse, scheduler, visibility, strings]);

  const onCheckNow = useCallback(() => {
    const live = liveRef.current;
    if (!live) return;
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
      const applyFix = (current: DraftAnalysis, target: Finding, chosen?: string): Promise<FixOutcome> => {
        const html = current.text.source;
        if (kind === "signature") {
          const loaded = profileRef.current;
          const built = buildSignature(
            loaded?.profile ?? { displayName: user.displayName, mail: user.emailAddress },
            config,
          );
          return insertSignature(adapter, html, built);
        }
        if (kind === "replace") {
          return rewriteBody(adapter, html, () => {
            const next = replaceJargon(current.text, target, chosen ?? "");
            return next === undefined ? { error: "not-in-place" } : { html: next };
          });
        }
        const sentence =
          target.rule === "followup.no-date"
            ? followUpSentence({ now: nowRef.current(), config })
            : (target.suggestions[0] ?? "");
        return rewriteBody(adapter, html, () => {
          const next = insertSentence(current.text, target, sentence);
          return next === undefined ? { error: "nowhere-to-insert" } : { html: next };
        });
      };
      const work = async (): Promise<FixOutcome> => {
        const snapshot = await readSnapshot(adapter);
        let current = shown;
        let target: Finding | undefined = finding;
        if (snapshot.html !== shown.text.source) {
          current = analyse(snapshot);
          target = sameFinding(shown.findings, finding, current.findings);
          if (target === undefined) return { ok: false, error: "changed" };
        }
        return applyFix(current, target, replacement);
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
    [adapter, analyse, config, strings, user],
  );

  const profileNote = useMemo(() => {
    if (profile?.source !== "office") return undefined;
    const missing = buildSignature(profile.profile, config).missingProfileFields;
    const names = missing.map((field) => strings.compose.profileFields[field]).join(", ");
    return missing.length > 0
      ? strings.compose.profileFallback(names)
      : strings.compose.profileFallbackComplete;
  }, [profile, config, strings]);

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
