// What the browser tests' database holds beyond the generated demo region.
import type { EventRow, JobRow } from "../../worker/src/db/rows.ts";

export const TEST_JOBS = 120;
export const TEST_TODAY = new Date();
// The console's staff in the browser tests' D1 (fictional addresses).
export const CONSOLE_ADMIN = "team@kreis-test.example";
export const CONSOLE_TOWN = "wifoe@brilon-test.example";

export const HOSTILE_JOB_ID = 990_001;
// Markup, a script end tag, a right-to-left override and 10,000 characters: all must arrive as inert text.
export const HOSTILE_TITLE = `<img src=x onerror="window.__pwned=1">Schreiner*in \u202Eevil</script><script>window.__pwned=2</script>${"W".repeat(10_000)}`;

export const HOSTILE_JOB = (employerId: string): JobRow => {
  const now = new Date();
  return {
    id: HOSTILE_JOB_ID,
    employer_id: employerId,
    town_id: "winterberg",
    title: HOSTILE_TITLE,
    description: "Ein Test mit <b>Markup</b>.",
    category: "crafts",
    employment: 1,
    remote: "onsite",
    salary_min: null,
    salary_max: null,
    apply_url: "javascript:window.__pwned=3",
    posted_at: new Date(now.getTime() - 60_000).toISOString(),
    valid_through: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    updated_at: now.toISOString(),
  };
};

// A busy day two months ahead (the 10th, in Brilon): more events than a day of the month grid shows, one
// of them with a description far longer than three lines.
export const BUSY_DAY = (() => {
  const d = new Date(Date.UTC(TEST_TODAY.getUTCFullYear(), TEST_TODAY.getUTCMonth() + 2, 10));
  return d.toISOString().slice(0, 10);
})();
export const LONG_DESCRIPTION = `${"Ein langer Tag voller Termine in Brilon. ".repeat(20)}Das Ende der Beschreibung.`;

export const BUSY_EVENTS = (firstId: number): EventRow[] =>
  (["fair", "workshop", "company_visit", "info_evening", "leisure"] as const).map((kind, i) => ({
    id: firstId + i,
    kind,
    town_id: "brilon",
    title: `Termin ${i + 1} am vollen Tag`,
    description: i === 0 ? LONG_DESCRIPTION : "Kurz.",
    venue: "Rathaus",
    address: "Am Markt 1, 59929 Brilon",
    organizer: "Stadt Brilon",
    url: null,
    // 09:00, 11:00 … UTC: the same Berlin day.
    starts_at: `${BUSY_DAY}T${String(8 + 2 * i).padStart(2, "0")}:00:00.000Z`,
    ends_at: `${BUSY_DAY}T${String(9 + 2 * i).padStart(2, "0")}:00:00.000Z`,
    updated_at: TEST_TODAY.toISOString(),
  }));
