// The messages between the compose view and its analysis worker. Everything that crosses is
// plain data (structured clone): the configuration once, then snapshots of the draft one way and
// DraftAnalysis objects (strings, numbers, arrays, an Int32Array) the other.
import type { DraftAnalysis } from "../../policy/analyze";
import type { PolicyConfig } from "../../policy/config/schema";
import type { DirectoryProfile } from "../../policy/signature/build-signature";
import type { Snapshot } from "./live";

export interface AnalysisRequest {
  readonly snapshot: Snapshot;
  /** The sender's directory profile, once it is known. */
  readonly profile?: DirectoryProfile | undefined;
  readonly now: Date;
}

export type ToWorker =
  | { readonly type: "config"; readonly config: PolicyConfig }
  | { readonly type: "analyse"; readonly id: number; readonly request: AnalysisRequest };

export type FromWorker =
  { readonly id: number; readonly analysis: DraftAnalysis } | { readonly id: number; readonly error: string };
