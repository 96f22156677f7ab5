// The playground's stand-in for Outlook's item state: the one place that knows which item is
// selected or being composed. The Office.js stand-in inside the add-in frames reads and edits it
// through the OutlookHostBridge interface; the playground UI subscribes to it as a React store.
import type {
  Address,
  ComposeItemState,
  ComposePatch,
  HostContext,
  HostEvent,
  ItemState,
  NotificationState,
  OutlookHostBridge,
  RecipientField,
} from "../bridge";
import { cloneData, itemKeyOf } from "../bridge";

export interface RoamingStore {
  load(userId: string): string;
  save(userId: string, json: string): void;
  clear(): void;
}

/** Roaming settings in localStorage, one entry per user (Outlook keeps them per mailbox). */
export function localRoamingStore(
  storage: Storage | undefined,
  prefix = "bemotande-playground:roaming:",
): RoamingStore {
  const memory = new Map<string, string>();
  return {
    load: (userId) => {
      try {
        return storage?.getItem(prefix + userId) ?? memory.get(userId) ?? "{}";
      } catch {
        return memory.get(userId) ?? "{}";
      }
    },
    save: (userId, json) => {
      memory.set(userId, json);
      try {
        storage?.setItem(prefix + userId, json);
      } catch {
        // Private mode or quota: the in-memory copy still works for this session.
      }
    },
    clear: () => {
      memory.clear();
      try {
        if (!storage) return;
        for (let i = storage.length - 1; i >= 0; i--) {
          const key = storage.key(i);
          if (key?.startsWith(prefix)) storage.removeItem(key);
        }
      } catch {
        // Nothing to clear.
      }
    },
  };
}

export interface HostSnapshot {
  readonly context: HostContext;
  readonly userId: string;
  readonly item: ItemState | null;
  /** Increments on every change, for React's useSyncExternalStore. */
  readonly revision: number;
}

function sameAddresses(a: readonly Address[], b: readonly Address[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.emailAddress === b[i]?.emailAddress && x.displayName === b[i]?.displayName)
  );
}

export class OutlookHost implements OutlookHostBridge {
  readonly version = 1 as const;
  private snapshot: HostSnapshot;
  private readonly addinListeners = new Set<(event: HostEvent) => void>();
  private readonly uiListeners = new Set<() => void>();

  constructor(
    context: HostContext,
    userId: string,
    private readonly roaming: RoamingStore,
  ) {
    this.snapshot = { context, userId, item: null, revision: 0 };
  }

  // ---- OutlookHostBridge (called from the add-in frames) ----------------------------------

  getContext(): HostContext {
    return cloneData(this.snapshot.context);
  }

  getItem(): ItemState | null {
    return this.snapshot.item ? cloneData(this.snapshot.item) : null;
  }

  updateCompose(sessionId: string, patch: ComposePatch): boolean {
    return this.applyCompose(sessionId, cloneData(patch));
  }

  setNotifications(itemKey: string, notifications: readonly NotificationState[]): boolean {
    const item = this.snapshot.item;
    if (!item || itemKeyOf(item) !== itemKey) return false;
    this.commit({ ...item, notifications: cloneData(notifications) });
    this.emit({ type: "item-updated" });
    return true;
  }

  loadRoamingSettings(): string {
    return this.roaming.load(this.snapshot.userId);
  }

  saveRoamingSettings(json: string): void {
    this.roaming.save(this.snapshot.userId, String(json));
  }

  subscribe(listener: (event: HostEvent) => void): () => void {
    this.addinListeners.add(listener);
    return () => {
      this.addinListeners.delete(listener);
    };
  }

  // ---- the playground UI ------------------------------------------------------------------

  readonly subscribeUi = (listener: () => void): (() => void) => {
    this.uiListeners.add(listener);
    return () => {
      this.uiListeners.delete(listener);
    };
  };

  readonly getSnapshot = (): HostSnapshot => this.snapshot;

  /** New user, language or theme. Add-in frames read these once at start: reload them. */
  setContext(context: HostContext, userId: string): void {
    this.snapshot = { ...this.snapshot, context, userId, revision: this.snapshot.revision + 1 };
    this.notifyUi();
  }

  /** Selects (or opens) an item, or none; fires ItemChanged in the add-in frames. */
  setItem(item: ItemState | null): void {
    const before = this.snapshot.item;
    this.commit(item);
    if ((before ? itemKeyOf(before) : null) !== (item ? itemKeyOf(item) : null))
      this.emit({ type: "item-changed" });
  }

  /** The user edited the compose form. */
  editCompose(patch: ComposePatch): void {
    const item = this.snapshot.item;
    if (item?.mode === "compose") this.applyCompose(item.sessionId, patch);
  }

  clearRoamingSettings(): void {
    this.roaming.clear();
  }

  // ---- internals --------------------------------------------------------------------------

  private applyCompose(sessionId: string, patch: ComposePatch): boolean {
    const item = this.snapshot.item;
    if (item?.mode !== "compose" || item.sessionId !== sessionId) return false;
    const next: ComposeItemState = {
      ...item,
      ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
      ...(patch.to !== undefined ? { to: patch.to } : {}),
      ...(patch.cc !== undefined ? { cc: patch.cc } : {}),
      ...(patch.bcc !== undefined ? { bcc: patch.bcc } : {}),
      ...(patch.bodyHtml !== undefined ? { bodyHtml: patch.bodyHtml } : {}),
      ...(patch.clientSignatureEnabled !== undefined
        ? { clientSignatureEnabled: patch.clientSignatureEnabled }
        : {}),
      ...(patch.itemId !== undefined ? { itemId: patch.itemId } : {}),
    };
    const fields = (["to", "cc", "bcc"] as const).filter(
      (field: RecipientField) => !sameAddresses(item[field], next[field]),
    );
    this.commit(next);
    if (fields.length > 0) this.emit({ type: "recipients-changed", fields });
    this.emit({ type: "item-updated" });
    return true;
  }

  private commit(item: ItemState | null): void {
    this.snapshot = { ...this.snapshot, item, revision: this.snapshot.revision + 1 };
    this.notifyUi();
  }

  private emit(event: HostEvent): void {
    for (const listener of [...this.addinListeners]) {
      try {
        listener(event);
      } catch {
        // A frame that went away (or a faulty listener) must not break the host.
        this.addinListeners.delete(listener);
      }
    }
  }

  private notifyUi(): void {
    for (const listener of [...this.uiListeners]) listener();
  }
}
