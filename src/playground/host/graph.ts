// The playground's calls to the Graph emulator (same origin): users and tokens from /_emulator,
// mail through Graph v1.0 shapes under /graph/v1.0 with a bearer token, exactly as a client of
// real Microsoft Graph would make them.

export interface EmulatorUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly role: string;
  /** The emulator's default user (a staff member with seeded mail). */
  readonly isDefault?: boolean;
}

export interface GraphEmailAddress {
  readonly name?: string;
  readonly address?: string;
}

export interface GraphRecipient {
  readonly emailAddress?: GraphEmailAddress;
}

export interface GraphMessage {
  readonly id: string;
  readonly subject?: string | null;
  readonly from?: GraphRecipient | null;
  readonly toRecipients?: readonly GraphRecipient[];
  readonly ccRecipients?: readonly GraphRecipient[];
  readonly receivedDateTime?: string;
  readonly sentDateTime?: string;
  readonly lastModifiedDateTime?: string;
  readonly bodyPreview?: string;
  readonly isRead?: boolean;
  readonly conversationId?: string;
  readonly internetMessageId?: string;
  readonly body?: { readonly contentType?: string; readonly content?: string };
}

export type FolderId = "inbox" | "sentitems";

export const SCOPES = ["User.Read", "Mail.ReadWrite", "Mail.Send"];

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "GraphHttpError";
  }
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      detail = [body.error?.code, body.error?.message].filter(Boolean).join(": ") || detail;
    } catch {
      // Not JSON.
    }
    throw new GraphHttpError(response.status, `${response.status} ${detail}`);
  }
  if (response.status === 202 || response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export class GraphClient {
  constructor(private readonly origin: string = "") {}

  async users(): Promise<EmulatorUser[]> {
    const body = await json<unknown>(await fetch(`${this.origin}/_emulator/users`));
    const list: unknown = Array.isArray(body)
      ? body
      : ((body as { value?: unknown; users?: unknown }).value ?? (body as { users?: unknown }).users);
    return Array.isArray(list) ? (list as EmulatorUser[]) : [];
  }

  async token(user: string): Promise<string> {
    const body = await json<{ access_token: string }>(
      await fetch(`${this.origin}/_emulator/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user, scopes: SCOPES }),
      }),
    );
    return body.access_token;
  }

  async reset(): Promise<void> {
    await json<unknown>(await fetch(`${this.origin}/_emulator/reset`, { method: "POST" }));
  }

  async messages(token: string, folder: FolderId): Promise<GraphMessage[]> {
    const select = "subject,from,toRecipients,receivedDateTime,sentDateTime,bodyPreview,isRead";
    const order = folder === "sentitems" ? "sentDateTime desc" : "receivedDateTime desc";
    const url =
      `${this.origin}/graph/v1.0/me/mailFolders/${folder}/messages?$top=25` +
      `&$select=${select}&$orderby=${encodeURIComponent(order)}`;
    const body = await json<{ value?: GraphMessage[] }>(await fetch(url, { headers: this.auth(token) }));
    return body.value ?? [];
  }

  async message(token: string, id: string): Promise<GraphMessage> {
    return json<GraphMessage>(
      await fetch(`${this.origin}/graph/v1.0/me/messages/${encodeURIComponent(id)}`, {
        headers: this.auth(token),
      }),
    );
  }

  async markRead(token: string, id: string): Promise<void> {
    await json<unknown>(
      await fetch(`${this.origin}/graph/v1.0/me/messages/${encodeURIComponent(id)}`, {
        method: "PATCH",
        headers: { ...this.auth(token), "Content-Type": "application/json" },
        body: JSON.stringify({ isRead: true }),
      }),
    );
  }

  async sendMail(
    token: string,
    message: {
      subject: string;
      html: string;
      to: readonly GraphEmailAddress[];
      cc: readonly GraphEmailAddress[];
      bcc: readonly GraphEmailAddress[];
    },
  ): Promise<void> {
    const recipients = (list: readonly GraphEmailAddress[]) => list.map((emailAddress) => ({ emailAddress }));
    await json<unknown>(
      await fetch(`${this.origin}/graph/v1.0/me/sendMail`, {
        method: "POST",
        headers: { ...this.auth(token), "Content-Type": "application/json" },
        body: JSON.stringify({
          message: {
            subject: message.subject,
            body: { contentType: "HTML", content: message.html },
            toRecipients: recipients(message.to),
            ccRecipients: recipients(message.cc),
            bccRecipients: recipients(message.bcc),
          },
          saveToSentItems: true,
        }),
      }),
    );
  }

  private auth(token: string): Record<string, string> {
    return { Authorization: `Bearer ${token}` };
  }
}
