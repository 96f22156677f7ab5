import { CLOSING_PHRASES, extractDraftText, isClosingPhrase } from "../../../src/policy/text";
import { parts } from "./helpers";

const plain = (body: string) => parts(extractDraftText(body, "text"));
const html = (body: string) => parts(extractDraftText(body, "html"));

describe("closing phrases", () => {
  it.each([
    "Med vänliga hälsningar",
    "Med vänlig hälsning",
    "Vänliga hälsningar",
    "Vänlig hälsning",
    "Mvh",
    "MVH",
    "Hälsningar",
    "Hälsning",
    "Bästa hälsningar",
    "Kind regards",
    "Best regards",
    "Regards",
    "Best",
    "Sincerely",
    "MED VÄNLIGA HÄLSNINGAR",
    "Med vänliga hälsningar,",
    "Mvh!",
    "Kind  regards ,",
  ])("accepts %s", (phrase) => {
    expect(isClosingPhrase(phrase)).toBe(true);
    expect(plain(`Hej!\n\nTack för ditt svar.\n\n${phrase}\nAnna Berg\nNVK`)).toEqual({
      authored: "Hej!\n\nTack för ditt svar.",
      signature: `${phrase}\nAnna Berg\nNVK`,
    });
  });

  it.each([
    "Med vänliga hälsningar till alla",
    "Hälsningarna",
    "Mvh Anna och Per och resten",
    "Best practice",
  ])("rejects %s", (line) => {
    expect(isClosingPhrase(line)).toBe(false);
  });

  it("lists phrases lower-cased for other rules", () => {
    expect(CLOSING_PHRASES).toContain("med vänliga hälsningar");
    for (const phrase of CLOSING_PHRASES) expect(phrase).toBe(phrase.toLowerCase());
  });
});

describe("signature block", () => {
  it("uses the -- delimiter", () => {
    expect(plain("Hej!\n\nTack.\n\n-- \nAnna Berg\nNVK\n")).toEqual({
      authored: "Hej!\n\nTack.",
      signature: "-- \nAnna Berg\nNVK",
    });
  });

  it("keeps a closing phrase just above the delimiter", () => {
    expect(plain("Tack.\n\nMvh\nAnna\n-- \nAnna Berg, NVK").signature).toBe("Mvh\nAnna\n-- \nAnna Berg, NVK");
  });

  it("takes the last closing phrase before the quote", () => {
    const body =
      "Hälsningar\nfrån oss alla på enheten, vi ses på fredag och då tar vi upp allt som gäller ärendet.\n\n" +
      "Ja, och en sak till.\n\nVänliga hälsningar\nAnna\n\nDen 3 dec. 2026 kl. 10:12 skrev Per:\n> Mvh\n> Per";
    expect(plain(body)).toEqual({
      authored:
        "Hälsningar\nfrån oss alla på enheten, vi ses på fredag och då tar vi upp allt som gäller ärendet.\n\n" +
        "Ja, och en sak till.",
      signature: "Vänliga hälsningar\nAnna",
      quoted: "Den 3 dec. 2026 kl. 10:12 skrev Per:\n> Mvh\n> Per",
    });
  });

  it("ignores a phrase inside a sentence and a phrase followed by prose", () => {
    expect(plain("Jag skickar mina vänliga hälsningar till alla.\nAnna").signature).toBeUndefined();
    expect(
      plain("Best\nwishes for the new year are what we all want to send out to our colleagues in the region.")
        .signature,
    ).toBeUndefined();
  });

  it("finds no signature when there is none", () => {
    expect(plain("Hej!\n\nTack för ditt svar.")).toEqual({ authored: "Hej!\n\nTack för ditt svar." });
    expect(plain("")).toEqual({ authored: "" });
  });

  it("trims trailing blank lines and can be the whole draft", () => {
    expect(plain("Mvh\nAnna\n\n\n")).toEqual({ authored: "", signature: "Mvh\nAnna" });
  });

  it("uses Outlook's signature container, with the closing phrase just above it", () => {
    const body =
      '<div class="elementToProof">Hej!</div><div class="elementToProof">Med vänliga hälsningar</div>' +
      '<div id="Signature"><div>Anna Berg</div><div>NVK</div></div>';
    expect(html(body)).toEqual({ authored: "Hej!", signature: "Med vänliga hälsningar\nAnna Berg\nNVK" });
  });

  it.each([
    ['<div id="Signature">', "Outlook on the web"],
    ['<div id="signature">', "lower-case id"],
    ['<div class="x_Signature">', "re-rendered class"],
    ['<div id="x_Signature">', "re-rendered id"],
    ['<p class="MsoNormal"><a name="_MailAutoSig">', "classic Outlook bookmark"],
  ])("recognises %s (%s)", (open) => {
    const result = html(`<div>Hej! Tack för svaret.</div><div><br></div>${open}Anna Berg<br>NVK</div>`);
    expect(result).toEqual({ authored: "Hej! Tack för svaret.", signature: "Anna Berg\nNVK" });
  });

  it("does not take class=elementToProof for a signature", () => {
    expect(
      html('<div class="elementToProof">Hej!</div><div class="elementToProof">Anna</div>').signature,
    ).toBeUndefined();
  });

  it("prefers the container over a phrase far above it or inside it", () => {
    const body =
      "<div>Mvh</div><div>Ett</div><div>Två</div><div>Tre</div>" +
      '<div id="Signature"><div>Anna</div><div>--</div><div>NVK</div></div>';
    expect(html(body).signature).toBe("Anna\n--\nNVK");
  });

  it("ignores signature containers in the quoted history", () => {
    const body =
      '<div>Svar utan signatur.</div><div id="divRplyFwdMsg"><b>From:</b> x</div>' +
      '<div id="x_Signature">Anna Berg</div>';
    expect(html(body)).toEqual({ authored: "Svar utan signatur.", quoted: "From: x\nAnna Berg" });
  });
});
