import { extractDraftText, judgedSpans } from "../../../src/policy/text";
import { fixture, parts } from "./helpers";

describe("realistic drafts", () => {
  it("new Outlook reply in Swedish (divRplyFwdMsg, id=Signature)", () => {
    const draft = extractDraftText(fixture("new-outlook-reply.sv.html"), "html");
    expect(parts(draft)).toEqual({
      authored:
        "Hej Anna,\n\nTack för ditt mejl. Du kan erhålla ett beslut i ditt ärende senast den 12 december.",
      signature:
        "Med vänliga hälsningar\n\nPer Lind\nHandläggare, ekonomienheten\nNorrvikens kommunförbund (NVK)\n" +
        "08-123 456 78 | per.lind@nvk.se",
      quoted:
        "Från: Anna Berg <anna.berg@example.se>\nSkickat: den 3 december 2026 10:12\n" +
        "Till: Per Lind <per.lind@nvk.se>\nÄmne: Fråga om mitt ärende\n\n" +
        "Hej!\nNär får jag besked om mitt ärende?\n\nVänliga hälsningar\nAnna Berg",
    });
    expect(judgedSpans(draft)).toEqual([draft.authored, draft.signature]);
  });

  it("classic Outlook reply in Swedish (MsoNormal, _MailAutoSig, border-top separator)", () => {
    const draft = extractDraftText(fixture("classic-outlook-reply.sv.html"), "html");
    expect(parts(draft)).toEqual({
      authored:
        "Hej Anna!\n\nVi har tagit emot din ansökan. Handläggningstiden är cirka tre veckor och du får beslutet per post.",
      signature: "Mvh\nKarin Sjöberg\nRegistrator, kansliet\nTel. 08-765 43 21",
      quoted:
        "Från: Anna Berg <anna.berg@example.se>\nSkickat: den 2 december 2026 16:40\n" +
        "Till: Registrator <registrator@nvk.se>\nÄmne: Ansökan om bidrag\n\n" +
        "Hej, här kommer min ansökan.\nMed vänlig hälsning\nAnna",
    });
  });

  it("classic Outlook reply in English (#B5C4DF separator)", () => {
    const draft = extractDraftText(fixture("classic-outlook-reply.en.html"), "html");
    expect(parts(draft)).toEqual({
      authored:
        'Dear Mr Smith,\n\nThank you for your question about the "R&D" grant. ' +
        "The decision is expected by 12 December – we will write to you then.",
      signature: "Kind regards,\nPer Lind\nCase officer | NVK | +46 8 123 456 78",
      quoted:
        "From: John Smith <john@example.com>\nSent: Tuesday, December 1, 2026 9:05 AM\n" +
        "To: Per Lind <per.lind@nvk.se>\nSubject: Grant\n\nWhen will I hear back?\nBest regards\nJohn",
    });
  });

  it("Gmail reply (gmail_quote)", () => {
    const draft = extractDraftText(fixture("gmail-reply.en.html"), "html");
    expect(parts(draft)).toEqual({
      authored: "Hi Anna,\n\nThanks, that works for us. See you on Monday.",
      signature: "Best regards,\nErik",
      quoted:
        "On Thu, Dec 3, 2026 at 10:12 AM Anna Berg <anna@nvk.se> wrote:\nHi Erik,\n\nDoes Monday work?\n\nRegards,\nAnna",
    });
  });

  it("plain-text reply with > lines and a Swedish attribution", () => {
    const draft = extractDraftText(fixture("plain-reply.sv.txt"), "text");
    expect(draft.text).toBe(draft.source);
    expect(draft.sourceOffsets).toBeUndefined();
    expect(parts(draft)).toEqual({
      authored: "Hej Anna,\n\nTack för påminnelsen. Jag återkommer med besked senast fredag.",
      signature: "Mvh\nPer Lind\nHandläggare, NVK\n08-123 456 78",
      quoted:
        "Den 3 dec. 2026 kl. 10:12 skrev Anna Berg <anna@nvk.se>:\n> Hej Per!\n>\n> Hur går det med mitt ärende?\n" +
        ">\n> Med vänliga hälsningar\n> Anna\n",
    });
  });

  it("plain-text forward with a -- signature and Outlook's rule line", () => {
    const draft = extractDraftText(fixture("plain-forward.sv.txt"), "text");
    expect(parts(draft)).toEqual({
      authored: "Hej Karin,\n\nKan du ta det här ärendet? Det gäller bygglov.",
      signature: "-- \nPer Lind\nHandläggare, NVK",
      quoted:
        "________________________________\nFrån: Anna Berg <anna@nvk.se>\nSkickat: den 2 december 2026 16:40\n" +
        "Till: Per Lind <per.lind@nvk.se>\nÄmne: Bygglov\n\nHej, jag undrar över mitt bygglov.\n",
    });
  });

  it("plain-text Outlook reply with CRLF line ends and -----Original Message-----", () => {
    const draft = extractDraftText(fixture("plain-outlook-reply.en.txt"), "text");
    expect(parts(draft)).toEqual({
      authored: "Hi John,\r\n\r\nSee below.",
      signature: "Regards\r\nPer",
      quoted:
        "-----Original Message-----\r\nFrom: John Smith <john@example.com>\r\nSent: Tuesday, December 1, 2026 9:05 AM\r\n" +
        "To: Per Lind\r\nSubject: Grant\r\n\r\nHello?\r\n",
    });
  });
});
