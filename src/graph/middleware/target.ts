import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { ChainLink, requestInfoOf } from "./request-options";

/**
 * First link: points the request at the exact URL the operation layer built. The SDK's own URL
 * builder only recognises https hosts and re-orders query options, which would break the
 * emulator's http base URL and the rule that an @odata.nextLink is followed exactly as given.
 */
export class TargetMiddleware extends ChainLink implements Middleware {
  async execute(context: Context): Promise<void> {
    const info = requestInfoOf(context);
    if (info) context.request = info.url;
    await this.callNext(context);
  }
}
