// The playground reads the add-in's manifest as Outlook would: which page each surface's pane
// button opens, and the event handlers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser as XmlDomParser } from "@xmldom/xmldom";
import {
  DEFAULT_TASKPANE_PAGES,
  readLaunchEvents,
  readTaskpanePages,
} from "../../src/playground/host/manifest";

const parser = new XmlDomParser() as unknown as DOMParser;
const manifest = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");

test("the project's manifest: compose opens the pane with the compose hint, read without", () => {
  expect(readTaskpanePages(manifest, parser)).toEqual({
    read: "taskpane.html",
    compose: "taskpane.html?surface=compose",
  });
});

test("the project's manifest: both event handlers, SoftBlock", () => {
  expect(readLaunchEvents(manifest, parser)).toEqual({
    onNewMessageCompose: "onNewMessageComposeHandler",
    onMessageSend: "onMessageSendHandler",
    sendMode: "softBlock",
  });
});

const overrides = (urls: string, surfaces: string): string =>
  `<OfficeApp xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
     <VersionOverrides xsi:type="VersionOverridesV1_0">
       <Hosts><Host><DesktopFormFactor>${surfaces}</DesktopFormFactor></Host></Hosts>
       <Resources><bt:Urls>${urls}</bt:Urls></Resources>
     </VersionOverrides>
   </OfficeApp>`;

const surface = (type: string, resid: string): string =>
  `<ExtensionPoint xsi:type="${type}"><OfficeTab id="TabDefault"><Group id="g"><Control xsi:type="Button" id="b">
     <Action xsi:type="ShowTaskpane"><SourceLocation resid="${resid}" /></Action>
   </Control></Group></OfficeTab></ExtensionPoint>`;

test("each surface's SourceLocation is looked up in bt:Urls; path and query are kept, host dropped", () => {
  const xml = overrides(
    `<bt:Url id="R" DefaultValue="https://example.org/addin/read.html" />
     <bt:Url id="C" DefaultValue="https://example.org/addin/pane.html?surface=compose&amp;x=1" />`,
    surface("MessageReadCommandSurface", "R") + surface("MessageComposeCommandSurface", "C"),
  );
  expect(readTaskpanePages(xml, parser)).toEqual({
    read: "read.html",
    compose: "pane.html?surface=compose&x=1",
  });
});

test("a surface without a pane button, or an unknown resid, falls back to taskpane.html", () => {
  const xml = overrides(
    `<bt:Url id="R" DefaultValue="https://example.org/read.html" />`,
    surface("MessageReadCommandSurface", "R") + surface("MessageComposeCommandSurface", "Missing"),
  );
  expect(readTaskpanePages(xml, parser)).toEqual({ read: "read.html", compose: "taskpane.html" });
  expect(readTaskpanePages("<OfficeApp />", parser)).toEqual(DEFAULT_TASKPANE_PAGES);
});
