import type { LexiconSource } from "./types";

/**
 * Where the lexicon's word pairs come from. Single word pairs are facts; no guide's prose is
 * copied. Entries marked NVK are the project's own editorial choices from general knowledge of
 * Swedish plain-language advice (Språkrådet/ISOF's klarspråk work, Myndigheternas skrivregler's
 * principles), reviewed for false positives on everyday words.
 */
export const LEXICON_SOURCES: Readonly<Record<string, LexiconSource>> = {
  SL: {
    title:
      "Svarta listan, Regeringskansliet/Statsrådsberedningen PM 2011:1 (letters A–L as machine-readable JSON: github.com/peterk/skrivregler-check app/svarta_listan.json, commit 50ef7cd)",
    url: "http://www.regeringen.se/sb/d/243/a/19775",
    licence: "JSON data: MIT License, Copyright (c) 2025 Peter Krantz (full notice in docs/lexicon.md)",
  },
  MS: {
    title:
      "Myndigheternas skrivregler, 8 uppl. (Språkrådet 2014), §1.4 'Använd enkla och begripliga ord' (text seen in github.com/peterk/skrivregler-check app/skrivregler.md, commit a446434)",
    licence: "The book is © Språkrådet/Norstedts Juridik; only word pairs are used",
  },
  MALMO: {
    title: "Malmö stad, Miljöförvaltningens skrivguide, 'Använd enkla och begripliga ord'",
    url: "https://komin.malmo.se/Forvaltningar/Miljoforvaltningen/Stod--service/Kommunikation/Sprak--skrivguide/Skrivguiden/Anvand-enkla-och-begripliga-ord.html",
  },
  NACKA: {
    title: "Nacka kommun, Checklista för klarspråk",
    url: "https://www.nacka.se/medarbetare/kommunikation/skriva-klarsprak/checklista-for-klarsprak/",
  },
  FUNKA: {
    title: "Funkaportalen, Juridisk ordlista",
    url: "http://www.funkaportalen.se/Guide/Stod-service/Overklaga-beslut/Juridisk-ordlista/",
  },
  FRK: {
    title: "Funktionsrätt Sverige, Ordlista till myndighetsspråket",
    url: "https://guide.funktionsrattskonventionen.se/ordlista-till-myndighetsspraket/",
  },
  SLU: {
    title: "SLU, Checklista för klarspråk",
    url: "https://internt.slu.se/stod-service/admin-stod/kommunikation/text-sprak/klarsprak---hur-vad-och-varfor/checklista-for-klarsprak/",
  },
  SO: {
    title:
      "Svensk ordbok (Svenska Akademien), entry 'ånyo': register 'något ålderdomlig', synonym 'återigen'",
  },
  NVK: {
    title:
      "NVK's own editorial list (Bemötande project): general knowledge of Swedish plain-language advice, following the principles of Myndigheternas skrivregler §1.4 and Språklagen (2009:600) 11 §",
  },
  CONFIG: {
    title: "The organisation's policy configuration (lexicon.add)",
  },
};
