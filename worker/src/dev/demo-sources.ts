/**
 * The demo's import sources, one of each kind and one that is broken on purpose, pointing at the fixtures
 * the worker serves itself in development (routes/dev/dev-fixtures.ts). `npm start` registers them through the
 * admin API (scripts/start.ts) with the running server's origin, and `npm run import` runs them.
 */
import type { SourceInput } from "../../../shared/schemas/sources.ts";

type DemoSource = Omit<SourceInput, "url" | "every_minutes"> & { path: string };

export const DEMO_SOURCES: DemoSource[] = [
  { id: "jobboerse", kind: "ba_jobsuche", name: "Jobbörse der Bundesagentur (Demo)", path: "/dev/fixtures/ba/demo" },
  {
    id: "ruhrquell-personio",
    kind: "personio_xml",
    name: "Ruhrquell Kunststofftechnik (Personio)",
    employer: "ruhrquell-kunststofftechnik",
    path: "/dev/fixtures/feeds/personio.xml",
  },
  {
    id: "kreiskliniken-softgarden",
    kind: "softgarden_feed",
    name: "Kreiskliniken Ostsauerland (softgarden)",
    employer: "kreiskliniken-ostsauerland",
    path: "/dev/fixtures/feeds/softgarden.json",
  },
  {
    id: "rothaarsteig-dvinci",
    kind: "dvinci_json",
    name: "Rothaarsteig Logistik (d.vinci)",
    employer: "rothaarsteig-logistik",
    path: "/dev/fixtures/feeds/dvinci.json",
  },
  {
    id: "hennesee-recruitee",
    kind: "recruitee_json",
    name: "Hennesee Hotel (Recruitee)",
    employer: "hennesee-hotel-tagungshaus",
    path: "/dev/fixtures/feeds/recruitee.json",
  },
  {
    id: "fichtenhang-greenhouse",
    kind: "greenhouse_json",
    name: "Fichtenhang Software (Greenhouse)",
    employer: "fichtenhang-software",
    path: "/dev/fixtures/feeds/greenhouse.json",
  },
  {
    id: "lennetal-lever",
    kind: "lever_json",
    name: "Lennetal Metallbau (Lever)",
    employer: "lennetal-metallbau",
    path: "/dev/fixtures/feeds/lever.json",
  },
  {
    id: "elektroanlagen-karriereseite",
    kind: "jsonld_page",
    name: "Sauerländer Elektroanlagen (Karriereseite)",
    employer: "sauerlaender-elektroanlagen",
    path: "/dev/fixtures/feeds/karriere",
  },
  {
    id: "brilon-kalender",
    kind: "ics",
    name: "Stadt Brilon (Veranstaltungskalender)",
    town: "brilon",
    default_kind: "leisure",
    path: "/dev/fixtures/feeds/kalender.ics",
  },
  {
    // Broken on purpose: the feed was switched off and its address answers with a web page.
    id: "abgeschalteter-feed",
    kind: "personio_xml",
    name: "Ein abgeschalteter Feed (Demo)",
    employer: "sauerlaender-elektroanlagen",
    path: "/dev/fixtures/feeds/abgeschaltet.xml",
  },
];
