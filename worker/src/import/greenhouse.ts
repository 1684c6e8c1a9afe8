/**
 * Greenhouse's job board API (`https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`;
 * job-sources.md §3): `content` is HTML escaped once more; `first_published` is the posting date.
 */
import { decodeHTML } from "entities";
import { z } from "zod";
import { expectShape, type JobAdapter, sourceUrl } from "./adapter.ts";
import { toSourceJobs } from "./feed-job.ts";
import { fetchJson } from "./fetch-source.ts";

const jobSchema = z.looseObject({
  id: z.union([z.number(), z.string().min(1)]),
  title: z.string().min(1),
  absolute_url: z.string().optional(),
  first_published: z.string().nullable().optional(),
  updated_at: z.string().optional(),
  location: z.looseObject({ name: z.string().optional() }).nullable().optional().catch(undefined),
  content: z.string().optional(),
  metadata: z
    .array(z.looseObject({ name: z.string().optional(), value: z.unknown() }))
    .nullable()
    .optional()
    .catch(undefined),
  departments: z
    .array(z.looseObject({ name: z.string().optional() }))
    .optional()
    .catch(undefined),
});

export const greenhouse: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const { jobs } = expectShape(z.looseObject({ jobs: z.array(z.unknown()) }), await fetchJson(sourceUrl(ctx)), {
      de: "Das Greenhouse-Board",
      en: "The Greenhouse board",
    });
    const postings = jobs.map((raw) => {
      const j = expectShape(jobSchema, raw, { de: "Eine Greenhouse-Stelle", en: "A Greenhouse job" });
      // "Brilon, Nordrhein-Westfalen, Germany"; "Remote (Deutschland)" names no town.
      const [city, region] = (j.location?.name ?? "").split(",").map((s) => s.trim());
      const words = [j.title, j.location?.name, ...(j.metadata ?? []).map((m) => String(m.value ?? ""))].join(" ");
      return {
        key: j.id,
        title: j.title,
        places: city && !/^remote\b/i.test(city) ? [{ city, region }] : [],
        html: j.content ? decodeHTML(j.content) : null,
        employment: [j.title],
        remote: /\bremote\b/i.test(words)
          ? ("remote" as const)
          : /\bhybrid\b/i.test(words)
            ? ("hybrid" as const)
            : null,
        field: (j.departments ?? []).map((d) => d.name),
        url: j.absolute_url,
        posted: j.first_published ?? j.updated_at,
      };
    });
    return { jobs: await toSourceJobs(ctx, postings), complete: true, notes: [] };
  },
};
