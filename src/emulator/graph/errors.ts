/** Graph's JSON error, thrown by handlers and turned into a response by the router. */
export class GraphError extends Error {
  override readonly name = "GraphError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** "2025-02-13T10:17:05": innerError.date has no fraction and no zone, as Graph writes it. */
export function innerErrorDate(now: Date): string {
  return now.toISOString().slice(0, 19);
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function errorBody(code: string, message: string, now: Date, ids: RequestIds): object {
  return {
    error: {
      code,
      message,
      innerError: {
        date: innerErrorDate(now),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
      },
    },
  };
}

/** The throttling body, key for key as concepts/throttling.md shows it. */
export function throttledBody(now: Date, ids: RequestIds): object {
  return {
    error: {
      code: "TooManyRequests",
      innerError: {
        code: "429",
        date: innerErrorDate(now),
        message: "Please retry after",
        "request-id": ids.requestId,
        status: "429",
      },
      message: "Please retry again later.",
    },
  };
}

export const notFoundSegment = (segment: string): GraphError =>
  new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);

export const methodNotAllowed = (): GraphError =>
  new GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");

export const itemNotFound = (): GraphError =>
  new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");

export const userNotFound = (key: string): GraphError =>
  new GraphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );

export const noSuchProperty = (property: string, type: string): GraphError =>
  new GraphError(400, "BadRequest", `Could not find a property named '${property}' on type '${type}'.`);

export const bodyPropertyUnknown = (property: string, type: string): GraphError =>
  new GraphError(
    400,
    "RequestBodyRead",
    `The property '${property}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );
