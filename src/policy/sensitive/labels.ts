import { DIGIT, LETTER } from "../signature/chars";

// Words written just before a number that say what kind of number it is. The phone finder and the
// personnummer finder share them so that each can leave the other's numbers alone.

/**
 * Labels of identity numbers: "Personnummer: 050101-…", "pnr 0501011234". A number right after
 * one of these is never a phone number.
 */
export const IDENTITY_NUMBER_LABEL = new RegExp(
  `(?:^|[^${LETTER}${DIGIT}])(?:person(?:nummer|nr)|p-?nr|samordningsnummer|samordningsnr|födelsenummer|personal identity number|civic registration number|personal number|id number)\\.?[ \\t\\u00A0]*[:#]?[ \\t\\u00A0]*$`,
  "iu",
);

/**
 * Labels of case, order, invoice, customer and bank numbers: a digit run after one of these is a
 * reference, not a phone number, and an unseparated one is not taken for a personnummer either.
 */
export const REFERENCE_NUMBER_LABEL = new RegExp(
  `(?:^|[^${LETTER}${DIGIT}])(?:dnr|diarie(?:nummer|nr)|ärende(?:nummer|nr|id)?|order(?:nummer|nr)?|faktura(?:nummer|nr)?|kund(?:nummer|nr)|medlems(?:nummer|nr)|avtals(?:nummer|nr)|referens(?:nummer|nr)?|ref|ocr(?:-nummer)?|bankgiro|plusgiro|bg|pg|konto(?:nummer|nr)?|clearing(?:nummer|nr)?|iban|bic|org\\.? ?nr|organisationsnummer|case(?: number| no)?|order(?: number| no)?|invoice(?: number| no)?|account(?: number| no)?|reference|ticket)\\.?[ \\t\\u00A0]*[:#]?[ \\t\\u00A0]*$`,
  "iu",
);

/** The text between the start of `offset`'s line (at most `max` characters back) and `offset`. */
export function lineBefore(text: string, offset: number, max = 60): string {
  const from = Math.max(0, offset - max);
  const before = text.slice(from, offset);
  const newline = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
  return newline >= 0 ? before.slice(newline + 1) : before;
}
