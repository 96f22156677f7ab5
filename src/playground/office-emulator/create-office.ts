// The Office.js stand-in: builds an `Office` namespace with the part of the Outlook API the
// add-in uses, backed by the playground host (see ../bridge.ts). Host-independent, so it runs
// under jest with a fake host and a synchronous-looking scheduler.
import type {
  Address,
  CompletedOptions,
  ComposeItemState,
  ComposePatch,
  HostContext,
  HostEvent,
  ItemState,
  NotificationState,
  OfficeEmulatorHandle,
  OutlookHostBridge,
  ReadItemState,
  RecipientField,
} from "../bridge";
import { cloneData, itemKeyOf } from "../bridge";
import { AsyncResultStatus, OfficeFailure, runAsync } from "./async";
import type { CallOptions, Schedule } from "./async";
import { htmlToText, textToHtml } from "./html-text";

/** Documented limits (Office.js reference for each method). */
export const LIMITS = {
  /** body.setAsync / prependAsync: "limited to 1,000,000 characters". */
  bodyChars: 1_000_000,
  /** body.setSignatureAsync: "limited to 30,000 characters". */
  signatureChars: 30_000,
  /** Recipients.setAsync / addAsync: at most 100 entries per call. */
  recipientsPerCall: 100,
  /** notificationMessages: 5 per item, key ≤ 32 chars, message ≤ 150 chars. */
  notifications: 5,
  notificationKeyChars: 32,
  notificationMessageChars: 150,
  /** roamingSettings: 32 KB per add-in. */
  roamingSettingsChars: 32 * 1024,
} as const;

export const SUPPORTED_SETS: Readonly<Record<string, string>> = {
  mailbox: "1.14",
  nestedappauth: "1.1",
};

export const CoercionType = { Text: "text", Html: "html" } as const;
export const EventType = {
  ItemChanged: "olkItemSelectedChanged",
  RecipientsChanged: "olkRecipientsChanged",
  OfficeThemeChanged: "officeThemeChanged",
} as const;

export const MailboxEnums = {
  ItemType: { Message: "message", Appointment: "appointment" },
  ComposeType: { NewMail: "newMail", Reply: "reply", Forward: "forward" },
  BodyType: { Text: "text", Html: "html" },
  RecipientType: {
    DistributionList: "distributionList",
    User: "user",
    ExternalUser: "externalUser",
    Other: "other",
  },
  ItemNotificationMessageType: {
    ProgressIndicator: "progressIndicator",
    InformationalMessage: "informationalMessage",
    ErrorMessage: "errorMessage",
    InsightMessage: "insightMessage",
  },
  SendModeOverride: { PromptUser: "promptUser" },
  RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
} as const;

/** Where the add-in's Outlook platform is reported as. */
export const HOST_INFO = { host: "Outlook", platform: "OfficeOnline" } as const;

const THEMES = {
  light: {
    bodyBackgroundColor: "#ffffff",
    bodyForegroundColor: "#242424",
    controlBackgroundColor: "#f5f5f5",
    controlForegroundColor: "#242424",
    themeId: 0,
  },
  dark: {
    bodyBackgroundColor: "#1f1f1f",
    bodyForegroundColor: "#ffffff",
    controlBackgroundColor: "#292929",
    controlForegroundColor: "#ffffff",
    themeId: 1,
  },
} as const;

type Handler = (event: { readonly type: string }) => void;
type ActionHandler = (event: unknown) => void;

export interface EmulatedOffice {
  readonly office: Record<string, unknown>;
  readonly handle: OfficeEmulatorHandle;
  /** Stops listening to the host (the frame is going away). */
  dispose(): void;
}

export interface CreateOfficeOptions {
  /** The playground host; null when the page runs outside the playground. */
  readonly host: OutlookHostBridge | null;
  readonly schedule: Schedule;
}

const STANDALONE_CONTEXT: HostContext = {
  displayLanguage: "sv-SE",
  theme: "light",
  user: { displayName: "", emailAddress: "", timeZone: "W. Europe Standard Time" },
  restUrl: "",
};

function fail(name: ConstructorParameters<typeof OfficeFailure>[0], message: string): never {
  throw new OfficeFailure(name, message);
}

function coercionOf(options: CallOptions, fallback: string): string {
  const value = options.coercionType;
  if (value === undefined) return fallback;
  if (value === CoercionType.Html || value === CoercionType.Text) return value;
  return fail("InvalidParameter", `Unsupported coercionType "${String(value)}"`);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

function toAddress(entry: unknown): Address {
  if (typeof entry === "string") return { displayName: entry, emailAddress: entry };
  if (entry !== null && typeof entry === "object") {
    const record = entry as Record<string, unknown>;
    const emailAddress = typeof record.emailAddress === "string" ? record.emailAddress : "";
    const displayName = typeof record.displayName === "string" ? record.displayName : emailAddress;
    if (emailAddress !== "") return { displayName, emailAddress };
  }
  return fail("InvalidParameter", "A recipient must be an email address or {displayName, emailAddress}");
}

/** Inserts or replaces the signature block, before the quoted original in replies/forwards. */
export function placeSignature(bodyHtml: string, signatureHtml: string): string {
  const block = signatureHtml === "" ? "" : `<div id="Signature">${signatureHtml}</div>`;
  const existing = /<div id="Signature">[\s\S]*?<\/div><!--\/Signature-->/;
  const marked = block === "" ? "" : `${block}<!--/Signature-->`;
  if (existing.test(bodyHtml)) return bodyHtml.replace(existing, () => marked);
  const quote = bodyHtml.indexOf('<div id="appendonsend">');
  if (quote >= 0) return bodyHtml.slice(0, quote) + marked + bodyHtml.slice(quote);
  return bodyHtml + marked;
}

export function createOffice({ host, schedule }: CreateOfficeOptions): EmulatedOffice {
  const context: HostContext = host ? cloneData(host.getContext()) : STANDALONE_CONTEXT;
  const itemChangedHandlers: Handler[] = [];
  const actions = new Map<string, ActionHandler>();
  let ready = false;
  const readyWaiters: Array<() => void> = [];
  const office: Record<string, unknown> = {};

  const currentState = (): ItemState | null => {
    if (!host) return null;
    const state = host.getItem();
    return state ? cloneData(state) : null;
  };

  // ---- items -------------------------------------------------------------------------------

  interface LiveItem {
    readonly key: string;
    readonly object: Record<string, unknown>;
    readonly recipientsHandlers: Handler[];
  }
  let live: LiveItem | null = null;

  /** The host's current state for this item, or an ItemChanged failure. */
  const stateFor = <S extends ItemState>(key: string, mode: S["mode"]): S => {
    const state = currentState();
    if (!state || itemKeyOf(state) !== key || state.mode !== mode)
      fail("ItemChanged", "The selected item has been changed.");
    return state as S;
  };

  const notificationMessages = (key: string, mode: ItemState["mode"]) => {
    const read = (): NotificationState[] => [...stateFor(key, mode).notifications];
    const write = (list: NotificationState[]): void => {
      if (!host?.setNotifications(key, list)) fail("ItemChanged", "The selected item has been changed.");
    };
    const validate = (messageKey: unknown, details: unknown): NotificationState => {
      if (
        typeof messageKey !== "string" ||
        messageKey === "" ||
        messageKey.length > LIMITS.notificationKeyChars
      )
        fail("InvalidParameter", `The key must be 1–${LIMITS.notificationKeyChars} characters`);
      const record = (details ?? {}) as Record<string, unknown>;
      const type = String(record.type ?? "");
      const types: readonly string[] = Object.values(MailboxEnums.ItemNotificationMessageType);
      if (!types.includes(type)) fail("InvalidParameter", `Unknown notification type "${type}"`);
      const message = String(record.message ?? "");
      if (message.length > LIMITS.notificationMessageChars)
        fail(
          "DataExceedsMaximumSize",
          `The message is longer than ${LIMITS.notificationMessageChars} characters`,
        );
      return {
        key: messageKey,
        type,
        message,
        ...(typeof record.icon === "string" ? { icon: record.icon } : {}),
        ...(typeof record.persistent === "boolean" ? { persistent: record.persistent } : {}),
      };
    };
    return {
      addAsync: (messageKey: unknown, details: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          const list = read();
          const entry = validate(messageKey, details);
          if (list.some((n) => n.key === entry.key))
            fail("DuplicateNotificationKey", `A notification with key "${entry.key}" exists`);
          if (list.length >= LIMITS.notifications)
            fail("NumberOfNotificationMessagesExceeded", `At most ${LIMITS.notifications} notifications`);
          write([...list, entry]);
        }),
      replaceAsync: (messageKey: unknown, details: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          const entry = validate(messageKey, details);
          const list = read();
          const index = list.findIndex((n) => n.key === entry.key);
          if (index >= 0) list[index] = entry;
          else if (list.length >= LIMITS.notifications)
            fail("NumberOfNotificationMessagesExceeded", `At most ${LIMITS.notifications} notifications`);
          else list.push(entry);
          write(list);
        }),
      removeAsync: (messageKey: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          const list = read();
          if (!list.some((n) => n.key === messageKey))
            fail("KeyNotFound", `No notification "${String(messageKey)}"`);
          write(list.filter((n) => n.key !== messageKey));
        }),
      getAllAsync: (...rest: unknown[]) =>
        runAsync(schedule, rest, () =>
          read().map((n) => ({
            key: n.key,
            type: n.type,
            message: n.message,
            icon: n.icon,
            persistent: n.persistent,
          })),
        ),
    };
  };

  const addressDetails = (address: Address) => ({
    displayName: address.displayName,
    emailAddress: address.emailAddress,
    recipientType:
      context.user.emailAddress !== "" &&
      domainOf(address.emailAddress) === domainOf(context.user.emailAddress)
        ? MailboxEnums.RecipientType.User
        : MailboxEnums.RecipientType.ExternalUser,
  });

  const buildRead = (state: ReadItemState): Record<string, unknown> => {
    const key = state.itemId;
    const from = addressDetails(state.from);
    return {
      itemType: MailboxEnums.ItemType.Message,
      itemClass: "IPM.Note",
      itemId: state.itemId,
      conversationId: state.conversationId,
      internetMessageId: state.internetMessageId,
      subject: state.subject,
      normalizedSubject: state.subject.replace(/^((re|sv|fw|fwd|vb|vs)\s*:\s*)+/i, ""),
      from,
      sender: from,
      to: state.to.map(addressDetails),
      cc: state.cc.map(addressDetails),
      dateTimeCreated: new Date(state.dateTimeCreated),
      dateTimeModified: new Date(state.dateTimeModified),
      attachments: [],
      body: {
        getAsync: (coercionType: unknown, ...rest: unknown[]) =>
          runAsync(schedule, rest, () => {
            const type = coercionOf({ coercionType }, CoercionType.Text);
            const html = stateFor<ReadItemState>(key, "read").bodyHtml;
            return type === CoercionType.Html ? html : htmlToText(html);
          }),
      },
      notificationMessages: notificationMessages(key, "read"),
    };
  };

  const buildCompose = (state: ComposeItemState, recipientsHandlers: Handler[]): Record<string, unknown> => {
    const key = state.sessionId;
    const now = (): ComposeItemState => stateFor<ComposeItemState>(key, "compose");
    const patch = (change: ComposePatch): void => {
      if (!host?.updateCompose(key, change)) fail("ItemChanged", "The selected item has been changed.");
    };
    const limitBody = (data: string): void => {
      if (data.length > LIMITS.bodyChars)
        fail(
          "DataExceedsMaximumSize",
          `The data is longer than ${LIMITS.bodyChars.toLocaleString("en")} characters.`,
        );
    };
    const asHtml = (data: unknown, options: CallOptions): string => {
      if (typeof data !== "string") fail("InvalidParameter", "data must be a string");
      return coercionOf(options, CoercionType.Text) === CoercionType.Html ? data : textToHtml(data);
    };
    const recipients = (field: RecipientField) => ({
      getAsync: (...rest: unknown[]) => runAsync(schedule, rest, () => now()[field].map(addressDetails)),
      setAsync: (list: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          if (!Array.isArray(list)) fail("InvalidParameter", "recipients must be an array");
          if (list.length > LIMITS.recipientsPerCall)
            fail("NumberOfRecipientsExceeded", `At most ${LIMITS.recipientsPerCall} recipients per call`);
          patch({ [field]: list.map(toAddress) });
        }),
      addAsync: (list: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          if (!Array.isArray(list)) fail("InvalidParameter", "recipients must be an array");
          if (list.length > LIMITS.recipientsPerCall)
            fail("NumberOfRecipientsExceeded", `At most ${LIMITS.recipientsPerCall} recipients per call`);
          patch({ [field]: [...now()[field], ...list.map(toAddress)] });
        }),
    });
    return {
      itemType: MailboxEnums.ItemType.Message,
      conversationId: state.conversationId === "" ? null : state.conversationId,
      subject: {
        getAsync: (...rest: unknown[]) => runAsync(schedule, rest, () => now().subject),
        setAsync: (subject: unknown, ...rest: unknown[]) =>
          runAsync(schedule, rest, () => {
            if (typeof subject !== "string") fail("InvalidParameter", "subject must be a string");
            if (subject.length > 255)
              fail("DataExceedsMaximumSize", "The subject is longer than 255 characters.");
            patch({ subject });
          }),
      },
      from: { getAsync: (...rest: unknown[]) => runAsync(schedule, rest, () => addressDetails(now().from)) },
      to: recipients("to"),
      cc: recipients("cc"),
      bcc: recipients("bcc"),
      body: {
        getAsync: (coercionType: unknown, ...rest: unknown[]) =>
          runAsync(schedule, rest, () => {
            const type = coercionOf({ coercionType }, CoercionType.Text);
            const html = now().bodyHtml;
            return type === CoercionType.Html ? html : htmlToText(html);
          }),
        getTypeAsync: (...rest: unknown[]) =>
          runAsync(schedule, rest, () => {
            now();
            return MailboxEnums.BodyType.Html;
          }),
        setAsync: (data: unknown, ...rest: unknown[]) =>
          runAsync(schedule, rest, (options) => {
            const html = asHtml(data, options);
            limitBody(String(data));
            patch({ bodyHtml: html });
          }),
        prependAsync: (data: unknown, ...rest: unknown[]) =>
          runAsync(schedule, rest, (options) => {
            const html = asHtml(data, options);
            limitBody(String(data));
            patch({ bodyHtml: html + now().bodyHtml });
          }),
        setSignatureAsync: (data: unknown, ...rest: unknown[]) =>
          runAsync(schedule, rest, (options) => {
            const html = asHtml(data, options);
            if (String(data).length > LIMITS.signatureChars)
              fail(
                "DataExceedsMaximumSize",
                `The data is longer than ${LIMITS.signatureChars.toLocaleString("en")} characters.`,
              );
            patch({ bodyHtml: placeSignature(now().bodyHtml, html) });
          }),
      },
      notificationMessages: notificationMessages(key, "compose"),
      getComposeTypeAsync: (...rest: unknown[]) =>
        runAsync(schedule, rest, () => ({ composeType: now().composeType, coercionType: CoercionType.Html })),
      isClientSignatureEnabledAsync: (...rest: unknown[]) =>
        runAsync(schedule, rest, () => now().clientSignatureEnabled),
      disableClientSignatureAsync: (...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          now();
          patch({ clientSignatureEnabled: false });
        }),
      saveAsync: (...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          const itemId = now().itemId ?? `AAMkADraft-${key}`;
          patch({ itemId });
          return itemId;
        }),
      getItemIdAsync: (...rest: unknown[]) =>
        runAsync(
          schedule,
          rest,
          () => now().itemId ?? fail("ItemNotSaved", "The item has not been saved yet."),
        ),
      addHandlerAsync: (eventType: unknown, handler: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          if (eventType !== EventType.RecipientsChanged)
            fail("NotSupported", `Event ${String(eventType)} is not emulated`);
          if (typeof handler !== "function") fail("InvalidParameter", "handler must be a function");
          recipientsHandlers.push(handler as Handler);
        }),
      removeHandlerAsync: (eventType: unknown, ...rest: unknown[]) =>
        runAsync(schedule, rest, () => {
          if (eventType !== EventType.RecipientsChanged)
            fail("NotSupported", `Event ${String(eventType)} is not emulated`);
          recipientsHandlers.length = 0;
        }),
    };
  };

  const refreshItem = (): void => {
    const state = currentState();
    if (!state) {
      live = null;
      return;
    }
    const key = itemKeyOf(state);
    if (live?.key === key) return;
    const recipientsHandlers: Handler[] = [];
    live = {
      key,
      recipientsHandlers,
      object: state.mode === "read" ? buildRead(state) : buildCompose(state, recipientsHandlers),
    };
  };
  refreshItem();

  // ---- host events -------------------------------------------------------------------------

  const onHostEvent = (event: HostEvent): void => {
    if (event.type === "item-changed") {
      refreshItem();
      for (const handler of [...itemChangedHandlers]) {
        schedule(() => handler({ type: EventType.ItemChanged }));
      }
    } else if (event.type === "recipients-changed" && live) {
      const fields = new Set(event.fields);
      const payload = {
        type: EventType.RecipientsChanged,
        changedRecipientFields: { to: fields.has("to"), cc: fields.has("cc"), bcc: fields.has("bcc") },
      };
      for (const handler of [...live.recipientsHandlers]) schedule(() => handler(payload));
    }
  };
  const unsubscribe = host ? host.subscribe((event) => onHostEvent(cloneData(event))) : () => undefined;

  // ---- roaming settings --------------------------------------------------------------------

  let roaming: Record<string, unknown> = {};
  if (host) {
    try {
      const parsed: unknown = JSON.parse(host.loadRoamingSettings());
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed))
        roaming = parsed as Record<string, unknown>;
    } catch {
      roaming = {};
    }
  }
  const roamingSettings = {
    get: (name: string): unknown =>
      Object.prototype.hasOwnProperty.call(roaming, name) ? roaming[name] : undefined,
    set: (name: string, value: unknown): void => {
      if (typeof name !== "string" || name === "") throw new TypeError("Setting names are non-empty strings");
      roaming[name] = value;
    },
    remove: (name: string): void => {
      delete roaming[name];
    },
    saveAsync: (...rest: unknown[]) =>
      runAsync(schedule, rest, () => {
        const json = JSON.stringify(roaming);
        if (json.length > LIMITS.roamingSettingsChars)
          fail("DataExceedsMaximumSize", "Roaming settings exceed 32 KB.");
        host?.saveRoamingSettings(json);
      }),
  };

  // ---- mailbox and context -----------------------------------------------------------------

  const mailbox = {
    get item(): Record<string, unknown> | null {
      return live ? live.object : null;
    },
    userProfile: {
      displayName: context.user.displayName,
      emailAddress: context.user.emailAddress,
      timeZone: context.user.timeZone,
      accountType: "enterprise",
      userProfileType: "user",
    },
    diagnostics: { hostName: "OutlookWebApp", hostVersion: "playground", OWAView: "ThreeColumns" },
    restUrl: context.restUrl,
    ewsUrl: "",
    convertToRestId: (itemId: string, _version: string): string => itemId,
    convertToEwsId: (itemId: string, _version: string): string => itemId,
    addHandlerAsync: (eventType: unknown, handler: unknown, ...rest: unknown[]) =>
      runAsync(schedule, rest, () => {
        if (eventType !== EventType.ItemChanged)
          fail("NotSupported", `Event ${String(eventType)} is not emulated`);
        if (typeof handler !== "function") fail("InvalidParameter", "handler must be a function");
        itemChangedHandlers.push(handler as Handler);
      }),
    removeHandlerAsync: (eventType: unknown, ...rest: unknown[]) =>
      runAsync(schedule, rest, () => {
        if (eventType !== EventType.ItemChanged)
          fail("NotSupported", `Event ${String(eventType)} is not emulated`);
        itemChangedHandlers.length = 0;
      }),
  };

  const requirements = {
    isSetSupported: (name: string, minVersion?: string | number): boolean => {
      const supported = SUPPORTED_SETS[String(name).toLowerCase()];
      if (supported === undefined) return false;
      if (minVersion === undefined || minVersion === "") return true;
      return compareVersions(String(minVersion), supported) <= 0;
    },
  };

  const officeContext = {
    displayLanguage: context.displayLanguage,
    contentLanguage: context.displayLanguage,
    officeTheme: { ...THEMES[context.theme] },
    host: HOST_INFO.host,
    platform: HOST_INFO.platform,
    diagnostics: { host: HOST_INFO.host, platform: HOST_INFO.platform, version: "playground" },
    requirements,
    roamingSettings,
    mailbox,
  };

  // ---- Office namespace --------------------------------------------------------------------

  const info = { host: HOST_INFO.host, platform: HOST_INFO.platform };
  const onReady = (callback?: (value: typeof info) => void): Promise<typeof info> =>
    new Promise((resolve) => {
      const settle = (): void => {
        if (callback) {
          try {
            callback({ ...info });
          } catch (error) {
            schedule(() => {
              throw error;
            });
          }
        }
        resolve({ ...info });
      };
      if (ready) schedule(settle);
      else readyWaiters.push(settle);
    });

  Object.assign(office, {
    AsyncResultStatus,
    CoercionType,
    EventType,
    MailboxEnums,
    HostType: { Outlook: "Outlook" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: officeContext,
    onReady,
    initialize: undefined,
    actions: {
      associate: (name: string, handler: ActionHandler): void => {
        if (typeof name !== "string" || typeof handler !== "function")
          throw new TypeError("Office.actions.associate(name, function)");
        actions.set(name, handler);
      },
    },
  });

  // Readiness: after the scripts that follow office.js have run (a task later), like Office.js.
  schedule(() => {
    ready = true;
    const initialize = office.initialize;
    if (typeof initialize === "function") {
      try {
        (initialize as (reason: string) => void)("inserted");
      } catch (error) {
        schedule(() => {
          throw error;
        });
      }
    }
    for (const waiter of readyWaiters.splice(0)) waiter();
  });

  const handle: OfficeEmulatorHandle = {
    associatedActions: () => [...actions.keys()],
    invokeAction: (name, onCompleted, onError) => {
      const handler = actions.get(name);
      if (!handler) return false;
      let done = false;
      const event = {
        completed: (options?: CompletedOptions): void => {
          if (done) return;
          done = true;
          const copy = options === undefined ? undefined : cloneData(options);
          schedule(() => onCompleted(copy));
        },
      };
      schedule(() => {
        try {
          handler(event);
        } catch (error) {
          onError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        }
      });
      return true;
    },
  };

  return { office, handle, dispose: unsubscribe };
}
