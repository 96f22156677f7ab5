// Graph v1.0 routes over the emulator state. A route gets a parsed request and returns a
// response object; HTTP, faults and $batch live in emulator.ts.
import { createHash } from "node:crypto";
import {
  bodyPropertyUnknown,
  GraphError,
  itemNotFound,
  methodNotAllowed,
  notFoundSegment,
  userNotFound,
} from "./errors";
import type { LastVerb, EmailAddress, FolderKey, StoredMessage, StoredUser } from "./model";
import {
  folderIdOf,
  folderKeys,
  folderNames,
  graphLocalTime,
  graphTime,
  messageProperties,
  renderMessage,
  renderUser,
  userProperties,
} from "./model";
import { htmlDocument, responseDraft, submit } from "./mail";
import type { Expr, Json, OrderBy } from "./odata";
import {
  checkFilterOrderBy,
  evaluate,
  parseExpand,
  parseFilter,
  filterPaths,
  parseOrderBy,
  parseSelect,
  sortBy,
} from "./odata";
import {
  autoRepliesActive,
  parseDateTimeTimeZone,
  patchSettings,
  renderAutomaticReplies,
  renderSettings,
  settingsProperties,
} from "./settings";
import type { EmulatorState } from "./state";

export interface Identity {
  user: StoredUser;
  /** Granted delegated scopes; null means everything (the default token, like an app permission). */
  scopes: readonly string[] | null;
}

export interface RouteRequest {
  method: string;
  /** Path below the version root, e.g. "/me/messages". */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  identity: Identity;
  /** e.g. "http://localhost:3000/graph/v1.0", for @odata.context and nextLink. */
  root: string;
}

export interface RouteResponse {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

interface PageState {
  resource: string;
  ids: string[];
  offset: number;
  pageSize: number;
  render: (id: string) => Json | undefined;
  context: string;
  count?: number;
}

interface DeltaState {
  resource: string;
  ownerId: string;
  folder: FolderKey;
  select?: string[];
  filter?: Expr;
  /** Message id → version at the start of this round (what the client will have after it). */
  baseline: Map<string, number>;
  /** Items still to send in this round, or undefined when the token is a deltaLink. */
  pending?: { id: string; removed: boolean }[];
  pageSize: number;
}

const ok = (body: Json, headers?: Record<string, string>): RouteResponse => ({
  status: 200,
  body,
  ...(headers ? { headers } : {}),
});
const accepted = (): RouteResponse => ({ status: 202 });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const mailDenied = (): GraphError =>
  new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
const directoryDenied = (): GraphError =>
  new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

export class GraphRoutes {
  private readonly pages = new Map<string, PageState>();
  private readonly deltas = new Map<string, DeltaState>();
  private tokenCounter = 0;

  constructor(
    private readonly state: EmulatorState,
    private readonly seed: number,
    private readonly now: () => Date,
  ) {}

  private newToken(): string {
    this.tokenCounter++;
    return createHash("sha256").update(`${this.seed}:${this.tokenCounter}`).digest("base64url").slice(0, 40);
  }

  dispatch(req: RouteRequest): RouteResponse {
    const segments = splitPath(req.path);
    const [first, ...rest] = segments;
    if (first === undefined) throw notFoundSegment("");
    const lower = first.toLowerCase();
    if (lower === "me") return this.userRoutes(req, req.identity.user, rest, true);
    if (lower === "users") {
      if (rest.length === 0) {
        if (req.method !== "GET") throw methodNotAllowed();
        return this.listUsers(req);
      }
      const [key, ...more] = rest;
      const user = this.state.findUser(key as string);
      if (!user) throw userNotFound(key as string);
      return this.userRoutes(req, user, more, user.id === req.identity.user.id);
    }
    throw notFoundSegment(first);
  }

  // ---- scopes ----

  private requireScope(req: RouteRequest, anyOf: readonly string[], denied: () => GraphError): void {
    const scopes = req.identity.scopes;
    if (scopes === null) return;
    const granted = new Set(scopes.map((s) => s.toLowerCase()));
    if (!anyOf.some((s) => granted.has(s.toLowerCase()))) throw denied();
  }

  private mailScope(req: RouteRequest, self: boolean, level: "read" | "write" | "send"): void {
    const base =
      level === "read"
        ? ["Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"]
        : level === "write"
          ? ["Mail.ReadWrite"]
          : ["Mail.Send"];
    this.requireScope(req, self ? base : base.map((s) => `${s}.Shared`), mailDenied);
  }

  // ---- users ----

  private userRoutes(req: RouteRequest, user: StoredUser, rest: string[], self: boolean): RouteResponse {
    const [head, ...tail] = rest;
    const m = req.method;
    if (head === undefined) {
      if (m !== "GET") throw methodNotAllowed();
      this.requireScope(
        req,
        self
          ? ["User.Read", "User.ReadBasic.All", "User.Read.All", "Directory.Read.All"]
          : ["User.ReadBasic.All", "User.Read.All", "Directory.Read.All"],
        directoryDenied,
      );
      const select = parseSelect(req.query.get("$select"), userProperties, "microsoft.graph.user");
      const context = `${req.root}/$metadata#users${select ? `(${select.join(",")})` : ""}/$entity`;
      return ok({ "@odata.context": context, ...renderUser(user, select) });
    }
    switch (head.toLowerCase()) {
      case "manager": {
        if (m !== "GET") throw methodNotAllowed();
        this.requireScope(
          req,
          self
            ? ["User.Read", "User.ReadBasic.All", "User.Read.All"]
            : ["User.ReadBasic.All", "User.Read.All"],
          directoryDenied,
        );
        const manager = user.managerId ? this.state.usersById.get(user.managerId) : undefined;
        if (!manager) throw userNotFound("manager");
        const select = parseSelect(req.query.get("$select"), userProperties, "microsoft.graph.user");
        return ok({
          "@odata.context": `${req.root}/$metadata#directoryObjects/$entity`,
          "@odata.type": "#microsoft.graph.user",
          ...renderUser(manager, select),
        });
      }
      case "directreports": {
        if (m !== "GET") throw methodNotAllowed();
        this.requireScope(
          req,
          self
            ? ["User.Read", "User.ReadBasic.All", "User.Read.All"]
            : ["User.ReadBasic.All", "User.Read.All"],
          directoryDenied,
        );
        const select = parseSelect(req.query.get("$select"), userProperties, "microsoft.graph.user");
        const reports = this.state.users.filter((u) => u.managerId === user.id);
        return ok({
          "@odata.context": `${req.root}/$metadata#directoryObjects`,
          value: reports.map((u) => ({ "@odata.type": "#microsoft.graph.user", ...renderUser(u, select) })),
        });
      }
      case "mailboxsettings":
        return this.mailboxSettings(req, user, tail, self);
      case "presence":
        return this.presence(req, user, tail, self);
      case "sendmail":
        if (m !== "POST") throw methodNotAllowed();
        if (tail.length > 0) throw notFoundSegment(tail[0] as string);
        this.mailScope(req, self, "send");
        return this.sendMail(req, user);
      case "messages":
        return this.messages(req, user, undefined, tail, self, `users('${user.id}')/messages`);
      case "mailfolders":
        return this.mailFolders(req, user, tail, self);
      default:
        throw notFoundSegment(head);
    }
  }

  private listUsers(req: RouteRequest): RouteResponse {
    this.requireScope(req, ["User.ReadBasic.All", "User.Read.All", "Directory.Read.All"], directoryDenied);
    const token = req.query.get("$skiptoken");
    if (token !== null) return this.followPage(req, token);
    const search = req.query.get("$search");
    const eventual = (req.headers.consistencylevel ?? "").toLowerCase() === "eventual";
    if (search !== null && !eventual) {
      throw new GraphError(
        400,
        "Request_UnsupportedQuery",
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    const top = parseTop(
      req.query.get("$top"),
      999,
      (v) =>
        new GraphError(
          400,
          "Request_BadRequest",
          `Invalid page size specified: '${v}'. Must be between 1 and 999 inclusive.`,
        ),
    );
    const select = parseSelect(req.query.get("$select"), userProperties, "microsoft.graph.user");
    let items = this.state.users.map((u) => renderUser(u, userProperties));
    const filterText = req.query.get("$filter");
    if (filterText !== null) {
      const filter = parseFilter(filterText);
      for (const path of new Set(filterPathsOf(filter))) {
        if (!userProperties.some((p) => p.toLowerCase() === path.split("/")[0]?.toLowerCase())) {
          throw new GraphError(
            400,
            "Request_BadRequest",
            `Property '${path}' does not exist as a declared property or extension property.`,
          );
        }
      }
      items = items.filter((u) => evaluate(filter, u));
    }
    if (search !== null) items = items.filter(searchUsers(search));
    const orderText = req.query.get("$orderby");
    if (orderText !== null) items = sortBy(items, parseOrderBy(orderText));
    const context = `${req.root}/$metadata#users${select ? `(${select.join(",")})` : ""}`;
    const byId = new Map(this.state.users.map((u) => [u.id, u]));
    const count = req.query.get("$count")?.toLowerCase() === "true" ? items.length : undefined;
    return this.startPage(
      req,
      "/users",
      items.map((u) => u.id as string),
      top ?? 100,
      context,
      (id) => {
        const user = byId.get(id);
        return user ? renderUser(user, select) : undefined;
      },
      count,
    );
  }

  // ---- paging ----

  private startPage(
    req: RouteRequest,
    resource: string,
    ids: string[],
    pageSize: number,
    context: string,
    render: (id: string) => Json | undefined,
    count?: number,
    offset = 0,
  ): RouteResponse {
    const page: PageState = {
      resource: resource.toLowerCase(),
      ids,
      offset,
      pageSize,
      render,
      context,
      ...(count === undefined ? {} : { count }),
    };
    return this.renderPage(req, page);
  }

  private renderPage(req: RouteRequest, page: PageState): RouteResponse {
    const slice = page.ids.slice(page.offset, page.offset + page.pageSize);
    const value = slice.map((id) => page.render(id)).filter((v): v is Json => v !== undefined);
    const body: { [key: string]: Json } = { "@odata.context": page.context };
    if (page.count !== undefined) body["@odata.count"] = page.count;
    const nextOffset = page.offset + page.pageSize;
    if (nextOffset < page.ids.length) {
      const token = this.newToken();
      this.pages.set(token, { ...page, offset: nextOffset });
      body["@odata.nextLink"] =
        `${req.root}${page.resource === "/users" ? "/users" : originalPath(req.path)}?$skiptoken=${token}`;
    }
    body.value = value;
    return ok(body);
  }

  private followPage(req: RouteRequest, token: string): RouteResponse {
    const page = this.pages.get(token);
    if (!page || page.resource !== normalisePath(req.path)) {
      throw new GraphError(
        400,
        "BadRequest",
        "The $skiptoken is invalid or has expired. Follow @odata.nextLink exactly as returned.",
      );
    }
    return this.renderPage(req, page);
  }

  // ---- mailbox settings ----

  private mailboxSettings(req: RouteRequest, user: StoredUser, tail: string[], self: boolean): RouteResponse {
    const mailbox = this.state.mailbox(user.id);
    const read = ["MailboxSettings.Read", "MailboxSettings.ReadWrite"];
    // Delegated tokens reach only the signed-in user's settings, as in Graph.
    const denied = (): void => {
      if (!self && req.identity.scopes !== null) throw mailDenied();
    };
    const contextBase =
      self && req.path.toLowerCase().startsWith("/me")
        ? `${req.root}/$metadata#Me/mailboxSettings`
        : `${req.root}/$metadata#users('${user.id}')/mailboxSettings`;
    if (tail.length === 0) {
      if (req.method === "GET") {
        denied();
        this.requireScope(req, read, mailDenied);
        return ok({ "@odata.context": contextBase, ...renderSettings(mailbox.settings) });
      }
      if (req.method === "PATCH") {
        denied();
        this.requireScope(req, ["MailboxSettings.ReadWrite"], mailDenied);
        const { next, changed } = patchSettings(mailbox.settings, req.body);
        const wasActive = autoRepliesActive(mailbox.settings.automaticReplies, this.now());
        mailbox.settings = next;
        if (!wasActive) mailbox.autoRepliedTo.clear();
        const rendered = renderSettings(next);
        const body: { [key: string]: Json } = { "@odata.context": contextBase };
        for (const key of changed) body[key] = rendered[key] ?? null;
        return ok(body);
      }
      throw methodNotAllowed();
    }
    const [property, ...more] = tail;
    if (more.length > 0) throw notFoundSegment(more[0] as string);
    const name = settingsProperties.find((p) => p.toLowerCase() === (property as string).toLowerCase());
    if (!name) throw notFoundSegment(property as string);
    if (req.method !== "GET") throw methodNotAllowed();
    denied();
    this.requireScope(req, read, mailDenied);
    const value =
      name === "automaticRepliesSetting"
        ? renderAutomaticReplies(mailbox.settings.automaticReplies)
        : renderSettings(mailbox.settings)[name];
    const context = `${contextBase}/${name}`;
    return ok(
      isObject(value)
        ? { "@odata.context": context, ...(value as { [key: string]: Json }) }
        : { "@odata.context": context, value: value ?? null },
    );
  }

  // ---- presence ----

  private presence(req: RouteRequest, user: StoredUser, tail: string[], self: boolean): RouteResponse {
    const mailbox = this.state.mailbox(user.id);
    if (tail.length === 0) {
      if (req.method !== "GET") throw methodNotAllowed();
      this.requireScope(
        req,
        self
          ? ["Presence.Read", "Presence.Read.All", "Presence.ReadWrite"]
          : ["Presence.Read.All", "Presence.ReadWrite.All"],
        directoryDenied,
      );
      const now = this.now();
      const p = mailbox.presence;
      const status = p.statusMessage;
      if (status?.expiryDateTime && parseDateTimeTimeZone(status.expiryDateTime, "expiryDateTime") <= now)
        p.statusMessage = null;
      const ar = mailbox.settings.automaticReplies;
      const away = autoRepliesActive(ar, now);
      return ok({
        "@odata.context": `${req.root}/$metadata#users('${user.id}')/presence/$entity`,
        id: user.id,
        availability: p.availability,
        activity: p.activity,
        statusMessage: p.statusMessage ? (JSON.parse(JSON.stringify(p.statusMessage)) as Json) : null,
        outOfOfficeSettings: { message: away ? ar.internalReplyMessage || null : null, isOutOfOffice: away },
      });
    }
    const [action, ...more] = tail;
    if (more.length > 0 || action?.toLowerCase() !== "setstatusmessage") throw notFoundSegment(action ?? "");
    if (req.method !== "POST") throw methodNotAllowed();
    this.requireScope(req, ["Presence.ReadWrite", "Presence.ReadWrite.All"], directoryDenied);
    const body = req.body;
    if (!isObject(body) || !isObject(body.statusMessage)) {
      throw new GraphError(400, "BadRequest", "The request body must contain a statusMessage.");
    }
    const { message, expiryDateTime } = body.statusMessage;
    if (!isObject(message) || typeof message.content !== "string") {
      throw new GraphError(400, "BadRequest", "statusMessage.message.content is required.");
    }
    let expiry: { dateTime: string; timeZone: string } | undefined;
    if (expiryDateTime !== undefined && expiryDateTime !== null) {
      parseDateTimeTimeZone(expiryDateTime, "expiryDateTime");
      const e = expiryDateTime as { dateTime: string; timeZone: string };
      expiry = { dateTime: e.dateTime, timeZone: e.timeZone };
    }
    mailbox.presence.statusMessage =
      message.content === ""
        ? null
        : {
            message: {
              content: message.content,
              contentType: typeof message.contentType === "string" ? message.contentType : "text",
            },
            ...(expiry ? { expiryDateTime: expiry } : {}),
            publishedDateTime: `${this.now().toISOString().slice(0, 19)}.0000000Z`,
          };
    return { status: 200 };
  }

  // ---- mail folders ----

  private resolveFolder(user: StoredUser, key: string): FolderKey {
    const lower = key.toLowerCase();
    const wellKnown = folderKeys.find((f) => f === lower);
    if (wellKnown) return wellKnown;
    const byId = folderKeys.find((f) => folderIdOf(user.id, f) === key);
    if (byId) return byId;
    throw itemNotFound();
  }

  private renderFolder(user: StoredUser, folder: FolderKey): { [key: string]: Json } {
    const messages = this.state.messagesOf(user.id, folder);
    return {
      id: folderIdOf(user.id, folder),
      displayName: folderNames[folder],
      parentFolderId: folderIdOf(user.id, "msgfolderroot"),
      childFolderCount: 0,
      unreadItemCount: messages.filter((m) => !m.isRead).length,
      totalItemCount: messages.length,
      sizeInBytes: messages.reduce((n, m) => n + m.body.content.length + 400, 0),
      isHidden: false,
    };
  }

  private mailFolders(req: RouteRequest, user: StoredUser, tail: string[], self: boolean): RouteResponse {
    this.mailScope(req, self, req.method === "GET" ? "read" : "write");
    const [key, sub, ...more] = tail;
    if (key === undefined) {
      if (req.method !== "GET") throw methodNotAllowed();
      return ok({
        "@odata.context": `${req.root}/$metadata#users('${user.id}')/mailFolders`,
        value: folderKeys.map((f) => this.renderFolder(user, f)),
      });
    }
    const folder = this.resolveFolder(user, key);
    if (sub === undefined) {
      if (req.method !== "GET") throw methodNotAllowed();
      return ok({
        "@odata.context": `${req.root}/$metadata#users('${user.id}')/mailFolders/$entity`,
        ...this.renderFolder(user, folder),
      });
    }
    if (sub.toLowerCase() !== "messages") throw notFoundSegment(sub);
    if (more[0]?.toLowerCase() === "delta" && more.length === 1) {
      if (req.method !== "GET") throw methodNotAllowed();
      return this.delta(req, user, folder);
    }
    return this.messages(req, user, folder, more, self, `users('${user.id}')/mailFolders('${key}')/messages`);
  }

  // ---- messages ----

  private ownedMessage(user: StoredUser, id: string): StoredMessage {
    const message = this.state.messages.get(id);
    if (!message || message.ownerId !== user.id) throw itemNotFound();
    return message;
  }

  private renderOptions(req: RouteRequest) {
    const select = parseSelect(req.query.get("$select"), messageProperties, "microsoft.graph.message");
    const expand = parseExpand(req.query.get("$expand"));
    let expandExtended = false;
    let extendedFilter: ((p: { id: string; value: string }) => boolean) | undefined;
    for (const item of expand) {
      if (item.name.toLowerCase() !== "singlevalueextendedproperties") {
        throw new GraphError(
          400,
          "BadRequest",
          `Could not find a property named '${item.name}' on type 'microsoft.graph.message'.`,
        );
      }
      expandExtended = true;
      if (item.filter !== undefined) {
        const filter = parseFilter(item.filter);
        extendedFilter = (p) => evaluate(filter, { id: p.id, value: p.value });
      }
    }
    const bodyAsText = /outlook\.body-content-type\s*=\s*"?text"?/i.test(req.headers.prefer ?? "");
    return {
      ...(select ? { select } : {}),
      expandExtended,
      ...(extendedFilter ? { extendedFilter } : {}),
      bodyAsText,
    };
  }

  private messages(
    req: RouteRequest,
    user: StoredUser,
    folder: FolderKey | undefined,
    tail: string[],
    self: boolean,
    contextPath: string,
  ): RouteResponse {
    const [id, action, ...more] = tail;
    if (more.length > 0) throw notFoundSegment(more[0] as string);
    if (id === undefined) {
      if (req.method === "GET") {
        this.mailScope(req, self, "read");
        return this.listMessages(req, user, folder, contextPath);
      }
      if (req.method === "POST") {
        this.mailScope(req, self, "write");
        const draft = this.createDraft(req, user, folder ?? "drafts");
        return {
          status: 201,
          body: {
            "@odata.context": `${req.root}/$metadata#users('${user.id}')/messages/$entity`,
            ...renderMessage(draft),
          },
        };
      }
      throw methodNotAllowed();
    }
    if (id.toLowerCase() === "delta") {
      throw new GraphError(
        400,
        "BadRequest",
        "Change tracking is only supported on a mail folder: use /mailFolders/{id}/messages/delta.",
      );
    }
    const message = this.ownedMessage(user, id);
    if (folder && message.folder !== folder) throw itemNotFound();
    const entityContext = `${req.root}/$metadata#users('${user.id}')/messages/$entity`;
    if (action === undefined) {
      switch (req.method) {
        case "GET":
          this.mailScope(req, self, "read");
          return ok({ "@odata.context": entityContext, ...renderMessage(message, this.renderOptions(req)) });
        case "PATCH":
          this.mailScope(req, self, "write");
          this.patchMessage(message, req.body);
          return ok({ "@odata.context": entityContext, ...renderMessage(message) });
        case "DELETE":
          this.mailScope(req, self, "write");
          if (message.folder === "deleteditems") this.state.messages.delete(message.id);
          else {
            message.folder = "deleteditems";
            this.state.touch(message, this.now());
          }
          return { status: 204 };
        default:
          throw methodNotAllowed();
      }
    }
    if (req.method !== "POST") throw methodNotAllowed();
    const body = isObject(req.body) ? req.body : {};
    const verbs: Record<string, LastVerb> = {
      reply: 102,
      replyall: 103,
      forward: 104,
      createreply: 102,
      createreplyall: 103,
      createforward: 104,
    };
    const name = action.toLowerCase();
    if (name === "send") {
      this.mailScope(req, self, "send");
      if (!message.isDraft)
        throw new GraphError(400, "ErrorInvalidOperation", "Only draft messages can be sent.");
      requireRecipients(message);
      submit(this.state, user, message, { saveToSentItems: true, at: this.now() });
      return accepted();
    }
    const verb = verbs[name];
    if (verb === undefined) throw notFoundSegment(action);
    const creating = name.startsWith("create");
    this.mailScope(req, self, creating ? "write" : "send");
    const allowed = ["comment", "message", ...(verb === 104 ? ["toRecipients"] : [])];
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) {
        throw new GraphError(
          400,
          "RequestBodyRead",
          `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`,
        );
      }
    }
    const messageInput = body.message === undefined ? undefined : parseMessageInput(body.message);
    const toRecipients =
      body.toRecipients === undefined ? undefined : parseRecipients(body.toRecipients, "toRecipients");
    const draft = responseDraft(
      this.state,
      user,
      message,
      {
        verb,
        ...(typeof body.comment === "string" ? { comment: body.comment } : {}),
        ...(toRecipients ? { toRecipients } : {}),
        ...(messageInput ? { message: messageInput } : {}),
      },
      this.now(),
    );
    if (creating) {
      return { status: 201, body: { "@odata.context": entityContext, ...renderMessage(draft) } };
    }
    try {
      requireRecipients(draft);
    } catch (error) {
      this.state.messages.delete(draft.id);
      throw error;
    }
    submit(this.state, user, draft, { saveToSentItems: true, at: this.now() });
    return accepted();
  }

  private listMessages(
    req: RouteRequest,
    user: StoredUser,
    folder: FolderKey | undefined,
    contextPath: string,
  ): RouteResponse {
    const token = req.query.get("$skiptoken");
    if (token !== null) return this.followPage(req, token);
    const top = parseTop(
      req.query.get("$top"),
      1000,
      (v) =>
        new GraphError(
          400,
          "ErrorInvalidArgument",
          `The value '${v}' of parameter '$top' is invalid: it must be between 1 and 1000.`,
        ),
    );
    const skipText = req.query.get("$skip");
    const skip = skipText === null ? 0 : Number(skipText);
    if (!Number.isInteger(skip) || skip < 0)
      throw new GraphError(400, "BadRequest", `Invalid value '${skipText}' for $skip.`);
    const options = this.renderOptions(req);
    const filterText = req.query.get("$filter");
    const orderText = req.query.get("$orderby");
    const search = req.query.get("$search");
    if (search !== null && (filterText !== null || orderText !== null)) {
      throw new GraphError(
        400,
        "ErrorInvalidUrlQuery",
        "The query parameter '$search' cannot be combined with '$filter' or '$orderby'.",
      );
    }
    const filter = filterText === null ? undefined : parseFilter(filterText);
    if (filter) {
      for (const path of filterPathsOf(filter)) {
        const head = path.split("/")[0] ?? "";
        if (
          head.toLowerCase() !== "singlevalueextendedproperties" &&
          !messageProperties.some((p) => p.toLowerCase() === head.toLowerCase())
        ) {
          throw new GraphError(
            400,
            "BadRequest",
            `Could not find a property named '${head}' on type 'microsoft.graph.message'.`,
          );
        }
      }
    }
    const order: OrderBy[] = orderText === null ? [] : parseOrderBy(orderText);
    if (filter && order.length > 0) checkFilterOrderBy(filter, order);
    const source = this.state.messagesOf(user.id, folder);
    let rendered = source.map((m) => renderMessage(m, { select: messageProperties }));
    if (filter) rendered = rendered.filter((m) => evaluate(filter, m));
    if (search !== null) {
      const term = search.replace(/^"|"$/g, "").toLowerCase();
      rendered = rendered.filter((m) =>
        JSON.stringify([m.subject, m.bodyPreview, m.from]).toLowerCase().includes(term),
      );
    }
    // Stable default: newest first, then by id so equal timestamps never reorder between pages.
    rendered.sort((a, b) => String(a.id).localeCompare(String(b.id)));
    rendered = sortBy(
      rendered,
      order.length > 0 ? order : [{ path: ["receivedDateTime"], descending: true }],
    );
    const selectList = options.select;
    const context = `${req.root}/$metadata#${contextPath}${selectList ? `(${selectList.join(",")})` : ""}`;
    const preferred = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(req.headers.prefer ?? "");
    const pageSize = top ?? (preferred ? Math.min(Number(preferred[1]), 1000) : 10);
    const count = req.query.get("$count")?.toLowerCase() === "true" ? rendered.length : undefined;
    return this.startPage(
      req,
      normalisePath(req.path),
      rendered.map((m) => m.id as string),
      pageSize,
      context,
      (id) => {
        const message = this.state.messages.get(id);
        return message && message.ownerId === user.id ? renderMessage(message, options) : undefined;
      },
      count,
      skip,
    );
  }

  private patchMessage(message: StoredMessage, body: unknown): void {
    if (!isObject(body))
      throw new GraphError(400, "RequestBodyRead", "The request body must be a JSON object.");
    const always = ["isRead", "flag", "categories", "importance", "inferenceClassification"];
    const draftOnly = ["subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo"];
    for (const key of Object.keys(body)) {
      if (key.startsWith("@odata.")) continue;
      if (always.includes(key)) continue;
      if (draftOnly.includes(key)) {
        if (!message.isDraft) {
          throw new GraphError(
            400,
            "ErrorInvalidPropertyUpdateSentMessage",
            "Update operation is not supported for some properties on sent or received items.",
          );
        }
        continue;
      }
      if ((messageProperties as readonly string[]).includes(key)) {
        throw new GraphError(
          400,
          "ErrorInvalidPropertySet",
          `The property '${key}' is read-only and cannot be set.`,
        );
      }
      throw bodyPropertyUnknown(key, "microsoft.graph.message");
    }
    const next = { ...message };
    if (body.isRead !== undefined) {
      if (typeof body.isRead !== "boolean")
        throw new GraphError(
          400,
          "RequestBodyRead",
          `Cannot convert the literal '${String(body.isRead)}' to the expected type 'Edm.Boolean'.`,
        );
      next.isRead = body.isRead;
    }
    if (body.flag !== undefined) next.flag = parseFlag(body.flag);
    if (body.categories !== undefined) {
      if (!Array.isArray(body.categories) || !body.categories.every((c) => typeof c === "string")) {
        throw new GraphError(400, "RequestBodyRead", "categories must be an array of strings.");
      }
      next.categories = [...(body.categories as string[])];
    }
    if (body.importance !== undefined)
      next.importance = enumOf(
        body.importance,
        ["low", "normal", "high"] as const,
        "microsoft.graph.importance",
      );
    if (body.inferenceClassification !== undefined) {
      next.inferenceClassification = enumOf(
        body.inferenceClassification,
        ["focused", "other"] as const,
        "microsoft.graph.inferenceClassificationType",
      );
    }
    const input = parseMessageInput(
      Object.fromEntries(Object.entries(body).filter(([k]) => draftOnly.includes(k))),
    );
    Object.assign(next, input);
    Object.assign(message, next);
    this.state.touch(message, this.now());
  }

  private createDraft(req: RouteRequest, user: StoredUser, folder: FolderKey): StoredMessage {
    const input = parseMessageInput(req.body ?? {});
    return this.state.create(
      {
        ownerId: user.id,
        folder,
        subject: input.subject ?? "",
        ...input,
        from: state_address(user),
        sender: state_address(user),
        isDraft: true,
        isRead: true,
      },
      this.now(),
    );
  }

  private sendMail(req: RouteRequest, user: StoredUser): RouteResponse {
    let input: MessageInput;
    let save = true;
    const contentType = (req.headers["content-type"] ?? "").toLowerCase();
    if (contentType.startsWith("text/plain")) {
      input = parseMime(req.rawBody);
    } else {
      const body = req.body;
      if (!isObject(body))
        throw new GraphError(400, "RequestBodyRead", "The request body must be a JSON object.");
      for (const key of Object.keys(body)) {
        if (key !== "message" && key !== "saveToSentItems") {
          throw new GraphError(
            400,
            "RequestBodyRead",
            `The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendMail'.`,
          );
        }
      }
      if (!isObject(body.message))
        throw new GraphError(400, "ErrorInvalidParameter", "The value of the parameter 'Message' is empty.");
      input = parseMessageInput(body.message);
      // The docs' own example sends "false" as a string; Graph's deserializer accepts it.
      const flag = body.saveToSentItems;
      if (flag !== undefined) {
        if (flag === false || flag === "false") save = false;
        else if (flag !== true && flag !== "true") {
          throw new GraphError(
            400,
            "RequestBodyRead",
            `Cannot convert the literal '${String(flag)}' to the expected type 'Edm.Boolean'.`,
          );
        }
      }
    }
    const draft = this.state.create(
      { ownerId: user.id, folder: "drafts", subject: input.subject ?? "", ...input, isDraft: true },
      this.now(),
    );
    try {
      requireRecipients(draft);
    } catch (error) {
      this.state.messages.delete(draft.id);
      throw error;
    }
    submit(this.state, user, draft, { saveToSentItems: save, at: this.now() });
    return accepted();
  }

  // ---- delta ----

  private delta(req: RouteRequest, user: StoredUser, folder: FolderKey): RouteResponse {
    this.mailScope(req, user.id === req.identity.user.id, "read");
    const resource = normalisePath(req.path);
    const skipToken = req.query.get("$skiptoken");
    const deltaToken = req.query.get("$deltatoken");
    const preferred = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(req.headers.prefer ?? "");
    let round: DeltaState;
    if (skipToken !== null || deltaToken !== null) {
      const stored = this.deltas.get((skipToken ?? deltaToken) as string);
      if (
        !stored ||
        stored.resource !== resource ||
        (skipToken !== null) !== (stored.pending !== undefined)
      ) {
        throw new GraphError(
          400,
          "BadRequest",
          "The delta or skip token is invalid or has expired. Follow the link exactly as returned.",
        );
      }
      round = stored.pending ? stored : this.newRound(stored, user, folder);
      if (preferred) round.pageSize = Number(preferred[1]);
    } else {
      const select = parseSelect(req.query.get("$select"), messageProperties, "microsoft.graph.message");
      const filterText = req.query.get("$filter");
      round = this.newRound(
        {
          resource,
          ownerId: user.id,
          folder,
          ...(select ? { select } : {}),
          ...(filterText ? { filter: parseFilter(filterText) } : {}),
          baseline: new Map(),
          pageSize: preferred ? Number(preferred[1]) : 10,
        },
        user,
        folder,
      );
    }
    const pending = round.pending ?? [];
    const page = pending.slice(0, round.pageSize);
    const remaining = pending.slice(round.pageSize);
    const value = page.map(({ id, removed }): Json => {
      const message = this.state.messages.get(id);
      if (removed || !message)
        return { "@odata.type": "#microsoft.graph.message", id, "@removed": { reason: "deleted" } };
      return {
        "@odata.type": "#microsoft.graph.message",
        ...renderMessage(message, round.select ? { select: round.select } : {}),
      };
    });
    const token = this.newToken();
    const body: { [key: string]: Json } = { "@odata.context": `${req.root}/$metadata#Collection(message)` };
    const link = `${req.root}${originalPath(req.path)}`;
    if (remaining.length > 0) {
      this.deltas.set(token, { ...round, pending: remaining });
      body["@odata.nextLink"] = `${link}?$skiptoken=${token}`;
    } else {
      const { pending: _done, ...base } = round;
      this.deltas.set(token, base);
      body["@odata.deltaLink"] = `${link}?$deltatoken=${token}`;
    }
    body.value = value;
    return ok(body, preferred ? { "Preference-Applied": `odata.maxpagesize=${round.pageSize}` } : undefined);
  }

  /** Starts a round: what changed since `previous.baseline`; the new baseline is the folder now. */
  private newRound(previous: DeltaState, user: StoredUser, folder: FolderKey): DeltaState {
    const current = this.state
      .messagesOf(user.id, folder)
      .filter(
        (m) => !previous.filter || evaluate(previous.filter, renderMessage(m, { select: messageProperties })),
      )
      .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime) || a.id.localeCompare(b.id));
    const pending: { id: string; removed: boolean }[] = [];
    const baseline = new Map<string, number>();
    for (const m of current) {
      baseline.set(m.id, m.version);
      if (previous.baseline.get(m.id) !== m.version) pending.push({ id: m.id, removed: false });
    }
    for (const id of previous.baseline.keys()) if (!baseline.has(id)) pending.push({ id, removed: true });
    return { ...previous, baseline, pending };
  }
}

// ---- helpers ----

function state_address(user: StoredUser): EmailAddress {
  return { emailAddress: { name: user.displayName, address: user.mail } };
}

/** Splits a path into segments, turning OData key syntax `mailFolders('x')` into two segments. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split("/")) {
    if (raw === "") continue;
    const segment = safeDecode(raw);
    const key = /^([^(]+)\('([^']*)'\)$/.exec(segment);
    if (key) out.push(key[1] as string, key[2] as string);
    else out.push(segment);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const normalisePath = (path: string): string => `/${splitPath(path).join("/")}`.toLowerCase();
const originalPath = (path: string): string => `/${splitPath(path).map(encodeURIComponent).join("/")}`;

function parseTop(
  text: string | null,
  max: number,
  error: (value: string) => GraphError,
): number | undefined {
  if (text === null) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw error(text);
  return Number(text);
}

const filterPathsOf = (expr: Expr): string[] => filterPaths(expr);

/** $search="displayName:ann" OR "mail:ann": word-prefix match, as directory search tokenises. */
function searchUsers(search: string): (user: { [key: string]: Json }) => boolean {
  const clauses = [...search.matchAll(/"([^":]+):([^"]*)"/g)].map((m) => ({
    property: (m[1] as string).trim(),
    term: (m[2] as string).trim().toLowerCase(),
  }));
  if (clauses.length === 0) {
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      'Unsupported or invalid query filter clause specified for property: $search. Use "property:value".',
    );
  }
  const useAnd = /"\s+AND\s+"/i.test(search);
  return (user) => {
    const results = clauses.map(({ property, term }) => {
      const key = Object.keys(user).find((k) => k.toLowerCase() === property.toLowerCase());
      const value = key === undefined ? undefined : user[key];
      if (typeof value !== "string") return false;
      const lower = value.toLowerCase();
      return lower.startsWith(term) || lower.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(term));
    });
    return useAnd ? results.every(Boolean) : results.some(Boolean);
  };
}

function enumOf<T extends string>(value: unknown, allowed: readonly T[], type: string): T {
  const match =
    typeof value === "string" ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (!match)
    throw new GraphError(
      400,
      "RequestBodyRead",
      `Cannot convert the literal '${String(value)}' to the expected type '${type}'.`,
    );
  return match;
}

function parseFlag(value: unknown): StoredMessage["flag"] {
  if (!isObject(value)) throw new GraphError(400, "RequestBodyRead", "flag must be a followupFlag object.");
  for (const key of Object.keys(value)) {
    if (!["flagStatus", "startDateTime", "dueDateTime", "completedDateTime"].includes(key))
      throw bodyPropertyUnknown(key, "microsoft.graph.followupFlag");
  }
  const flagStatus = enumOf(
    value.flagStatus ?? "flagged",
    ["notFlagged", "flagged", "complete"] as const,
    "microsoft.graph.followupFlagStatus",
  );
  const flag: StoredMessage["flag"] = { flagStatus };
  for (const key of ["startDateTime", "dueDateTime", "completedDateTime"] as const) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    const instant = parseDateTimeTimeZone(v, key);
    flag[key] = { dateTime: graphLocalTime(instant), timeZone: "UTC" };
  }
  if (flagStatus === "flagged" && flag.dueDateTime && !flag.startDateTime)
    flag.startDateTime = flag.dueDateTime;
  return flag;
}

function parseRecipients(value: unknown, field: string): EmailAddress[] {
  if (!Array.isArray(value))
    throw new GraphError(400, "RequestBodyRead", `${field} must be an array of recipients.`);
  return value.map((r: unknown) => {
    const email = isObject(r) && isObject(r.emailAddress) ? r.emailAddress : undefined;
    const address = email && typeof email.address === "string" ? email.address.trim() : "";
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      throw new GraphError(
        400,
        "ErrorInvalidRecipients",
        `At least one recipient isn't valid., Recipient '${address}' is not resolved. All recipients must be resolved before a message can be submitted.`,
      );
    }
    const name = email && typeof email.name === "string" ? email.name : address;
    return { emailAddress: { name, address } };
  });
}

type MessageInput = Partial<
  Pick<
    StoredMessage,
    | "subject"
    | "body"
    | "toRecipients"
    | "ccRecipients"
    | "bccRecipients"
    | "replyTo"
    | "importance"
    | "flag"
    | "categories"
    | "hasAttachments"
    | "isDeliveryReceiptRequested"
    | "isReadReceiptRequested"
  >
>;

const writableMessage = [
  "subject",
  "body",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "importance",
  "flag",
  "categories",
  "attachments",
  "internetMessageHeaders",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "from",
  "sender",
  "inferenceClassification",
  "singleValueExtendedProperties",
  "multiValueExtendedProperties",
];

function parseMessageInput(value: unknown): MessageInput {
  if (!isObject(value)) throw new GraphError(400, "RequestBodyRead", "message must be a JSON object.");
  for (const key of Object.keys(value)) {
    if (key.startsWith("@odata.")) continue;
    if (!writableMessage.includes(key)) throw bodyPropertyUnknown(key, "microsoft.graph.message");
  }
  const out: MessageInput = {};
  if (value.subject !== undefined) {
    if (typeof value.subject !== "string" && value.subject !== null)
      throw new GraphError(400, "RequestBodyRead", "subject must be a string.");
    out.subject = value.subject ?? "";
  }
  if (value.body !== undefined) {
    if (!isObject(value.body))
      throw new GraphError(400, "RequestBodyRead", "body must be an itemBody object.");
    const contentType = enumOf(
      value.body.contentType ?? "text",
      ["text", "html"] as const,
      "microsoft.graph.bodyType",
    );
    const content = typeof value.body.content === "string" ? value.body.content : "";
    out.body = {
      contentType,
      content: contentType === "html" && !/<html/i.test(content) ? htmlDocument(content) : content,
    };
  }
  for (const key of ["toRecipients", "ccRecipients", "bccRecipients", "replyTo"] as const) {
    if (value[key] !== undefined) out[key] = parseRecipients(value[key], key);
  }
  if (value.importance !== undefined)
    out.importance = enumOf(
      value.importance,
      ["low", "normal", "high"] as const,
      "microsoft.graph.importance",
    );
  if (value.flag !== undefined) out.flag = parseFlag(value.flag);
  if (value.categories !== undefined) {
    if (!Array.isArray(value.categories))
      throw new GraphError(400, "RequestBodyRead", "categories must be an array of strings.");
    out.categories = value.categories.map(String);
  }
  if (value.attachments !== undefined) {
    if (!Array.isArray(value.attachments))
      throw new GraphError(400, "RequestBodyRead", "attachments must be an array.");
    out.hasAttachments = value.attachments.length > 0;
  }
  if (value.internetMessageHeaders !== undefined) {
    const headers = value.internetMessageHeaders;
    if (
      !Array.isArray(headers) ||
      !headers.every((h) => isObject(h) && typeof h.name === "string" && /^x-/i.test(h.name))
    ) {
      throw new GraphError(
        400,
        "InvalidInternetMessageHeader",
        "The internet message header name should start with 'x-' or 'X-'.",
      );
    }
  }
  for (const key of ["isDeliveryReceiptRequested", "isReadReceiptRequested"] as const) {
    if (typeof value[key] === "boolean") out[key] = value[key] as boolean;
  }
  return out;
}

function requireRecipients(message: StoredMessage): void {
  if (message.toRecipients.length + message.ccRecipients.length + message.bccRecipients.length === 0) {
    throw new GraphError(
      400,
      "ErrorInvalidRecipients",
      "At least one recipient is required, but none were found.",
    );
  }
}

/** sendMail with Content-Type text/plain: a base64 MIME message. Headers we need; the rest is body. */
function parseMime(raw: string): MessageInput {
  const compact = raw.replace(/\s+/g, "");
  if (compact === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) {
    throw new GraphError(
      400,
      "ErrorMimeContentInvalidBase64String",
      "Invalid base64 string for MIME content.",
    );
  }
  const text = Buffer.from(compact, "base64").toString("utf8");
  const [head = "", ...rest] = text.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const list = (value: string | undefined): EmailAddress[] =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const m = /^(.*?)\s*<([^>]+)>$/.exec(part);
        const address = (m ? m[2] : part) as string;
        return { emailAddress: { name: m?.[1]?.replace(/^"|"$/g, "") || address, address } };
      });
  const isHtml = /text\/html/i.test(headers.get("content-type") ?? "");
  return {
    subject: headers.get("subject") ?? "",
    body: { contentType: isHtml ? "html" : "text", content: rest.join("\n\n") },
    toRecipients: list(headers.get("to")),
    ccRecipients: list(headers.get("cc")),
  };
}

export { graphTime };
