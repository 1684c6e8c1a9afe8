/** Recruitee's public offers (`https://{slug}.recruitee.com/api/offers/`; job-sources.md §3). */
import { z } from "zod";
import { expectShape, type JobAdapter, sourceUrl } from "./adapter.ts";
import { toSourceJobs } from "./feed-job.ts";
import { fetchJson } from "./fetch-source.ts";

const offerSchema = z.looseObject({
  id: z.union([z.number(), z.string().min(1)]),
  title: z.string().min(1),
  description: z.string().optional().catch(undefined),
  requirements: z.string().optional().catch(undefined),
  city: z.string().nullable().optional(),
  postal_code: z.string().nullable().optional().catch(undefined),
  state_name: z.string().nullable().optional().catch(undefined),
  remote: z.boolean().nullable().optional().catch(undefined),
  hybrid: z.boolean().nullable().optional().catch(undefined),
  department: z.string().nullable().optional().catch(undefined),
  careers_url: z.string().optional(),
  careers_apply_url: z.string().optional(),
  published_at: z.string().optional(),
  employment_type_code: z.string().optional().catch(undefined),
  status: z.string().optional(),
});

export const recruitee: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const { offers } = expectShape(z.looseObject({ offers: z.array(z.unknown()) }), await fetchJson(sourceUrl(ctx)), {
      de: "Die Recruitee-Liste",
      en: "The Recruitee list",
    });
    const postings = offers.flatMap((raw) => {
      const o = expectShape(offerSchema, raw, { de: "Eine Recruitee-Stelle", en: "A Recruitee offer" });
      if (o.status && o.status !== "published") return [];
      return [
        {
          key: o.id,
          title: o.title,
          places: o.city ? [{ city: o.city, postcode: o.postal_code, region: o.state_name }] : [],
          html: `${o.description ?? ""}${o.requirements ?? ""}`,
          employment: [o.employment_type_code?.replace("fulltime", "full-time")],
          remote: o.remote ? ("remote" as const) : o.hybrid ? ("hybrid" as const) : null,
          field: [o.department],
          url: o.careers_url,
          applyUrl: o.careers_apply_url,
          // "2026-11-19 10:00:00 UTC"
          posted: o.published_at?.replace(" ", "T").replace(" UTC", "Z"),
        },
      ];
    });
    return { jobs: await toSourceJobs(ctx, postings), complete: true, notes: [] };
  },
};
