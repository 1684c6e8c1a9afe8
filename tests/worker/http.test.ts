// What every answer shares: CORS, caching, the error envelope, size limits, the health check, OpenAPI.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { type ErrorEnvelope, errorEnvelopeSchema } from "../../shared/errors.ts";
import type { JobList } from "../../shared/schemas/jobs.ts";
import { importRegion } from "../../worker/src/db/import.ts";
import type { JobRow } from "../../worker/src/db/rows.ts";
import { app } from "../../worker/src/index.ts";
import { get, getJson, JOBS, ORIGIN, seedFixture } from "./fixtures.ts";

beforeAll(seedFixture);

describe("CORS and caching", () => {
  it("lets any site read public data, without credentials", async () => {
    const res = await get("/v1/jobs", { Origin: "https://www.example-employer.de" });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    const preflight = await SELF.fetch(`${ORIGIN}/v1/events`, {
      method: "OPTIONS",
      headers: { Origin: "https://stadt.example", "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("GET");
  });

  it.each([
    "/v1/jobs?q=Elektroniker",
    "/v1/jobs/1",
    "/v1/towns",
    "/v1/employers",
    "/v1/events",
    "/v1/events.ics",
    "/jobs/1",
  ])("%s sends cache headers and answers 304 to a matching ETag", async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+/);
    expect(first.headers.get("Vary")).toContain("Accept-Language");
    const tag = first.headers.get("ETag");
    expect(tag).toBeTruthy();
    const second = await get(path, { "If-None-Match": tag ?? "" });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
  });
});

describe("the search cache", () => {
  it("serves a repeated search from the cache for a minute; no-cache refreshes it", async () => {
    const first = await getJson<JobList>("/v1/jobs?q=Pilot");
    expect(first.body.total).toBe(0);
    await importRegion(env.DB, { jobs: [{ ...(JOBS[0] as JobRow), id: 999, title: "Pilot*in" }] });
    expect((await getJson<JobList>("/v1/jobs?q=Pilot")).body.total).toBe(0);
    expect((await getJson<JobList>("/v1/jobs?q=Pilot", { "Cache-Control": "no-cache" })).body.total).toBe(1);
    expect((await getJson<JobList>("/v1/jobs?q=Pilot")).body.total).toBe(1);
    // The language is part of the key: English readers get English labels, not the German copy.
    const en = await getJson<JobList>("/v1/jobs?q=Pilot", { "Accept-Language": "en" });
    expect(en.body.data[0]?.category_label).toBe("Electrical engineering");
  });
});

describe("the error envelope", () => {
  it("answers unknown routes with 404 in the envelope", async () => {
    const { status, body } = await getJson<ErrorEnvelope>("/v2/jobs");
    expect(status).toBe(404);
    expect(errorEnvelopeSchema.parse(body).error.code).toBe("not_found");
    const en = await getJson<ErrorEnvelope>("/nope", { "Accept-Language": "en" });
    expect(en.body.error.message).toBe("Nothing was found at this address.");
  });

  it("refuses oversized bodies with 413 before reading them", async () => {
    const res = await SELF.fetch(`${ORIGIN}/v1/jobs`, { method: "POST", body: "x".repeat(100 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorEnvelope).error.code).toBe("payload_too_large");
  });

  it("health check reports the database", async () => {
    const { status, body } = await getJson<{ status: string }>("/healthz");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok", database: "ok" });
  });
});

describe("OpenAPI", () => {
  it("documents every API route the app serves, with resolvable schemas", async () => {
    const { status, body } = await getJson<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>("/v1/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    // Pages for people (the demo, the demo host pages, the embed builder) are not part of the API.
    const forPeople = (path: string) =>
      path === "/" ||
      /^\/(assets|demo|embed|signup|dev|me|privacy|komm-zurueck|console|steckbrief|abmelden|antwort|arbeitgeber)(\/|\.json|$)/.test(
        path,
      );
    const served = new Set(
      app.routes
        .filter(
          (r) =>
            ["GET", "POST", "PATCH", "PUT", "DELETE"].includes(r.method) && !r.path.includes("*") && !forPeople(r.path),
        )
        .map(
          (r) =>
            `${r.method.toLowerCase()} ${r.path
              .replace(/:id\{\[0-9\]\+\\\.ics\}/, "{id}.ics")
              .replace(/:file\{sitemap-\[0-9\]\+\\\.xml\}/, "sitemap-{part}.xml")
              .replace(/:id(\{[^}]*\})?/, "{id}")}`,
        ),
    );
    const documented = Object.entries(body.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method} ${path}`),
    );
    expect(new Set(documented)).toEqual(served);
    expect((body.paths["/v1/signups"] as { post: { requestBody: unknown } }).post.requestBody).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Signup" } } },
    });
    const refs = JSON.stringify(body).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) expect(body.components.schemas).toHaveProperty(ref.split("/").pop() ?? "");
    const jobsParams = (body.paths["/v1/jobs"] as { get: { parameters: { name: string }[] } }).get.parameters.map(
      (p) => p.name,
    );
    expect(jobsParams).toEqual([
      "q",
      "town",
      "radius_km",
      "category",
      "employer",
      "employment",
      "remote",
      "sort",
      "cursor",
      "limit",
      "facets",
    ]);
  });
});

// Last in this file: it breaks the file's database on purpose.
describe("unexpected failures", () => {
  it("answer 500 in the envelope without a stack or SQL", async () => {
    await env.DB.prepare("DROP TABLE jobs_fts").run();
    // The worker logs the failure for its operators; keep it out of the test output.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await get("/v1/jobs?q=Pflegefachkraft");
    expect(res.status).toBe(500);
    expect(String(logged.mock.calls[0]?.[0])).toContain("GET /v1/jobs failed");
    logged.mockRestore();
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: "internal_error",
        message: "Ein unerwarteter Fehler ist aufgetreten. Bitte später erneut versuchen.",
      },
    });
    expect(text).not.toMatch(/jobs_fts|SQL|D1_|at /);
  });
});
