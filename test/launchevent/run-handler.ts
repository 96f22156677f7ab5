// What the event-handler tests share: the shapes of Office's handlers and callbacks, and running
// one associated handler until it calls event.completed.

export type Completed = (options?: unknown) => void;
export type Handler = (event: { completed: Completed }) => void;
export type OfficeCallback = (result: {
  status: string;
  value?: unknown;
  error?: { name: string; message: string };
}) => void;

/**
 * Runs the handler associated as `name` and resolves with every completed() call, `settleMs`
 * after the first (so that a second call, which would be a bug, is caught). `completed` is
 * called as well, to let a test make it throw.
 */
export function runHandler(
  handlers: ReadonlyMap<string, Handler>,
  name: string,
  options: { readonly completed?: Completed; readonly settleMs?: number } = {},
): Promise<unknown[][]> {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`${name} was not associated`);
  const calls: unknown[][] = [];
  return new Promise((resolve) => {
    handler({
      completed: (...args: unknown[]) => {
        calls.push(args);
        setTimeout(() => resolve(calls), options.settleMs ?? 20);
        options.completed?.(...args);
      },
    });
  });
}
