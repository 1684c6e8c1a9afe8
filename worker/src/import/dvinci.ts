/**
 * d.vinci's `jobPublication/list.json` (job-sources.md §3): a bare array, no paging, the text in HTML
 * sections (introduction, tasks, profile, weOffer, closingText).
 */
import { z } from "zod";
import { expectShape, type JobAdapter, sourceUrl } from "./adapter.ts";
import { toSourceJobs } from "./feed-job.ts";
import { fetchJson } from "./fetch-source.ts";

const named = z
  .array(z.looseObject({ name: z.string().optional() }))
  .optional()
  .catch(undefined);
const publicationSchema = z.looseObject({
  id: z.union([z.number(), z.string().min(1)]),
  position: z.string().min(1),
  jobPublicationURL: z.string().optional(),
  applicationFormURL: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  introduction: z.string().optional(),
  tasks: z.string().optional(),
  profile: z.string().optional(),
  weOffer: z.string().optional(),
  closingText: z.string().optional(),
  jobOpening: z
    .looseObject({
      categories: named,
      department: z.unknown().optional(),
      workingTimes: named,
      contractPeriod: z.looseObject({ name: z.string().optional() }).optional().catch(undefined),
      locations: z
        .array(
          z.looseObject({
            name: z.string().optional(),
            address: z.looseObject({ zipCode: z.string().optional(), city: z.string().optional() }).optional(),
          }),
        )
        .optional()
        .catch(undefined),
    })
    .optional(),
});

export const dvinci: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const list = expectShape(z.array(z.unknown()), await fetchJson(sourceUrl(ctx)), {
      de: "Die d.vinci-Liste",
      en: "The d.vinci list",
    });
    const postings = list.map((raw) => {
      const p = expectShape(publicationSchema, raw, { de: "Eine d.vinci-Ausschreibung", en: "A d.vinci publication" });
      const o = p.jobOpening;
      return {
        key: p.id,
        title: p.position,
        places: (o?.locations ?? []).map((l) => ({ postcode: l.address?.zipCode, city: l.address?.city ?? l.name })),
        html: [p.introduction, p.tasks, p.profile, p.weOffer, p.closingText].filter(Boolean).join(""),
        employment: [...(o?.workingTimes ?? []).map((w) => w.name), o?.contractPeriod?.name],
        field: (o?.categories ?? []).map((c) => c.name),
        url: p.jobPublicationURL,
        applyUrl: p.applicationFormURL,
        posted: p.startDate,
        validThrough: p.endDate,
      };
    });
    return { jobs: await toSourceJobs(ctx, postings), complete: true, notes: [] };
  },
};
