// Swedish mail for the seeded mailboxes: short, realistic, a little bureaucratic at times (the
// tone rules should have something to find).

export interface Question {
  readonly subject: string;
  /** HTML paragraphs of the question; {first} is the sender's given name. */
  readonly body: readonly string[];
  /** The staff member's answer (plain sentences, without greeting and signature). */
  readonly answer: readonly string[];
}

export const questions: Record<string, readonly Question[]> = {
  member: [
    {
      subject: "Fråga om medlemsavgift",
      body: [
        "Hej!",
        "Jag har fått en faktura på medlemsavgiften för mars, men jag gick ner till 75 % i januari. Borde inte avgiften bli lägre då?",
        "Tacksam för svar.",
      ],
      answer: [
        "Tack för att du hör av dig. Avgiften räknas på din lön, så när du går ner i tid ska den sänkas.",
        "Jag har ändrat din avgift från och med januari. Det du har betalat för mycket dras av på nästa faktura.",
      ],
    },
    {
      subject: "Hur ansöker jag om inkomstförsäkring?",
      body: [
        "Hej,",
        "jag blev uppsagd på grund av arbetsbrist förra veckan. Hur gör jag för att få ersättning från inkomstförsäkringen? Måste jag vara inskriven på Arbetsförmedlingen först?",
      ],
      answer: [
        "Tråkigt att höra att du har blivit uppsagd. Ja, skriv in dig på Arbetsförmedlingen första dagen utan arbete och ansök sedan hos a-kassan.",
        "När du har fått beslut från a-kassan ansöker du om inkomstförsäkringen på Mina sidor. Ring mig gärna om du vill gå igenom det tillsammans.",
      ],
    },
    {
      subject: "Intyg om medlemskap",
      body: [
        "Hej!",
        "Jag behöver ett intyg på att jag har varit medlem sedan 2019, till en bank. Kan ni skicka ett sådant?",
        "Hälsningar",
      ],
      answer: [
        "Självklart. Jag har bifogat ett intyg om ditt medlemskap. Säg till om banken behöver något mer.",
      ],
    },
    {
      subject: "Semesterlön under föräldraledighet",
      body: [
        "Hej NVK,",
        "jag ska vara föräldraledig i sex månader i höst. Tjänar jag in semester under tiden, och hur räknas semesterlönen?",
      ],
      answer: [
        "Ja, föräldraledighet är semesterlönegrundande i upp till 120 dagar per barn (180 dagar för ensamstående).",
        "Dagar utöver det ger semesterdagar men inte semesterlön. Jag skickar gärna en uträkning om du berättar hur du planerar ledigheten.",
      ],
    },
    {
      subject: "Utträde ur förbundet",
      body: [
        "Hej,",
        "jag går i pension den 30 juni och vill avsluta mitt medlemskap från och med juli. Vad behöver jag göra?",
      ],
      answer: [
        "Tack för dina år som medlem! Du kan bli pensionärsmedlem till en lägre avgift om du vill behålla kontakten.",
        "Vill du hellre gå ur helt avslutar jag medlemskapet den 30 juni. Svara bara på det här mejlet med vad du väljer.",
      ],
    },
    {
      subject: "Arbetsmiljön på min arbetsplats",
      body: [
        "Hej,",
        "vi är för få på avdelningen sedan i våras och flera är sjukskrivna. Chefen säger att det inte finns pengar. Vad kan jag göra?",
        "Jag vill helst inte att mitt namn kommer fram.",
      ],
      answer: [
        "Det du beskriver är en arbetsmiljöfråga som arbetsgivaren är skyldig att utreda. Ditt namn behöver inte komma fram.",
        "Jag föreslår att vi tar kontakt med skyddsombudet på din arbetsplats. Passar det med ett samtal på torsdag?",
      ],
    },
    {
      subject: "Adressändring",
      body: [
        "Hej!",
        "Jag har flyttat och min nya adress är Storgatan 12, 753 20 Uppsala.",
        "Mitt personnummer är 19121212-1212 om ni behöver det för att hitta mig.",
      ],
      answer: [
        "Tack, jag har uppdaterat din adress. Tänk på att inte skicka personnummer i mejl – det räcker med namn och medlemsnummer nästa gång.",
      ],
    },
    {
      subject: "Medlemskap under studietiden?",
      body: [
        "Hej,",
        "jag läser sista terminen på socionomprogrammet. Kan jag bli studentmedlem, och vad kostar det?",
      ],
      answer: [
        "Välkommen! Studentmedlemskapet är gratis under studietiden och du kan ansöka direkt på vår webbplats.",
      ],
    },
  ],
  negotiation: [
    {
      subject: "Lönesamtal nästa vecka – behöver råd",
      body: [
        "Hej!",
        "Jag har lönesamtal på tisdag och vet inte vad jag ska begära. Finns det statistik för min yrkesgrupp i regionen?",
      ],
      answer: [
        "Bra att du förbereder dig. Jag har tagit fram lönestatistik för din yrkesgrupp och region och bifogar den.",
        "Gå gärna igenom dina resultat från året innan samtalet. Hör av dig efteråt och berätta hur det gick.",
      ],
    },
    {
      subject: "Uppsägning under provanställning",
      body: [
        "Hej,",
        "min arbetsgivare vill avbryta min provanställning efter fyra månader utan att säga varför. Får de göra så?",
      ],
      answer: [
        "En provanställning kan avbrytas utan saklig grund, men arbetsgivaren ska underrätta dig minst två veckor i förväg och facket ska varslas.",
        "Jag kontaktar din arbetsgivare och frågar om varslet. Vi hörs senast på fredag.",
      ],
    },
    {
      subject: "OB-tillägg enligt kollektivavtalet",
      body: [
        "Hej,",
        "jag jobbar ofta kvällar men har inte fått OB-tillägg sedan i februari. Vilka regler gäller enligt avtalet?",
      ],
      answer: [
        "I enlighet med kollektivavtalet utgår OB-tillägg för arbete mellan 19.00 och 07.00 på vardagar.",
        "Vänligen inkom med dina lönespecifikationer från februari och framåt så att vi kan erhålla underlag för en begäran om rättelse.",
      ],
    },
    {
      subject: "Rehabilitering efter sjukskrivning",
      body: [
        "Hej,",
        "jag har varit sjukskriven i tre månader och ska börja arbeta igen. Arbetsgivaren har inte gjort någon rehabiliteringsplan. Ska de inte det?",
      ],
      answer: [
        "Jo, arbetsgivaren ska ta fram en plan för återgång i arbete när en sjukskrivning väntas pågå längre än 60 dagar.",
        "Jag kan följa med dig på mötet med din chef. Vilka dagar passar dig?",
      ],
    },
  ],
  finance: [
    {
      subject: "Faktura 2024-0871 – fel belopp?",
      body: [
        "Hej,",
        "fakturan för kursavgiften är på 4 500 kr, men på webbplatsen stod det 3 900 kr för medlemmar. Kan ni kontrollera?",
      ],
      answer: ["Du har rätt, fakturan blev fel. Jag har krediterat den och skickat en ny på 3 900 kr."],
    },
    {
      subject: "Återbetalning av dubbeldragen avgift",
      body: [
        "Hej!",
        "Medlemsavgiften drogs två gånger från mitt konto i april. Kan jag få tillbaka det ena beloppet?",
      ],
      answer: [
        "Ursäkta besväret! Den dubbla dragningen betalas tillbaka till ditt konto inom fem bankdagar.",
      ],
    },
    {
      subject: "Fråga om reseersättning för förtroendevalda",
      body: [
        "Hej,",
        "jag åkte till styrelsemötet i Stockholm med egen bil. Vilken blankett ska jag använda för att få ersättning?",
      ],
      answer: [
        "Du redovisar resan i reseräkningen på Mina sidor. Ersättningen är 25 kronor per mil enligt förbundets reseregler.",
      ],
    },
  ],
  press: [
    {
      subject: "Förfrågan om kommentar – lönestatistik",
      body: [
        "Hej,",
        "jag är reporter på en lokaltidning och skriver om löneutvecklingen i kommunerna. Kan någon från NVK ställa upp på en kort intervju i morgon?",
      ],
      answer: [
        "Tack för förfrågan. Vår förhandlingschef kan ställa upp på en telefonintervju i morgon mellan 10 och 12.",
      ],
    },
    {
      subject: "Bilder till artikel",
      body: [
        "Hej!",
        "Får vi använda bilderna från er konferens i våras i ett reportage? Vem ska vi i så fall ange som fotograf?",
      ],
      answer: [
        "Ja, bilderna får användas med fotografens namn, som står i filnamnet. Länk till bildbanken finns på vår webbplats.",
      ],
    },
  ],
  public: [
    {
      subject: "Föreläsning om arbetsrätt",
      body: [
        "Hej,",
        "vi är en studieförening som skulle vilja bjuda in någon från er att föreläsa om arbetsrätt under hösten. Är det möjligt?",
      ],
      answer: ["Vad roligt att ni hörde av er! Skicka förslag på datum så återkommer jag med en föreläsare."],
    },
    {
      subject: "Intervju till uppsats",
      body: [
        "Hej!",
        "Jag skriver en C-uppsats om fackets roll vid omorganisationer och skulle gärna intervjua någon hos er i 30 minuter.",
      ],
      answer: [
        "Det ställer vi gärna upp på. Jag föreslår en digital intervju nästa vecka, skicka några tider som passar dig.",
      ],
    },
  ],
  misdirected: [
    {
      subject: "Fel på fakturan för medlemsavgiften",
      body: [
        "Hej,",
        "jag hittade er adress på webbplatsen. Min faktura för medlemsavgiften har fel OCR-nummer och banken godkänner den inte. Vem kan hjälpa mig?",
      ],
      answer: [
        "Tack för ditt mejl. Fakturafrågor hanteras av vår ekonomienhet, så jag har skickat vidare ditt ärende till dem.",
      ],
    },
  ],
};

/** Sent-items answers sometimes use the jargon the tone rules flag. */
export const jargonAnswers: readonly string[] = [
  "Vi har erhållit ditt ärende och kommer att handlägga detta i enlighet med gällande rutiner.",
  "Du ombeds inkomma med kompletterande handlingar snarast möjligt.",
  "Med anledning av ovanstående vill vi härmed meddela att ärendet är under beredning.",
];

export interface Newsletter {
  readonly name: string;
  readonly address: string;
  readonly subject: string;
  readonly body: string;
}

export const newsletters: readonly Newsletter[] = [
  {
    name: "Arbetsrättsbloggen",
    address: "nyhetsbrev@arbetsrattsbloggen.se",
    subject: "Veckans domar från Arbetsdomstolen",
    body: "<p>Veckans urval: tre domar om uppsägning och en om föreningsrätt. Läs mer på webbplatsen.</p><p>Avsluta prenumerationen</p>",
  },
  {
    name: "Medlemsportalen",
    address: "noreply@medlemsportalen.nvk.se",
    subject: "Ny ansökan om medlemskap har inkommit",
    body: "<p>En ny ansökan om medlemskap väntar på handläggning i medlemsportalen.</p><p>Detta meddelande kan inte besvaras.</p>",
  },
  {
    name: "SharePoint Online",
    address: "no-reply@sharepointonline.com",
    subject: "Verksamhetsplan 2026 har delats med dig",
    body: "<p>Dokumentet <b>Verksamhetsplan 2026</b> har delats med dig. Öppna det i SharePoint.</p>",
  },
  {
    name: "Microsoft Teams",
    address: "noreply@email.teams.microsoft.com",
    subject: "Du har missat aktivitet i Teams",
    body: "<p>Du har 3 olästa meddelanden i kanalen <b>Allmänt</b>.</p>",
  },
  {
    name: "Personaltidningen",
    address: "redaktionen@personaltidningen-nyheter.se",
    subject: "Nyhetsbrev: lönerörelsen, arbetsmiljö och kalendarium",
    body: "<p>I detta nummer: avtalsrörelsen går in i slutskedet, nya föreskrifter om organisatorisk arbetsmiljö och höstens utbildningar.</p>",
  },
];

export const internalNotes: readonly { subject: string; body: string }[] = [
  {
    subject: "Underlag till styrelsemötet",
    body: "<p>Hej!</p><p>Kan du skicka ditt underlag till styrelsemötet senast på torsdag? Det räcker med en halv sida.</p>",
  },
  {
    subject: "Kan du ta över ett ärende?",
    body: "<p>Hej,</p><p>jag är borta nästa vecka. Kan du ta över ärendet om arbetstider i Region Norr? Anteckningarna ligger i ärendesystemet.</p>",
  },
  {
    subject: "Lunch på fredag?",
    body: "<p>Hej! Några av oss går till thairestaurangen på fredag kl. 11.30. Hänger du med?</p>",
  },
  {
    subject: "Synpunkter på nya rutinen för mejl",
    body: "<p>Hej,</p><p>här är utkastet till den nya rutinen för bemötande i mejl. Lämna gärna synpunkter senast den 15:e.</p>",
  },
  {
    subject: "Statistik till veckorapporten",
    body: "<p>Hej,</p><p>kan du ta fram antalet inkomna ärenden per vecka för förra månaden?</p>",
  },
];

export const meetingSubjects: readonly string[] = [
  "Enhetsmöte",
  "Arbetsplatsträff (APT)",
  "Planeringsdag inför hösten",
  "Avstämning medlemsärenden",
];

/** Swedish Outlook's prefixes for meeting responses. */
export const meetingResponses: readonly { prefix: string; text: string }[] = [
  { prefix: "Accepterat", text: "" },
  { prefix: "Accepterat", text: "<p>Jag kommer!</p>" },
  { prefix: "Preliminärt", text: "<p>Jag kan bli lite sen.</p>" },
  { prefix: "Avböjt", text: "<p>Tyvärr krockar det med en förhandling.</p>" },
];

export const autoReplyTexts: readonly string[] = [
  "<p>Tack för ditt mejl. Jag är på semester till och med den 14:e och läser inte min e-post. Vid brådskande ärenden, ring växeln.</p>",
  "<p>Hej! Jag är föräldraledig och kommer inte att läsa mejl. Ditt meddelande vidarebefordras inte.</p>",
  "<p>Jag är på tjänsteresa och har begränsad tillgång till e-post. Jag svarar så snart jag kan.</p>",
];
