import { defaultConfig } from "../../src/policy/config/defaults";
import type { DraftInput } from "../../src/policy/draft";
import { luhnCheckDigit } from "../../src/policy/sensitive/personnummer";
import { MAX_SEND_MESSAGE_LENGTH, checkAtSend } from "../../src/policy/send-check";
import { buildSignature } from "../../src/policy/signature/build-signature";
import type { DirectoryProfile } from "../../src/policy/signature/build-signature";

const config = defaultConfig;
const now = new Date("2026-12-01T10:00:00+01:00");

const profile: DirectoryProfile = {
  displayName: "Anna Berg",
  jobTitle: "Handläggare",
  department: "Medlemsservice",
  businessPhones: ["08-123 456 01"],
  mail: "anna.berg@nvk.se",
};
const signature = buildSignature(profile, config).html;

function html(text: string, withSignature = true): DraftInput["body"] {
  return `<div>${text}</div>${withSignature ? signature : ""}`;
}

function check(body: string, recipients: string[] = ["erik.lund@nvk.se"], format: "html" | "text" = "html") {
  return checkAtSend({ body, format, recipients }, { config, now, profile });
}

describe("checkAtSend", () => {
  test("a compliant message is not blocked and has no message", () => {
    const result = check(html("Hej! Tack för ditt mejl. Jag återkommer på fredag."), ["kund@example.com"]);
    expect(result.block).toBe(false);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.message).toEqual({ sv: "", en: "" });
  });

  test("a message without a signature is blocked, naming every part", () => {
    const result = check(html("Hej! Vi ses i morgon.", false));
    expect(result.block).toBe(true);
    expect(result.findings.map((f) => f.rule)).toContain("signature.missing");
    expect(result.message.sv).toBe(
      "Meddelandet saknar signatur. Lägg till en med för- och efternamn, titel, telefonnummer, e-postadress och organisation eller enhet, eller infoga din signatur från Bemötande.",
    );
    expect(result.message.en).toBe(
      "The message has no signature. Add one with first and last name, title, phone number, email address and organisation or unit, or insert your signature from Bemötande.",
    );
  });

  test("an incomplete signature names what is missing", () => {
    const body = "Hej!\n\nMed vänliga hälsningar\nAnna Berg\nanna.berg@nvk.se\n";
    const result = check(body, ["erik.lund@nvk.se"], "text");
    expect(result.block).toBe(true);
    expect(result.message.sv).toBe(
      "Signaturen saknar titel, telefonnummer och organisation eller enhet. Lägg till det som saknas, eller infoga din signatur från Bemötande.",
    );
    expect(result.message.en).toContain("The signature lacks title, phone number and organisation or unit.");
  });

  test("a personnummer to an external recipient blocks; the message says it leaves NVK", () => {
    const result = check(html("Gäller 19121212-1212."), ["kund@example.com", "erik.lund@nvk.se"]);
    expect(result.block).toBe(true);
    expect(result.message.sv).toBe(
      "Meddelandet innehåller ett personnummer och går till mottagare utanför NVK (kund@example.com). Ta bort numret eller använd en säker kanal.",
    );
    expect(result.message.en).toContain("a personal identity number and goes to recipients outside NVK");
  });

  test("the same personnummer to internal recipients only is not blocked (info finding)", () => {
    const result = check(html("Gäller 19121212-1212."), [
      "erik.lund@nvk.se",
      "Kansliet <kansliet@mail.nvk.se>",
    ]);
    expect(result.block).toBe(false);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([["sensitive.personnummer", "info"]]);
  });

  test("a personnummer in quoted history also counts", () => {
    const body = `${html("Se nedan.")}<div>-----Ursprungligt meddelande-----<br>Mitt personnummer är 19121212-1212</div>`;
    expect(check(body, ["kund@example.com"]).block).toBe(true);
  });

  test("both problems give one message with both parts, still within the limit", () => {
    const recipients = Array.from(
      { length: 40 },
      (_, i) => `mottagare.nummer.${i}.${"x".repeat(80)}@example.com`,
    );
    const numbers = Array.from({ length: 30 }, () => "19121212-1212").join(", ");
    const result = check(html(`Nummer: ${numbers}`, false), recipients);
    expect(result.block).toBe(true);
    expect(result.message.sv).toContain("Meddelandet saknar signatur.");
    expect(result.message.sv).toContain("30 personnummer eller samordningsnummer");
    expect(result.message.sv).toContain("m.fl.");
    expect(result.message.en).toContain("and others");
    for (const text of [result.message.sv, result.message.en]) {
      expect(text.length).toBeLessThanOrEqual(MAX_SEND_MESSAGE_LENGTH);
    }
  });

  test("a samordningsnummer is named as one", () => {
    // Day 12 + 60, with its Luhn check digit.
    const number = `19121272-121${luhnCheckDigit("121272121")}`;
    const result = check(html(`Gäller ${number}.`), ["kund@example.com"]);
    expect(result.block).toBe(true);
    expect(result.message.sv).toContain("ett samordningsnummer");
    expect(result.message.en).toContain("a coordination number");
  });

  test("without recipients a personnummer does not block", () => {
    expect(checkAtSend({ body: html("19121212-1212"), format: "html" }, { config, now }).block).toBe(false);
  });

  test("runs only the signature and personnummer rules", () => {
    const result = check(html("Vi har erhållit er ansökan och torde återkomma. Ej klart."));
    expect(result.findings).toEqual([]);
  });
});
