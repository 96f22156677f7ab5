// The compose hint in the pane's URL (the manifest's Taskpane.Compose.Url), read twice: by the
// bundle (launch-hint.ts) and by taskpane.html's head, which starts the worker before any bundle
// has loaded. The two must agree.
import { readFileSync } from "node:fs";
import path from "node:path";
import { openedForCompose } from "../../src/taskpane/launch-hint";

const QUERIES = [
  "?surface=compose",
  "?x=1&surface=compose",
  "?surface=compose&x=1",
  "",
  "?surface=read",
  "?surface=Compose",
  "?surface=composed",
  "?nosurface=compose",
];

test("the manifest's compose URL is recognised; anything else is not", () => {
  expect(QUERIES.filter(openedForCompose)).toEqual([
    "?surface=compose",
    "?x=1&surface=compose",
    "?surface=compose&x=1",
  ]);
});

test("taskpane.html's head reads the hint the same way", () => {
  const html = readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
  const literal = /if \(\/(.+?)\/\.test\(location\.search\)/.exec(html)?.[1];
  expect(literal).toBeDefined();
  const head = new RegExp(literal ?? "$^");
  expect(QUERIES.map((q) => head.test(q))).toEqual(QUERIES.map(openedForCompose));
});
