import { initialScripts } from "../../src/bench/taskpane-bench";

test("initialScripts: the page's own scripts and the scripts it preloads, not office.js from the CDN", () => {
  const html =
    '<head><link rel=preload as=script href=23.abcdef01.js><link rel="preload" as="script" href="pane.0123abcd.js">' +
    "<link rel=preload as=style href=x.css><link rel=icon href=icon.png>" +
    "<script>inline()</script>" +
    '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>' +
    "<script defer src=taskpane.js></script></head>";
  expect(initialScripts(html)).toEqual(["23.abcdef01.js", "pane.0123abcd.js", "taskpane.js"]);
  expect(initialScripts("<p>no scripts</p>")).toEqual([]);
});
