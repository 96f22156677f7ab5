// Runs the handler source against a bare Office (Office.actions only: no context, no item) to check
// that every handler still calls event.completed exactly once, even when completed itself throws.
// The handlers with a working fake Office: launchevent.test.ts.

import type { Completed, Handler } from "./run-handler";
import { runHandler } from "./run-handler";

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

const run = (name: string, completed: Completed = () => undefined): Promise<unknown[][]> =>
  runHandler(handlers, name, { completed });

test("associates exactly the manifest's handler names", () => {
  expect([...handlers.keys()].sort()).toEqual(["onMessageSendHandler", "onNewMessageComposeHandler"]);
});

test("OnNewMessageCompose completes once without Office.context", async () => {
  expect(await run("onNewMessageComposeHandler")).toEqual([[]]);
});

test("OnMessageSend allows the send without Office.context (fails open)", async () => {
  expect(await run("onMessageSendHandler")).toEqual([[{ allowEvent: true }]]);
});

test("a throwing completed() does not escape the handler", async () => {
  const boom = (): never => {
    throw new Error("boom");
  };
  await expect(run("onMessageSendHandler", boom)).resolves.toHaveLength(1);
  await expect(run("onNewMessageComposeHandler", boom)).resolves.toHaveLength(1);
});
