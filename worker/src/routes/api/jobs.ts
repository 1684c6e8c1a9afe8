/** `GET /v1/jobs` (search with facets) and `GET /v1/jobs/:id`. */
import { Hono } from "hono";
import { decodeCursor, encodeCursor, idParamSchema } from "../../../../shared/schemas/common.ts";
import { JOB_INDEX_VERSION, type JobIndex } from "../../../../shared/schemas/job-index.ts";
import { effectiveJobSort, jobsQuerySchema } from "../../../../shared/schemas/jobs.ts";
import { ftsQuery } from "../../../../shared/search-text.ts";
import { employmentToBits } from "../../../../shared/taxonomy.ts";
import { townsWithin } from "../../../../shared/towns.ts";
import { getJob, listIndexJobs, searchJobs } from "../../db/jobs.ts";
import type { AppEnv } from "../../env.ts";
import { edgeCache, publicCache } from "../../lib/cache.ts";
import { ApiError } from "../../lib/errors.ts";
import { publicOrigin } from "../../lib/origin.ts";
import { validate } from "../../lib/validate.ts";
import { toFacets, toJob, toJobSummary } from "../../present/jobs.ts";

export const jobs = new Hono<AppEnv>();

jobs.get("/", publicCache(60), validate("query", jobsQuerySchema), edgeCache(60), async (c) => {
  const query = c.req.valid("query");
  const sort = effectiveJobSort(query);
  const towns = query.town && query.radius_km !== undefined ? townsWithin(query.town, query.radius_km) : query.town;
  const { rows, total, facets } = await searchJobs(c.env.DB, {
    match: query.q ? ftsQuery(query.q) : undefined,
    towns,
    categories: query.category,
    employers: query.employer,
    employment: query.employment ? employmentToBits(query.employment) : undefined,
    remote: query.remote,
    now: new Date().toISOString(),
    sort,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    // One more than asked tells whether another page follows.
    limit: query.limit + 1,
    facets: query.facets === "1",
  });
  const lang = c.get("language");
  const origin = publicOrigin(c);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next = rows.length > query.limit && last ? encodeCursor({ sort, key: last.sort_key, id: last.id }) : null;
  return c.json({
    data: page.map((row) => toJobSummary(row, lang, origin)),
    total,
    next_cursor: next,
    facets: facets && toFacets(facets, lang),
  });
});

// The extension's index: identical for everyone, so it caches well and reveals nothing about a reader.
jobs.get("/index", publicCache(3600), edgeCache(3600), async (c) => {
  const rows = await listIndexJobs(c.env.DB, new Date().toISOString());
  const employers: string[] = [];
  const position = new Map<string, number>();
  const list: JobIndex["jobs"] = rows.map((row) => {
    let at = position.get(row.employer_name);
    if (at === undefined) {
      at = employers.push(row.employer_name) - 1;
      position.set(row.employer_name, at);
    }
    return [row.id, row.title, at, row.town_id, row.posted_at.slice(0, 10)];
  });
  const index: JobIndex = { version: JOB_INDEX_VERSION, generated_at: new Date().toISOString(), employers, jobs: list };
  return c.json(index);
});

jobs.get("/:id", publicCache(300), validate("param", idParamSchema), async (c) => {
  const job = await getJob(c.env.DB, c.req.valid("param").id);
  if (!job) throw new ApiError(404, "not_found");
  if (job.valid_through <= new Date().toISOString()) throw new ApiError(410, "job_expired");
  return c.json(toJob(job, c.get("language"), publicOrigin(c)));
});
