import { readFileSync } from "node:fs";
import path from "node:path";
import { looksLikeEml, parseEml } from "../../src/cli/eml";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/eml", name));

describe("parseEml", () => {
  it("prefers the HTML part of a multipart message and decodes base64, UTF-8 and encoded words", () => {
    expect(parseEml(fixture("reply-multipart.eml"))).toEqual({
      subject: "SV: Fråga om avgift",
      to: ["kalle@example.com", "bo@nvk.se"],
      cc: [],
      body: "<p>Hej Kalle!</p><p>Vi har erhållit din ansökan.</p>",
      format: "html",
    });
  });

  it("decodes quoted-printable ISO-8859-1 with soft line breaks", () => {
    const message = parseEml(fixture("latin1-plain.eml"));
    expect(message.subject).toBe("Möte i morgon");
    expect(message.format).toBe("text");
    expect(message.body).toBe(
      "Hej Lena!\nMötet börjar kl. 10. Det är i rådsrummet, som vanligt och som alltid.\n",
    );
  });

  it("skips attachments and attached messages", () => {
    const raw = Buffer.from(
      [
        "From: a@nvk.se",
        'Content-Type: multipart/mixed; boundary="x"',
        "",
        "--x",
        "Content-Type: message/rfc822",
        "",
        "Content-Type: text/plain",
        "",
        "Someone else's text",
        "--x",
        "Content-Type: text/plain",
        "Content-Disposition: attachment; filename=notes.txt",
        "",
        "attached notes",
        "--x",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Min egen text",
        "--x--",
        "",
      ].join("\r\n"),
    );
    expect(parseEml(raw).body).toBe("Min egen text");
  });

  it("fails clearly when there is no text", () => {
    const raw = Buffer.from("From: a@nvk.se\r\nContent-Type: image/png\r\n\r\n....");
    expect(() => parseEml(raw)).toThrow("the message has no text/plain or text/html part");
  });

  it("tells MIME from text", () => {
    expect(looksLikeEml(fixture("latin1-plain.eml"))).toBe(true);
    expect(looksLikeEml(Buffer.from("Hej!\n\nFrån: mig\nTill: dig\n"))).toBe(false);
    expect(looksLikeEml(Buffer.from("<p>Hej</p>"))).toBe(false);
  });
});
