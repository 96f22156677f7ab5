// Swedish names and NVK's organisation for the seeded directory. Phone numbers come from PTS's
// ranges reserved for fiction (08-465 004 00–99, 031-390 06 00–99, 070-174 06 05–99), so no
// generated number belongs to a real subscriber.

export const givenNames = [
  "Anna",
  "Eva",
  "Maria",
  "Karin",
  "Sara",
  "Lena",
  "Kerstin",
  "Emma",
  "Ingrid",
  "Malin",
  "Linnéa",
  "Åsa",
  "Sofia",
  "Elin",
  "Ida",
  "Johanna",
  "Hanna",
  "Märta",
  "Maja",
  "Frida",
  "Lars",
  "Mikael",
  "Anders",
  "Johan",
  "Erik",
  "Per",
  "Karl",
  "Peter",
  "Jonas",
  "Fredrik",
  "Mats",
  "Björn",
  "Göran",
  "Håkan",
  "Jörgen",
  "Oskar",
  "Nils",
  "Viktor",
  "Ali",
  "Mohammed",
  "Amira",
  "Leila",
  "Nora",
  "Yusuf",
  "Tove",
  "Stina",
  "Agnes",
  "Sven",
  "Ulf",
  "Ragnar",
] as const;

export const surnames = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindqvist",
  "Lindström",
  "Bergström",
  "Sandberg",
  "Forsberg",
  "Sjöberg",
  "Holmgren",
  "Åberg",
  "Ekström",
  "Hedlund",
  "Öberg",
  "Nyström",
  "Björk",
  "Lundgren",
  "Engström",
  "Söderlund",
  "Hassan",
  "Yilmaz",
  "Nordin",
] as const;

export interface UnitSpec {
  readonly name: string;
  readonly managerTitle: string;
  readonly titles: readonly string[];
  readonly staff: readonly [number, number];
  /** Which templates of incoming mail this unit's staff typically receive. */
  readonly topics: readonly string[];
}

/** Medlemsservice comes first so the default signed-in user handles members' questions. */
export const units: readonly UnitSpec[] = [
  {
    name: "Medlemsservice",
    managerTitle: "Enhetschef",
    titles: ["Handläggare", "Medlemsrådgivare", "Handläggare", "Medlemsrådgivare", "Administratör"],
    staff: [7, 10],
    topics: ["member", "member", "member", "public"],
  },
  {
    name: "Förhandlingsenheten",
    managerTitle: "Förhandlingschef",
    titles: ["Ombudsman", "Förbundsjurist", "Ombudsman", "Utredare"],
    staff: [6, 9],
    topics: ["negotiation", "negotiation", "member"],
  },
  {
    name: "Ekonomienheten",
    managerTitle: "Ekonomichef",
    titles: ["Ekonom", "Redovisningsekonom", "Lönehandläggare", "Controller"],
    staff: [5, 7],
    topics: ["finance", "finance", "member"],
  },
  {
    name: "Kommunikationsenheten",
    managerTitle: "Kommunikationschef",
    titles: ["Kommunikatör", "Webbredaktör", "Kommunikatör", "Pressekreterare"],
    staff: [5, 7],
    topics: ["press", "public", "misdirected"],
  },
];

/** Kansliet: the head of office manages the unit managers plus a few staff of their own. */
export const kansliet = {
  name: "Kansliet",
  managerTitle: "Kanslichef",
  titles: ["Förbundssekreterare", "HR-specialist", "IT-samordnare"],
  topics: ["public", "member"],
} as const;

export const offices = [
  { city: "Stockholm", officeLocation: "Stockholm, Klarabergsgatan", phonePrefix: "08-465 004 " },
  { city: "Göteborg", officeLocation: "Göteborg, Södra Hamngatan", phonePrefix: "031-390 06 " },
] as const;

/** Mail domains of members and the public writing in. */
export const externalDomains = [
  "gmail.com",
  "hotmail.se",
  "telia.com",
  "outlook.com",
  "yahoo.se",
  "live.se",
  "bredband.net",
  "icloud.com",
] as const;

export function asciiFold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}
