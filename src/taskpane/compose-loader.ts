// The compose view's code (the Fluent components only it uses, the fixes, the signature builder)
// is a lazily loaded chunk, and the policy engine with the lexicon runs in a worker
// (compose/analyser.ts), so read mode loads neither. Three things happen at once: the worker
// starts and compiles the lexicon, the draft is read and sent to it, and the view's chunk
// downloads — from the entry's first import when the page was opened from the compose surface
// (startComposeEarly), else as soon as Office says the item is being written (prepareCompose),
// before React's first render either way. The view renders when both its code and the first
// analysis are in, so its first render already has the status rows with content.

import type { MailboxAdapter } from "../office/mailbox";
import type { DraftAnalysis } from "../policy/analyze";
import type { PolicyConfig } from "../policy/config/schema";
import type * as ComposePaneModule from "./compose/ComposePane";
import type { DraftAnalyser } from "./compose/analyser";
import { createDraftAnalyser } from "./compose/analyser";
import type { Snapshot } from "./compose/live";
import { readSnapshot } from "./compose/snapshot";

type ComposeModule = typeof ComposePaneModule;

let pending: Promise<ComposeModule> | undefined;

/** The compose chunk; one request per page, retried after a failure. */
function loadComposeModule(): Promise<ComposeModule> {
  pending ??= import(/* webpackChunkName: "compose" */ "./compose/ComposePane").catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** What prepareCompose started, for the compose view to take over. */
export interface PreparedCompose {
  readonly config: PolicyConfig;
  readonly analyser: DraftAnalyser;
  /** Settles (never rejects) when the first read and analysis are done, or failed. */
  readonly settled: Promise<void>;
  /** Set when `settled` has settled successfully. */
  first?: { readonly snapshot: Snapshot; readonly analysis: DraftAnalysis };
}

let prepared: { readonly adapter: MailboxAdapter; readonly entry: PreparedCompose } | undefined;

type FirstAnalysis = NonNullable<PreparedCompose["first"]>;

/** What startComposeEarly started before the page's bundle had run, waiting to be taken over. */
let early:
  | {
      readonly config: PolicyConfig;
      readonly analyser: DraftAnalyser;
      /** The first read and analysis of the draft; undefined when it failed or was not asked for. */
      readonly first: Promise<FirstAnalysis | undefined>;
    }
  | undefined;

/** Reads the draft, analyses it, and says so; never rejects. */
function readAndAnalyse(
  read: () => Promise<Snapshot>,
  analyser: DraftAnalyser,
): Promise<FirstAnalysis | undefined> {
  return read()
    .then(async (snapshot) => ({ snapshot, analysis: await analyser.analyse({ snapshot, now: new Date() }) }))
    .catch(() => undefined);
}

/**
 * For a page opened from the compose surface (launch-hint.ts), before React and Fluent are even
 * evaluated: starts the analysis worker (taking over the one the page's head may have started),
 * the compose view's download and, with `read`, the first read and analysis of the draft — all
 * while the rest of the bundle is evaluated. prepareCompose takes them over; a page that turns
 * out not to be composing calls abandonEarlyCompose.
 */
export function startComposeEarly(config: PolicyConfig, read?: () => Promise<Snapshot>): void {
  if (early) return;
  const analyser = createDraftAnalyser(config);
  early = {
    config,
    analyser,
    first: read ? readAndAnalyse(read, analyser) : Promise.resolve(undefined),
  };
  void loadComposeModule().catch(() => undefined); // The view reports a failure.
}

/** Stops the early worker: the item is not being written after all. */
export function abandonEarlyCompose(): void {
  early?.analyser.dispose();
  early = undefined;
}

/** What startComposeEarly started for `config`, once (else undefined; another config's is stopped). */
function takeEarly(config: PolicyConfig): typeof early {
  const started = early;
  early = undefined;
  if (started?.config === config) return started;
  started?.analyser.dispose();
  return undefined;
}

/** Starts the analysis worker, reads and analyses the draft, and loads the compose view. */
export function prepareCompose(adapter: MailboxAdapter, config: PolicyConfig): void {
  // The worker first: its script is the longest way to the first analysis.
  const started = takeEarly(config);
  const analyser = started?.analyser ?? createDraftAnalyser(config);
  // The early analysis when there is one; else (or when it failed) read the draft now. The live
  // analysis reads again and reports errors.
  const first = (started?.first ?? Promise.resolve(undefined)).then(
    (done) => done ?? readAndAnalyse(() => readSnapshot(adapter), analyser),
  );
  const entry: PreparedCompose = {
    config,
    analyser,
    settled: first.then((done) => {
      if (done) entry.first = done;
    }),
  };
  prepared = { adapter, entry };
  void loadComposeModule().catch(() => undefined); // The view reports a failure.
}

let ready: ComposeModule | undefined;

/**
 * The compose module, once the prepared first analysis (if any) is in as well: the view's first
 * render then shows the status rows with content. (Rendering a "checking" state first and filling
 * it in later was measured to be slower here: on a busy machine the extra render competes with
 * the worker for the processor, and the rows still wait for the analysis.)
 */
export function loadComposeView(): Promise<ComposeModule> {
  const settled = prepared?.entry.settled;
  const view = settled
    ? Promise.all([loadComposeModule(), settled]).then(([module]) => module)
    : loadComposeModule();
  return view.then((module) => (ready = module));
}

/**
 * Waits for loadComposeView, at most `ms` milliseconds; never rejects. True when the view (and
 * the prepared first analysis) is in: a render from now on shows the compose view at once.
 */
export function composeViewWithin(ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = (inTime: boolean) => {
      clearTimeout(timer);
      resolve(inTime);
    };
    loadComposeView().then(
      () => done(true),
      () => done(false), // The view reports the failure when it renders.
    );
  });
}

/** The module loadComposeView resolved with, so that a later view can render it at once. */
export function loadedComposeView(): ComposeModule | undefined {
  return ready;
}

/** What prepareCompose started for this adapter and configuration, unless a view took it over. */
export function preparedCompose(adapter: MailboxAdapter, config: PolicyConfig): PreparedCompose | undefined {
  return prepared?.adapter === adapter && prepared.entry.config === config ? prepared.entry : undefined;
}

/** The compose view owns `entry` now (its analyser included); later mounts start their own. */
export function takePreparedCompose(entry: PreparedCompose): void {
  if (prepared?.entry === entry) prepared = undefined;
}
