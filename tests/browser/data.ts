// What the browser tests' database holds beyond the generated demo region.
import type { JobRow } from "../../worker/src/db/rows.ts";

export const TEST_JOBS = 120;
export const TEST_TODAY = new Date();

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
