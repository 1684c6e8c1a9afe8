/**
 * Personio's public XML feed (`https://{company}.jobs.personio.de/xml`; job-sources.md §2): every open
 * position in one document, descriptions as HTML sections. An empty board is a valid answer.
 */
import { z } from "zod";
import { expectShape, type JobAdapter, sourceUrl } from "./adapter.ts";
import { toSourceJobs } from "./feed-job.ts";
import { fetchSource } from "./fetch-source.ts";
import { escapeText } from "./sanitise.ts";
import { readXml } from "./xml.ts";

const value = z.union([z.string(), z.number()]).optional();
const positionSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  name: z.string().min(1),
  office: value,
  additionalOffices: z
    .looseObject({ office: z.array(value).optional() })
    .optional()
    .catch(undefined),
  department: value,
  recruitingCategory: value,
  occupationCategory: value,
  employmentType: value,
  schedule: value,
  createdAt: value,
  jobDescriptions: z
    .looseObject({ jobDescription: z.array(z.looseObject({ name: value, value: value })).optional() })
    .optional()
    .catch(undefined),
});

const feedSchema = z.looseObject({
  "workzag-jobs": z.union([z.looseObject({ position: z.array(z.unknown()).optional() }), z.literal("")]),
});

export const personio: JobAdapter = {
  target: "jobs",
  async read(ctx) {
    const url = sourceUrl(ctx);
    const xml = readXml(await fetchSource(url, { accept: "application/xml, text/xml" }), [
      "workzag-jobs.position",
      "workzag-jobs.position.additionalOffices.office",
      "workzag-jobs.position.jobDescriptions.jobDescription",
    ]);
    const root = expectShape(feedSchema, xml, { de: "Der Personio-Feed", en: "The Personio feed" })["workzag-jobs"];
    const positions = root === "" ? [] : (root.position ?? []);
    const board = new URL(url).origin;
    const postings = positions.map((raw) => {
      const p = expectShape(positionSchema, raw, { de: "Eine Personio-Stelle", en: "A Personio position" });
      const sections = p.jobDescriptions?.jobDescription ?? [];
      const offices = [p.office, ...(p.additionalOffices?.office ?? [])].filter((o) => o !== undefined);
      return {
        key: String(p.id),
        title: p.name,
        places: offices.map((o) => ({ city: String(o) })),
        html: sections.map((s) => `<h3>${escapeText(String(s.name ?? ""))}</h3>${String(s.value ?? "")}`).join(""),
        employment: [p.employmentType, p.schedule],
        field: [p.occupationCategory, p.department, p.recruitingCategory],
        url: `${board}/job/${encodeURIComponent(String(p.id))}`,
        posted: p.createdAt,
      };
    });
    return { jobs: await toSourceJobs(ctx, postings), complete: true, notes: [] };
  },
};
