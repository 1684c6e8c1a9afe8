/**
 * softgarden's public feed (`https://{tenant}.career.softgarden.de/jobs.feed.json`; job-sources.md §3): a
 * schema.org DataFeed whose items are JobPostings.
 */
import { z } from "zod";
import { expectShape, type JobAdapter, sourceUrl } from "./adapter.ts";
import { toSourceJobs } from "./feed-job.ts";
import { fetchJson } from "./fetch-source.ts";
import { findJobPostings, postingFromLd } from "./job-posting-ld.ts";

const feedSchema = z.looseObject({ dataFeedElement: z.array(z.unknown()) });

export const softgarden: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const feed = expectShape(feedSchema, await fetchJson(sourceUrl(ctx)), {
      de: "Der softgarden-Feed",
      en: "The softgarden feed",
    });
    const postings = findJobPostings(feed.dataFeedElement).map((ld) => postingFromLd(ld, undefined));
    return { jobs: await toSourceJobs(ctx, postings), complete: true, notes: [] };
  },
};
