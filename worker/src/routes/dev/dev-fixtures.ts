/**
 * `/dev/fixtures/…`: the demo's import sources, served by the worker itself so `npm start` imports end to
 * end without the internet: a Jobbörse stand-in (dev/ba-fixture.ts) and one feed of each kind
 * (dev/feeds.ts). Mounted under /dev, which answers 404 unless DEV.
 *
 * The Jobbörse's set is named in the path: `demo` (the demo's 120 jobs) or `n10000`, `n10000-c50` (5 %
 * changed), `n10000-r20` (2 % removed) for the import benchmark.
 */
import { Hono } from "hono";
import { type BaItem, baDetails, baItems, baSearch, type FixtureOptions } from "../../dev/ba-fixture.ts";
import { FEED_FILES } from "../../dev/feeds.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../lib/errors.ts";

export const devFixtures = new Hono<AppEnv>();

const DEMO_JOBS = 120;
const sets = new Map<string, BaItem[]>();

function itemsOf(set: string): BaItem[] {
  const known = sets.get(set);
  if (known) return known;
  const m = /^(?:demo|n(\d{1,6})(?:-c(\d{1,4}))?(?:-r(\d{1,4}))?)$/.exec(set);
  if (!m) throw new ApiError(404, "not_found");
  const options: FixtureOptions = {
    count: m[1] ? Number(m[1]) : DEMO_JOBS,
    changedPerMille: Number(m[2] ?? 0),
    removedPerMille: Number(m[3] ?? 0),
    extras: set === "demo",
  };
  const items = baItems(options);
  sets.set(set, items);
  return items;
}

devFixtures.get("/ba/:set/pc/v6/jobs", (c) => {
  if (c.req.header("X-API-Key") === undefined) return c.json({ message: "No API key" }, 403);
  return c.json(baSearch(itemsOf(c.req.param("set")), new URL(c.req.url).searchParams));
});

devFixtures.get("/ba/:set/pc/v4/jobdetails/:code", (c) => {
  const details = baDetails(itemsOf(c.req.param("set")), c.req.param("code"));
  return details ? c.json(details) : c.json({ message: "STELLENANGEBOT_NICHT_GEFUNDEN" }, 404);
});

devFixtures.get("/feeds/*", (c) => {
  const name = c.req.path.replace(/^.*?\/dev\/fixtures\/feeds\//, "");
  const file = FEED_FILES[name];
  if (!file) throw new ApiError(404, "not_found");
  return c.body(file.body, 200, { "Content-Type": file.type });
});
