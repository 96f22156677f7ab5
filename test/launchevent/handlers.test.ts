// Runs the handler source against a fake Office.actions to check that every handler calls
// event.completed exactly once, even when completed itself throws.

type Handler = (event: { completed: (options?: unknown) => void }) => void;

const handlers = new Map<string, Handler>();

beforeAll(async () => {
  Object.assign(globalThis, {
    Office: { actions: { associate: (name: string, fn: Handler) => handlers.set(name, fn) } },
  });
  await import("../../src/launchevent/launchevent");
});

afterAll(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

function run(name: string, completed: (options?: unknown) => void = () => undefined): unknown[][] {
  const handler = handlers.get(name);
  if (!handler) throw new Error(`${name} was not associated`);
  const calls: unknown[][] = [];
  handler({
    completed: (...args: unknown[]) => {
      calls.push(args);
      completed(...args);
    },
  });
  return calls;
}

test("associates exactly the manifest's handler names", () => {
  expect([...handlers.keys()].sort()).toEqual(["onMessageSendHandler", "onNewMessageComposeHandler"]);
});

test("OnNewMessageCompose completes immediately", () => {
  expect(run("onNewMessageComposeHandler")).toEqual([[]]);
});

test("OnMessageSend allows the send", () => {
  expect(run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
});

test("a throwing completed() does not escape the handler", () => {
  const boom = (): never => {
    throw new Error("boom");
  };
  expect(() => run("onMessageSendHandler", boom)).not.toThrow();
  expect(() => run("onNewMessageComposeHandler", boom)).not.toThrow();
});
