/**
 * Lever's postings API (`https://api.lever.co/v0/postings/{site}?mode=json`; job-sources.md §3): a bare
 * array; `createdAt` in epoch milliseconds; the text in `description` and `lists`.
 */
import { z } from "zod";
import { expectShape, type JobAdapter, sourceUrl } from "./adapter.ts";
import { toSourceJobs } from "./feed-job.ts";
import { fetchJson } from "./fetch-source.ts";
import { escapeText } from "./sanitise.ts";

const postingSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().min(1),
  categories: z
    .looseObject({
      location: z.string().optional(),
      allLocations: z.array(z.string()).optional(),
      commitment: z.string().optional(),
      team: z.string().optional(),
      department: z.string().optional(),
    })
    .optional()
    .catch(undefined),
  createdAt: z.number().optional().catch(undefined),
  description: z.string().optional(),
  lists: z
    .array(z.looseObject({ text: z.string().optional(), content: z.string().optional() }))
    .optional()
    .catch(undefined),
  additional: z.string().optional(),
  hostedUrl: z.string().optional(),
  applyUrl: z.string().optional(),
  workplaceType: z.string().optional().catch(undefined),
});

export const lever: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const list = expectShape(z.array(z.unknown()), await fetchJson(sourceUrl(ctx)), {
      de: "Die Lever-Liste",
      en: "The Lever list",
    });
    const postings = list.map((raw) => {
      const p = expectShape(postingSchema, raw, { de: "Eine Lever-Ausschreibung", en: "A Lever posting" });
      const c = p.categories;
      const towns = c?.allLocations?.length ? c.allLocations : c?.location ? [c.location] : [];
      return {
        key: p.id,
        title: p.text,
        places: towns.map((city) => ({ city })),
        html: [
          p.description ?? "",
          ...(p.lists ?? []).map((l) => `<h3>${escapeText(l.text ?? "")}</h3><ul>${l.content ?? ""}</ul>`),
          p.additional ?? "",
        ].join(""),
        employment: [c?.commitment],
        remote:
          p.workplaceType === "remote"
            ? ("remote" as const)
            : p.workplaceType === "hybrid"
              ? ("hybrid" as const)
              : null,
        field: [c?.team, c?.department],
        url: p.hostedUrl,
        applyUrl: p.applyUrl,
        posted: p.createdAt,
      };
    });
    return { jobs: await toSourceJobs(ctx, postings), complete: true, notes: [] };
  },
};
