/**
 * Employers' career feeds and a town calendar, one of each kind the importer reads, written by us from the
 * formats in shared/docs/job-sources.md with fictional employers. `npm start` serves them under
 * /dev/fixtures/feeds/ (routes/dev/dev-fixtures.ts) as its demo sources; the tests import them through the same
 * adapters. One of each kind also carries what hostile feeds send: script in titles and descriptions,
 * `javascript:` links, tracking pixels, inline styles.
 */

/** Employers of the demo feeds; the demo seed adds them (scripts/local-db.ts). */
export const FEED_EMPLOYERS = [
  {
    id: "ruhrquell-kunststofftechnik",
    name: "Ruhrquell Kunststofftechnik GmbH",
    town_id: "meschede",
    industry: "Kunststoff",
  },
  { id: "fichtenhang-software", name: "Fichtenhang Software AG", town_id: "brilon", industry: "Software" },
  {
    id: "kreiskliniken-ostsauerland",
    name: "Kreiskliniken Ostsauerland gGmbH",
    town_id: "marsberg",
    industry: "Gesundheit",
  },
  {
    id: "hennesee-hotel-tagungshaus",
    name: "Hennesee Hotel & Tagungshaus GmbH",
    town_id: "meschede",
    industry: "Hotellerie",
  },
  {
    id: "lennetal-metallbau",
    name: "Lennetal Metallbau GmbH & Co. KG",
    town_id: "schmallenberg",
    industry: "Metallbau",
  },
  { id: "rothaarsteig-logistik", name: "Rothaarsteig Logistik GmbH", town_id: "winterberg", industry: "Logistik" },
  {
    id: "sauerlaender-elektroanlagen",
    name: "Sauerländer Elektroanlagen GmbH",
    town_id: "arnsberg",
    industry: "Elektro",
  },
] as const;

export const PERSONIO_XML = `<?xml version="1.0" encoding="UTF-8"?>
<workzag-jobs>
  <position>
    <id>1184301</id>
    <subcompany>Ruhrquell Kunststofftechnik GmbH</subcompany>
    <office>Meschede</office>
    <department>Produktion</department>
    <recruitingCategory>Technik</recruitingCategory>
    <name>Industriemechaniker (m/w/d) im Schichtbetrieb</name>
    <jobDescriptions>
      <jobDescription>
        <name>Deine Aufgaben</name>
        <value><![CDATA[<ul><li>Instandhaltung unserer Spritzgießanlagen</li><li>Rüsten &amp; Einstellen der Werkzeuge</li></ul>]]></value>
      </jobDescription>
      <jobDescription>
        <name>Dein Profil</name>
        <value><![CDATA[<p>Abgeschlossene Ausbildung als <strong>Industriemechaniker</strong>, Bereitschaft zur Schichtarbeit.</p>]]></value>
      </jobDescription>
    </jobDescriptions>
    <employmentType>permanent</employmentType>
    <seniority>experienced</seniority>
    <schedule>full-time</schedule>
    <yearsOfExperience>2-5</yearsOfExperience>
    <occupation>production</occupation>
    <occupationCategory>manufacturing</occupationCategory>
    <createdAt>2026-11-12T09:30:00+00:00</createdAt>
  </position>
  <position>
    <id>1184302</id>
    <subcompany>Ruhrquell Kunststofftechnik GmbH</subcompany>
    <office>Berlin</office>
    <additionalOffices><office>Arnsberg</office></additionalOffices>
    <department>Vertrieb</department>
    <name>Vertriebsinnendienst (m/w/d) &lt;script&gt;alert(1)&lt;/script&gt;</name>
    <jobDescriptions>
      <jobDescription>
        <name>Über die Stelle</name>
        <value><![CDATA[<p onclick="steal()" style="color:red">Angebote erstellen, Kunden betreuen.</p><img src="https://tracker.example/pixel.gif"><script>document.cookie</script><p><a href="javascript:alert(1)">Mehr</a> · <a href="https://ruhrquell.example/karriere">Karriereseite</a></p><iframe src="https://evil.example"></iframe>]]></value>
      </jobDescription>
    </jobDescriptions>
    <employmentType>permanent</employmentType>
    <schedule>full-or-part-time</schedule>
    <createdAt>2026-11-20T08:00:00+00:00</createdAt>
  </position>
  <position>
    <id>1184303</id>
    <office>Berlin</office>
    <name>Key Account Manager (m/w/d) Berlin</name>
    <employmentType>permanent</employmentType>
    <schedule>full-time</schedule>
    <createdAt>2026-11-21T08:00:00+00:00</createdAt>
  </position>
</workzag-jobs>
`;

/** softgarden's schema.org DataFeed of JobPostings. */
export const SOFTGARDEN_JSON = JSON.stringify({
  "@context": "https://schema.org",
  "@type": "DataFeed",
  numberOfItems: 2,
  dataFeedElement: [
    {
      "@type": "DataFeedItem",
      item: {
        "@type": "JobPosting",
        identifier: { "@type": "PropertyValue", name: "softgarden", value: "48211" },
        title: "Gesundheits- und Krankenpfleger (m/w/d) Intensivstation",
        datePosted: "2026-11-18",
        validThrough: "2027-02-28T23:59:59+01:00",
        employmentType: ["FULL_TIME", "PART_TIME"],
        description:
          "<p>Für unsere <em>Intensivstation</em> in Marsberg suchen wir Verstärkung.</p><ul><li>Tarif TVöD</li><li>Dienstplan mit Wunschfrei</li></ul>",
        hiringOrganization: { "@type": "Organization", name: "Kreiskliniken Ostsauerland gGmbH" },
        jobLocation: {
          "@type": "Place",
          address: { "@type": "PostalAddress", postalCode: "34431", addressLocality: "Marsberg", addressCountry: "DE" },
        },
        url: "https://kreiskliniken-ostsauerland.career.softgarden.de/job/48211",
      },
    },
    {
      "@type": "DataFeedItem",
      item: {
        "@type": "JobPosting",
        identifier: { "@type": "PropertyValue", value: "48212" },
        title: "Ausbildung Pflegefachfrau/-mann 2027",
        datePosted: "2026-11-02",
        employmentType: "OTHER",
        description: "<p>Drei Jahre Ausbildung mit Übernahmegarantie.</p>",
        jobLocation: [{ "@type": "Place", address: { postalCode: "59929", addressLocality: "Brilon" } }],
        url: "https://kreiskliniken-ostsauerland.career.softgarden.de/job/48212",
      },
    },
  ],
});

/** d.vinci's list.json: a bare array with the HTML in sections. */
export const DVINCI_JSON = JSON.stringify([
  {
    id: 7731,
    language: "de",
    position: "Fachkraft für Lagerlogistik (m/w/d)",
    jobPublicationURL: "https://rothaarsteig-logistik.dvinci-hr.com/jobs/7731",
    applicationFormURL: "https://rothaarsteig-logistik.dvinci-hr.com/jobs/7731/apply",
    startDate: "2026-11-15",
    endDate: "2027-01-31",
    introduction: "<p>Wir wachsen in Winterberg.</p>",
    tasks: "<ul><li>Wareneingang und Kommissionierung</li><li>Staplerfahren</li></ul>",
    profile: "<p>Staplerschein von Vorteil.</p>",
    weOffer: "<p>Zuschläge für Früh- und Spätschicht.</p>",
    jobOpening: {
      reference: "LOG-7731",
      workingTimes: [{ name: "Vollzeit" }],
      locations: [{ name: "Winterberg", address: { zipCode: "59955", city: "Winterberg", country: "DE" } }],
      contractPeriod: { name: "unbefristet" },
    },
  },
  {
    id: 7732,
    position: "Berufskraftfahrer CE (m/w/d) Nahverkehr",
    jobPublicationURL: "https://rothaarsteig-logistik.dvinci-hr.com/jobs/7732",
    startDate: "2026-11-25",
    tasks: "<p>Touren im Sauerland, abends zu Hause.</p>",
    jobOpening: {
      workingTimes: [{ name: "Vollzeit" }, { name: "Teilzeit" }],
      locations: [{ name: "Medebach", address: { zipCode: "59964", city: "Medebach" } }],
    },
  },
]);

/** Recruitee's /api/offers/. */
export const RECRUITEE_JSON = JSON.stringify({
  offers: [
    {
      id: 991201,
      slug: "servicekraft-restaurant",
      title: "Servicekraft (m/w/d) Restaurant am See",
      description: "<p>Gastgeber sein mit Blick auf den Hennesee.</p>",
      requirements: "<ul><li>Freundlichkeit</li><li>Wochenendarbeit</li></ul>",
      city: "Meschede",
      country: "Germany",
      remote: false,
      department: "Gastronomie",
      careers_url: "https://hennesee.recruitee.com/o/servicekraft-restaurant",
      careers_apply_url: "https://hennesee.recruitee.com/o/servicekraft-restaurant/c/new",
      published_at: "2026-11-19 10:00:00 UTC",
      employment_type_code: "part_time",
      status: "published",
    },
    {
      id: 991202,
      slug: "koch",
      title: "Koch / Köchin (m/w/d)",
      description: "<p>Regionale Küche, frische Zutaten.</p>",
      city: "Meschede",
      remote: false,
      careers_url: "https://hennesee.recruitee.com/o/koch",
      published_at: "2026-11-10 08:00:00 UTC",
      employment_type_code: "fulltime",
      status: "published",
    },
  ],
});

/** Greenhouse's board API with ?content=true: the content HTML-escaped. */
export const GREENHOUSE_JSON = JSON.stringify({
  jobs: [
    {
      id: 4401001,
      internal_job_id: 3301,
      title: "Senior Softwareentwickler (m/w/d) TypeScript",
      company_name: "Fichtenhang Software AG",
      absolute_url: "https://boards.greenhouse.io/fichtenhang/jobs/4401001",
      updated_at: "2026-11-28T10:00:00-05:00",
      first_published: "2026-11-03T09:00:00-05:00",
      location: { name: "Brilon, Nordrhein-Westfalen, Germany" },
      metadata: [{ name: "Arbeitsmodell", value: "Hybrid" }],
      content:
        "&lt;p&gt;Du baust mit uns &lt;strong&gt;Software für Kommunen&lt;/strong&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;ul&gt;&lt;li&gt;2 Tage Büro in Brilon&lt;/li&gt;&lt;/ul&gt;",
      departments: [{ name: "Engineering" }],
    },
    {
      id: 4401002,
      title: "Werkstudent (m/w/d) Softwaretest",
      company_name: "Fichtenhang Software AG",
      absolute_url: "https://boards.greenhouse.io/fichtenhang/jobs/4401002",
      first_published: "2026-11-20T09:00:00-05:00",
      location: { name: "Remote (Deutschland)" },
      content: "&lt;p&gt;15–20 Stunden pro Woche, flexibel.&lt;/p&gt;",
    },
  ],
  meta: { total: 2 },
});

/** Lever's postings API (?mode=json): a bare array, createdAt in epoch milliseconds. */
export const LEVER_JSON = JSON.stringify([
  {
    id: "b8f2c1a0-0001-4c1e-9a00-000000000001",
    text: "Metallbauer (m/w/d) Konstruktionstechnik",
    categories: { location: "Schmallenberg", commitment: "Vollzeit", team: "Werkstatt" },
    country: "DE",
    createdAt: 1_763_366_400_000,
    description:
      "<div>Stahl- und Geländerbau für Kunden in der Region.</div><div><br></div><div>Fester Arbeitsplatz, keine Montage.</div>",
    lists: [{ text: "Das bringst du mit", content: "<li>Ausbildung im Metallbau</li><li>Führerschein B</li>" }],
    hostedUrl: "https://jobs.lever.co/lennetal/b8f2c1a0-0001",
    applyUrl: "https://jobs.lever.co/lennetal/b8f2c1a0-0001/apply",
    workplaceType: "on-site",
  },
]);

/** A career page with no JSON-LD of its own, linking to job pages whose JSON-LD is written every which way. */
export const CAREER_PAGE_HTML = `<!doctype html><html lang="de"><head><title>Karriere – Sauerländer Elektroanlagen</title></head>
<body><h1>Karriere</h1><ul>
<li><a href="/dev/fixtures/feeds/karriere/elektroniker">Elektroniker (m/w/d)</a></li>
<li><a href="karriere/azubi">Ausbildung</a></li>
<li><a href="https://elsewhere.example/job/1">Partnerstelle (anderer Host: nicht gefolgt)</a></li>
<li><a href="javascript:void(0)">Newsletter</a></li>
</ul></body></html>`;

export const CAREER_JOB_PAGES: Record<string, string> = {
  elektroniker: `<!doctype html><html><head>
<script type="application/ld+json">{ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [] }</script>
<script type="application/ld+json">{ "@context": "https://schema.org", "@graph": [
  { "@type": "Organization", "name": "Sauerländer Elektroanlagen GmbH" },
  { "@type": ["JobPosting"], "title": "Elektroniker für Energie- und Gebäudetechnik (m/w/d)",
    "identifier": { "@type": "PropertyValue", "value": "EL-17" },
    "datePosted": "2026-11-14", "employmentType": "FULL_TIME",
    "description": "&lt;p&gt;Installationen in Neubauten rund um Arnsberg.&lt;/p&gt;",
    "jobLocation": { "@type": "Place", "address": { "postalCode": "59821", "addressLocality": "Arnsberg" } } }
]}</script>
<script type="application/ld+json">{ "broken": true, }</script>
</head><body><h1>Elektroniker</h1></body></html>`,
  azubi: `<!doctype html><html><head>
<script type="application/ld+json">[{ "@context": "https://schema.org", "@type": "JobPosting",
  "title": "Ausbildung Elektroniker für Betriebstechnik (m/w/d) 2027",
  "datePosted": "2026-10-01", "validThrough": "2027-08-01",
  "employmentType": ["OTHER"],
  "description": "<p>Start am 1. August 2027 in Arnsberg-Neheim.</p>",
  "jobLocation": [{ "@type": "Place", "address": { "postalCode": "59755", "addressLocality": "Arnsberg" } }],
  "url": "https://sauerlaender-elektro.example/karriere/azubi" }]</script>
</head><body></body></html>`,
};

/** A demo town calendar: the returnees' Stammtisch every month, a fair, an all-day event. */
export const DEMO_CALENDAR_ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Stadt Brilon (Demo, fiktiv)//Veranstaltungen//DE",
  "BEGIN:VEVENT",
  "UID:demo-stammtisch@brilon.example",
  "DTSTAMP:20261201T000000Z",
  "DTSTART;TZID=Europe/Berlin:20260108T190000",
  "DTEND;TZID=Europe/Berlin:20260108T213000",
  // Open-ended, so the demo has Brilon's Stammtisch whatever the day (the seed leaves Brilon's to this feed).
  "RRULE:FREQ=MONTHLY;BYDAY=2TH",
  "SUMMARY:Rückkehrer-Stammtisch Brilon",
  "LOCATION:Brauhaus am Markt\\, Marktplatz 3",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:demo-messe@brilon.example",
  "DTSTAMP:20261201T000000Z",
  "DTSTART;TZID=W. Europe Standard Time:20270320T100000",
  "DTEND;TZID=W. Europe Standard Time:20270320T160000",
  "SUMMARY:Ausbildungs- und Jobmesse Brilon",
  "LOCATION:Stadthalle",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:demo-schnade@brilon.example",
  "DTSTAMP:20261201T000000Z",
  "DTSTART;VALUE=DATE:20270701",
  "DTEND;VALUE=DATE:20270703",
  "SUMMARY:Schnadezug (Stadtfest)",
  "LOCATION:Innenstadt",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** What the demo serves at /dev/fixtures/feeds/NAME. */
export const FEED_FILES: Record<string, { type: string; body: string }> = {
  "personio.xml": { type: "application/xml", body: PERSONIO_XML },
  "softgarden.json": { type: "application/json", body: SOFTGARDEN_JSON },
  "dvinci.json": { type: "application/json", body: DVINCI_JSON },
  "recruitee.json": { type: "application/json", body: RECRUITEE_JSON },
  "greenhouse.json": { type: "application/json", body: GREENHOUSE_JSON },
  "lever.json": { type: "application/json", body: LEVER_JSON },
  karriere: { type: "text/html; charset=utf-8", body: CAREER_PAGE_HTML },
  "karriere/elektroniker": { type: "text/html; charset=utf-8", body: CAREER_JOB_PAGES.elektroniker ?? "" },
  "karriere/azubi": { type: "text/html; charset=utf-8", body: CAREER_JOB_PAGES.azubi ?? "" },
  "kalender.ics": { type: "text/calendar", body: DEMO_CALENDAR_ICS },
  // The broken demo source: a feed address that answers with an HTML page, as an ATS does for a board
  // that was switched off.
  "abgeschaltet.xml": {
    type: "text/html; charset=utf-8",
    body: "<!doctype html><html><body><h1>Seite nicht gefunden</h1></body></html>",
  },
};
