/** What the API offers, described with the same zod schemas that validate the requests. */
import { z } from "zod";
import { idParamSchema, intParam } from "../../../shared/schemas/common.ts";
import { consentListSchema, consentQuerySchema } from "../../../shared/schemas/consent.ts";
import {
  eventListSchema,
  eventSchema,
  eventsFeedQuerySchema,
  eventsQuerySchema,
} from "../../../shared/schemas/events.ts";
import { jobIndexSchema } from "../../../shared/schemas/job-index.ts";
import { jobListSchema, jobSchema, jobsQuerySchema } from "../../../shared/schemas/jobs.ts";
import { outcomesQuerySchema, outcomesSchema } from "../../../shared/schemas/outcomes.ts";
import { employerListSchema, employersQuerySchema, townListSchema } from "../../../shared/schemas/region.ts";
import { signupAcceptedSchema, signupSchema } from "../../../shared/schemas/signup.ts";
import {
  sourceIdParamSchema,
  sourceInputSchema,
  sourceListSchema,
  sourcePatchSchema,
  sourceSchema,
} from "../../../shared/schemas/sources.ts";
import {
  auditListSchema,
  auditQuerySchema,
  peopleExportQuerySchema,
  peopleListSchema,
  peopleQuerySchema,
  personDetailSchema,
  staffInputSchema,
  staffListSchema,
  staffMeSchema,
  staffPatchSchema,
  staffSchema,
} from "../../../shared/schemas/staff.ts";
import {
  employerContactSchema,
  forwardListSchema,
  forwardPatchSchema,
  forwardProposalSchema,
  forwardSchema,
  noteInputSchema,
  noteSchema,
  staffEmployerListSchema,
  staffEmployerSchema,
  staffEmployersQuerySchema,
  suggestionInputSchema,
  suggestionSchema,
} from "../../../shared/schemas/steckbrief.ts";

const staffIdParamSchema = z.strictObject({ id: z.string().max(100).describe("The id.") });
const SIGNED_IN = "Signed-in staff only (the console's session cookie).";
const ADMINS = "The district's team (admin accounts) only.";

export interface Operation {
  /** OpenAPI path template, e.g. `/v1/jobs/{id}`. */
  path: string;
  /** GET unless said. */
  method?: "get" | "post" | "patch";
  /** A JSON request body's schema. */
  body?: z.ZodType;
  /** The success status, 200 unless said. */
  status?: number;
  summary: string;
  tag: "jobs" | "region" | "events" | "signups" | "imports" | "staff" | "pages" | "meta";
  query?: z.ZodObject;
  path_params?: z.ZodObject;
  /** A JSON answer's schema, or another media type described in words. */
  response: z.ZodType | { mediaType: string; description: string };
  errors: number[];
}

const sitemapPartSchema = z.strictObject({ part: intParam(1, 1000).describe("The part, from 1.") });

export const OPERATIONS: Operation[] = [
  {
    path: "/v1/jobs",
    summary: "Search open jobs with filters, facet counts and cursor pagination.",
    tag: "jobs",
    query: jobsQuerySchema,
    response: jobListSchema,
    errors: [400],
  },
  {
    path: "/v1/jobs/index",
    summary: "Every open job in a compact form, the same for everyone, for matching inside the browser extension.",
    tag: "jobs",
    response: jobIndexSchema,
    errors: [],
  },
  {
    path: "/v1/jobs/{id}",
    summary: "One open job with its full description.",
    tag: "jobs",
    path_params: idParamSchema,
    response: jobSchema,
    errors: [404, 410],
  },
  {
    path: "/v1/towns",
    summary: "The twelve towns of the Hochsauerlandkreis.",
    tag: "region",
    response: townListSchema,
    errors: [],
  },
  {
    path: "/v1/employers",
    summary: "Employers with their number of open jobs.",
    tag: "region",
    query: employersQuerySchema,
    response: employerListSchema,
    errors: [400],
  },
  {
    path: "/v1/events",
    summary: "Upcoming events: meet-ups, fairs, info evenings.",
    tag: "events",
    query: eventsQuerySchema,
    response: eventListSchema,
    errors: [400],
  },
  {
    path: "/v1/events/{id}",
    summary: "One event.",
    tag: "events",
    path_params: idParamSchema,
    response: eventSchema,
    errors: [404],
  },
  {
    path: "/v1/events.ics",
    summary: "The events as an iCalendar feed to subscribe to, with the same filters.",
    tag: "events",
    query: eventsFeedQuerySchema,
    response: { mediaType: "text/calendar", description: "An RFC 5545 calendar in Europe/Berlin time." },
    errors: [400],
  },
  {
    path: "/v1/events/{id}.ics",
    summary: "One event as an iCalendar file.",
    tag: "events",
    path_params: idParamSchema,
    response: { mediaType: "text/calendar", description: "An RFC 5545 calendar with one event." },
    errors: [404],
  },
  {
    path: "/v1/consent",
    summary:
      "The consent text in force, per language, with its version: what a signup shows next to its checkbox and sends as `consent_version`.",
    tag: "signups",
    query: consentQuerySchema,
    response: consentListSchema,
    errors: [400],
  },
  {
    path: "/v1/signups",
    method: "post",
    status: 202,
    summary:
      'A "Komm zurück" signup. Show the person the consent text from `GET /v1/consent` in their language and send its `version` as `consent_version`; a version that is no longer current is refused with 400 naming `consent_version`. Needs a Cloudflare Turnstile token solved on our form page. Stored as pending with its consent proof; a confirmation e-mail with a single-use link follows (double opt-in). The same address again is the same person, and every request that passes the bot check gets the same 202.',
    tag: "signups",
    body: signupSchema,
    response: signupAcceptedSchema,
    errors: [400, 413, 429, 503],
  },
  {
    path: "/v1/admin/signups",
    summary: "Confirmed signups for the programme team. Requires `Authorization: Bearer <ADMIN_TOKEN>`.",
    tag: "signups",
    response: { mediaType: "application/json", description: "`{ data: [...] }`, one object per confirmed signup." },
    errors: [401],
  },
  {
    path: "/v1/admin/signups.csv",
    summary: "The same as CSV (UTF-8 with BOM, formula-safe cells). Requires the admin token.",
    tag: "signups",
    response: { mediaType: "text/csv", description: "One row per confirmed signup." },
    errors: [401],
  },
  {
    path: "/v1/admin/sources",
    summary: "The import sources with their health. Requires the admin token.",
    tag: "imports",
    response: sourceListSchema,
    errors: [401],
  },
  {
    path: "/v1/admin/sources",
    method: "post",
    status: 201,
    summary: "Adds a source (https only; no IP addresses or local names). Requires the admin token.",
    tag: "imports",
    body: sourceInputSchema,
    response: sourceSchema,
    errors: [400, 401],
  },
  {
    path: "/v1/admin/sources/{id}",
    method: "patch",
    summary: "Changes a source, or switches it off (`enabled: false`). Requires the admin token.",
    tag: "imports",
    path_params: sourceIdParamSchema,
    body: sourcePatchSchema,
    response: sourceSchema,
    errors: [400, 401, 404],
  },
  {
    path: "/v1/admin/sources/{id}/run",
    method: "post",
    status: 202,
    summary: "Imports the source now, through the import queue; its health says how it went. Requires the admin token.",
    tag: "imports",
    path_params: sourceIdParamSchema,
    response: { mediaType: "application/json", description: '`{ "status": "queued" }`' },
    errors: [401, 404],
  },
  {
    path: "/v1/staff/me",
    summary: `The signed-in account: name, role and towns. ${SIGNED_IN}`,
    tag: "staff",
    response: staffMeSchema,
    errors: [401],
  },
  {
    path: "/v1/staff/people",
    summary: `The people who signed up, newest first, filtered; a town account sees those who named its towns. Each read is audited. ${SIGNED_IN}`,
    tag: "staff",
    query: peopleQuerySchema,
    response: peopleListSchema,
    errors: [400, 401],
  },
  {
    path: "/v1/staff/people.csv",
    summary: `The people list with the same filters as CSV for a spreadsheet (German: semicolons, German column names; UTF-8 with BOM; Europe/Berlin times; cells that look like formulas defused). At most 50,000 rows. Audited. ${SIGNED_IN}`,
    tag: "staff",
    query: peopleExportQuerySchema,
    response: { mediaType: "text/csv", description: "One row per person, newest first." },
    errors: [400, 401],
  },
  {
    path: "/v1/staff/outcomes",
    summary: `What came of the programme in a period: signups, confirmations, forwards and their outcomes per week, per site and per town named. Counts only. ${SIGNED_IN}`,
    tag: "staff",
    query: outcomesQuerySchema,
    response: outcomesSchema,
    errors: [400, 401],
  },
  {
    path: "/v1/staff/outcomes.csv",
    summary: `The same counts as CSV for the funders' report: one row for the period, then per week, site and town. No personal data. ${SIGNED_IN}`,
    tag: "staff",
    query: outcomesQuerySchema,
    response: { mediaType: "text/csv", description: "One row per slice, a column per count." },
    errors: [400, 401],
  },
  {
    path: "/v1/staff/people/{id}",
    summary: `One person with the proof of their consent; 404 for one the account may not see. Audited. ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    response: personDetailSchema,
    errors: [401, 404],
  },
  {
    path: "/v1/staff/people/{id}/forwards",
    method: "post",
    status: 201,
    summary: `Proposes forwarding the person's Steckbrief to employers with a contact address: one mail asks the person, who says yes or no per employer on their data page; only a yes sends the employer a link (30 days). Employers with a forward open already are skipped (200 when none is new). A town account proposes its towns' employers only. ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    body: forwardProposalSchema,
    response: forwardListSchema,
    errors: [400, 401, 403, 404, 503],
  },
  {
    path: "/v1/staff/forwards/{id}/revoke",
    method: "post",
    summary: `Revokes a forward (asked or shared): its link shows nothing from now on. 409 when it is no longer open. ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    response: forwardSchema,
    errors: [401, 404, 409],
  },
  {
    path: "/v1/staff/forwards/{id}",
    method: "patch",
    summary: `Records what came of a shared forward (the employer replied, invited, hired, or it did not fit). ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    body: forwardPatchSchema,
    response: forwardSchema,
    errors: [400, 401, 404, 409],
  },
  {
    path: "/v1/staff/people/{id}/notes",
    method: "post",
    status: 201,
    summary: `Adds a note about the person; the person reads it on their data page and in their download. ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    body: noteInputSchema,
    response: noteSchema,
    errors: [400, 401, 404],
  },
  {
    path: "/v1/staff/people/{id}/suggestions",
    method: "post",
    status: 201,
    summary: `Suggests changes to the person's Steckbrief; they get a mail and accept or decline on their data page. ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    body: suggestionInputSchema,
    response: suggestionSchema,
    errors: [400, 401, 404, 503],
  },
  {
    path: "/v1/staff/employers",
    summary: `Employers with the contact address forwards go to, those with one first; a town account sees its towns'. ${SIGNED_IN}`,
    tag: "staff",
    query: staffEmployersQuerySchema,
    response: staffEmployerListSchema,
    errors: [400, 401],
  },
  {
    path: "/v1/staff/employers/{id}",
    method: "patch",
    summary: `Sets an employer's contact for forwards (null removes it). ${SIGNED_IN}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    body: employerContactSchema,
    response: staffEmployerSchema,
    errors: [400, 401, 404],
  },
  {
    path: "/v1/staff/sign-out-everywhere",
    method: "post",
    status: 204,
    summary: `Ends every session of the signed-in account. ${SIGNED_IN}`,
    tag: "staff",
    response: { mediaType: "text/plain", description: "No content." },
    errors: [401, 403],
  },
  {
    path: "/v1/staff/accounts",
    summary: `The staff accounts. ${ADMINS}`,
    tag: "staff",
    response: staffListSchema,
    errors: [401, 403],
  },
  {
    path: "/v1/staff/accounts",
    method: "post",
    status: 201,
    summary: `Adds an account; it signs in by e-mail link. ${ADMINS}`,
    tag: "staff",
    body: staffInputSchema,
    response: staffSchema,
    errors: [400, 401, 403],
  },
  {
    path: "/v1/staff/accounts/{id}",
    method: "patch",
    summary: `Changes an account; \`disabled: true\` ends its sessions at once. ${ADMINS}`,
    tag: "staff",
    path_params: staffIdParamSchema,
    body: staffPatchSchema,
    response: staffSchema,
    errors: [400, 401, 403, 404],
  },
  {
    path: "/v1/staff/audit",
    summary: `Who read or changed what, newest first; no copies of the data. ${ADMINS}`,
    tag: "staff",
    query: auditQuerySchema,
    response: auditListSchema,
    errors: [401, 403],
  },
  {
    path: "/jobs/{id}",
    summary: "A job's crawlable page with schema.org JobPosting; 410 once the job has closed.",
    tag: "pages",
    path_params: idParamSchema,
    response: { mediaType: "text/html", description: "The job's page." },
    errors: [404, 410],
  },
  {
    path: "/robots.txt",
    summary:
      "What crawlers may read: the public pages yes, personal, confirmation, dev and team paths no; names the sitemap.",
    tag: "pages",
    response: { mediaType: "text/plain", description: "robots.txt." },
    errors: [],
  },
  {
    path: "/sitemap.xml",
    summary:
      "Every open job page with its last change; past 50,000 a sitemap index of parts /sitemap-1.xml, /sitemap-2.xml …",
    tag: "pages",
    response: { mediaType: "application/xml", description: "A sitemap (urlset) or sitemap index." },
    errors: [],
  },
  {
    path: "/sitemap-{part}.xml",
    summary: "One part of the sitemap index, when there are more than 50,000 open jobs.",
    tag: "pages",
    path_params: sitemapPartSchema,
    response: { mediaType: "application/xml", description: "A sitemap (urlset)." },
    errors: [404],
  },
  {
    path: "/healthz",
    summary: "Whether the worker and its database answer.",
    tag: "meta",
    response: { mediaType: "application/json", description: '`{"status":"ok","database":"ok"}`, or 503.' },
    errors: [503],
  },
  {
    path: "/v1/openapi.json",
    summary: "This document.",
    tag: "meta",
    response: { mediaType: "application/json", description: "OpenAPI 3.1." },
    errors: [],
  },
];
