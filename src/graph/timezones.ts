/**
 * Exchange (and so Graph's mailboxSettings) names time zones the Windows way ("W. Europe
 * Standard Time"). This maps them to IANA names with CLDR's windowsZones.xml, taking each zone's
 * territory "001" (the zone CLDR treats as the default for that Windows name). Graph may also
 * answer with an IANA name already, or "UTC".
 */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  // UTC and Europe
  UTC: "Etc/UTC",
  "Coordinated Universal Time": "Etc/UTC",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "W. Europe Standard Time": "Europe/Berlin",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Romance Standard Time": "Europe/Paris",
  "E. Europe Standard Time": "Europe/Chisinau",
  "FLE Standard Time": "Europe/Kiev",
  "GTB Standard Time": "Europe/Bucharest",
  "Russian Standard Time": "Europe/Moscow",
  "Kaliningrad Standard Time": "Europe/Kaliningrad",
  "Belarus Standard Time": "Europe/Minsk",
  "Turkey Standard Time": "Europe/Istanbul",
  "Astrakhan Standard Time": "Europe/Astrakhan",
  "Russia Time Zone 3": "Europe/Samara",
  "Saratov Standard Time": "Europe/Saratov",
  "Volgograd Standard Time": "Europe/Volgograd",
  "Azores Standard Time": "Atlantic/Azores",
  "Cape Verde Standard Time": "Atlantic/Cape_Verde",
  "W. Central Africa Standard Time": "Africa/Lagos",
  "Morocco Standard Time": "Africa/Casablanca",
  "Sao Tome Standard Time": "Africa/Sao_Tome",
  "South Africa Standard Time": "Africa/Johannesburg",
  "Egypt Standard Time": "Africa/Cairo",
  "Libya Standard Time": "Africa/Tripoli",
  "Namibia Standard Time": "Africa/Windhoek",
  "Sudan Standard Time": "Africa/Khartoum",
  "South Sudan Standard Time": "Africa/Juba",
  "E. Africa Standard Time": "Africa/Nairobi",
  // Middle East and Asia
  "Israel Standard Time": "Asia/Jerusalem",
  "Jordan Standard Time": "Asia/Amman",
  "Middle East Standard Time": "Asia/Beirut",
  "Syria Standard Time": "Asia/Damascus",
  "West Bank Standard Time": "Asia/Hebron",
  "Arabic Standard Time": "Asia/Baghdad",
  "Arab Standard Time": "Asia/Riyadh",
  "Iran Standard Time": "Asia/Tehran",
  "Arabian Standard Time": "Asia/Dubai",
  "Azerbaijan Standard Time": "Asia/Baku",
  "Georgian Standard Time": "Asia/Tbilisi",
  "Caucasus Standard Time": "Asia/Yerevan",
  "Mauritius Standard Time": "Indian/Mauritius",
  "Afghanistan Standard Time": "Asia/Kabul",
  "West Asia Standard Time": "Asia/Tashkent",
  "Ekaterinburg Standard Time": "Asia/Yekaterinburg",
  "Pakistan Standard Time": "Asia/Karachi",
  "Qyzylorda Standard Time": "Asia/Qyzylorda",
  "India Standard Time": "Asia/Calcutta",
  "Sri Lanka Standard Time": "Asia/Colombo",
  "Nepal Standard Time": "Asia/Katmandu",
  "Central Asia Standard Time": "Asia/Bishkek",
  "Bangladesh Standard Time": "Asia/Dhaka",
  "Omsk Standard Time": "Asia/Omsk",
  "Myanmar Standard Time": "Asia/Rangoon",
  "SE Asia Standard Time": "Asia/Bangkok",
  "Altai Standard Time": "Asia/Barnaul",
  "W. Mongolia Standard Time": "Asia/Hovd",
  "North Asia Standard Time": "Asia/Krasnoyarsk",
  "N. Central Asia Standard Time": "Asia/Novosibirsk",
  "Tomsk Standard Time": "Asia/Tomsk",
  "China Standard Time": "Asia/Shanghai",
  "North Asia East Standard Time": "Asia/Irkutsk",
  "Singapore Standard Time": "Asia/Singapore",
  "W. Australia Standard Time": "Australia/Perth",
  "Taipei Standard Time": "Asia/Taipei",
  "Ulaanbaatar Standard Time": "Asia/Ulaanbaatar",
  "Tokyo Standard Time": "Asia/Tokyo",
  "North Korea Standard Time": "Asia/Pyongyang",
  "Korea Standard Time": "Asia/Seoul",
  "Yakutsk Standard Time": "Asia/Yakutsk",
  "Transbaikal Standard Time": "Asia/Chita",
  "Vladivostok Standard Time": "Asia/Vladivostok",
  "Magadan Standard Time": "Asia/Magadan",
  "Sakhalin Standard Time": "Asia/Sakhalin",
  "Russia Time Zone 10": "Asia/Srednekolymsk",
  "Russia Time Zone 11": "Asia/Kamchatka",
  // Oceania
  "Cen. Australia Standard Time": "Australia/Adelaide",
  "AUS Central Standard Time": "Australia/Darwin",
  "Aus Central W. Standard Time": "Australia/Eucla",
  "E. Australia Standard Time": "Australia/Brisbane",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "Tasmania Standard Time": "Australia/Hobart",
  "Lord Howe Standard Time": "Australia/Lord_Howe",
  "West Pacific Standard Time": "Pacific/Port_Moresby",
  "Bougainville Standard Time": "Pacific/Bougainville",
  "Central Pacific Standard Time": "Pacific/Guadalcanal",
  "Norfolk Standard Time": "Pacific/Norfolk",
  "New Zealand Standard Time": "Pacific/Auckland",
  "Chatham Islands Standard Time": "Pacific/Chatham",
  "Fiji Standard Time": "Pacific/Fiji",
  "Tonga Standard Time": "Pacific/Tongatapu",
  "Samoa Standard Time": "Pacific/Apia",
  "Line Islands Standard Time": "Pacific/Kiritimati",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "Marquesas Standard Time": "Pacific/Marquesas",
  "Dateline Standard Time": "Etc/GMT+12",
  "UTC-11": "Etc/GMT+11",
  "UTC-09": "Etc/GMT+9",
  "UTC-08": "Etc/GMT+8",
  "UTC-02": "Etc/GMT+2",
  "UTC+12": "Etc/GMT-12",
  "UTC+13": "Etc/GMT-13",
  // The Americas
  "Aleutian Standard Time": "America/Adak",
  "Alaskan Standard Time": "America/Anchorage",
  "Pacific Standard Time": "America/Los_Angeles",
  "Pacific Standard Time (Mexico)": "America/Tijuana",
  "US Mountain Standard Time": "America/Phoenix",
  "Mountain Standard Time": "America/Denver",
  "Mountain Standard Time (Mexico)": "America/Mazatlan",
  "Yukon Standard Time": "America/Whitehorse",
  "Central America Standard Time": "America/Guatemala",
  "Central Standard Time": "America/Chicago",
  "Central Standard Time (Mexico)": "America/Mexico_City",
  "Canada Central Standard Time": "America/Regina",
  "Easter Island Standard Time": "Pacific/Easter",
  "SA Pacific Standard Time": "America/Bogota",
  "Eastern Standard Time": "America/New_York",
  "Eastern Standard Time (Mexico)": "America/Cancun",
  "US Eastern Standard Time": "America/Indianapolis",
  "Haiti Standard Time": "America/Port-au-Prince",
  "Cuba Standard Time": "America/Havana",
  "Turks And Caicos Standard Time": "America/Grand_Turk",
  "Venezuela Standard Time": "America/Caracas",
  "Paraguay Standard Time": "America/Asuncion",
  "Atlantic Standard Time": "America/Halifax",
  "Central Brazilian Standard Time": "America/Cuiaba",
  "SA Western Standard Time": "America/La_Paz",
  "Pacific SA Standard Time": "America/Santiago",
  "Newfoundland Standard Time": "America/St_Johns",
  "Tocantins Standard Time": "America/Araguaina",
  "E. South America Standard Time": "America/Sao_Paulo",
  "SA Eastern Standard Time": "America/Cayenne",
  "Argentina Standard Time": "America/Buenos_Aires",
  "Greenland Standard Time": "America/Godthab",
  "Montevideo Standard Time": "America/Montevideo",
  "Magallanes Standard Time": "America/Punta_Arenas",
  "Saint Pierre Standard Time": "America/Miquelon",
  "Bahia Standard Time": "America/Bahia",
};

/**
 * CLDR's per-territory entries for the Windows zones Nordic and other European users have: the
 * same rules as the "001" zone, but the name people expect ("Europe/Stockholm", not "Europe/Berlin").
 */
const BY_TERRITORY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "w. europe standard time": {
    SE: "Europe/Stockholm",
    NO: "Europe/Oslo",
    DK: "Europe/Copenhagen",
    DE: "Europe/Berlin",
    NL: "Europe/Amsterdam",
    AT: "Europe/Vienna",
    CH: "Europe/Zurich",
    IT: "Europe/Rome",
  },
  "fle standard time": {
    FI: "Europe/Helsinki",
    EE: "Europe/Tallinn",
    LV: "Europe/Riga",
    LT: "Europe/Vilnius",
    UA: "Europe/Kiev",
    AX: "Europe/Mariehamn",
  },
  "gmt standard time": { GB: "Europe/London", IE: "Europe/Dublin", PT: "Europe/Lisbon" },
  "romance standard time": {
    FR: "Europe/Paris",
    BE: "Europe/Brussels",
    ES: "Europe/Madrid",
    DK: "Europe/Copenhagen",
  },
  "central european standard time": { PL: "Europe/Warsaw" },
  "greenwich standard time": { IS: "Atlantic/Reykjavik" },
};

const BY_LOWER = new Map(Object.entries(WINDOWS_TO_IANA).map(([k, v]) => [k.toLowerCase(), v]));

export interface IanaZone {
  /** The IANA name, or Graph's own name when it is not known. */
  readonly timeZone: string;
  /** True when the name could not be mapped and was kept as Graph gave it. */
  readonly unknown: boolean;
}

function isIana(name: string): boolean {
  if (!name.includes("/")) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * "W. Europe Standard Time" → "Europe/Berlin" ("Europe/Stockholm" with territory "SE"); an IANA
 * name passes through; an unknown name is kept and flagged.
 */
export function windowsToIana(name: string | undefined | null, territory?: string): IanaZone {
  const text = (name ?? "").trim();
  if (text === "") return { timeZone: "Etc/UTC", unknown: true };
  const local = territory ? BY_TERRITORY[text.toLowerCase()]?.[territory.toUpperCase()] : undefined;
  if (local) return { timeZone: local, unknown: false };
  const mapped = BY_LOWER.get(text.toLowerCase());
  if (mapped) return { timeZone: mapped, unknown: false };
  if (isIana(text)) return { timeZone: text, unknown: false };
  return { timeZone: text, unknown: true };
}
