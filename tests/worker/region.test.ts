import { beforeAll, describe, expect, it } from "vitest";
import type { ErrorEnvelope } from "../../shared/errors.ts";
import type { EmployerDto, TownDto } from "../../shared/schemas/region.ts";
import { TOWNS } from "../../shared/towns.ts";
import { getJson, OPEN_JOBS, seedFixture } from "./fixtures.ts";

beforeAll(seedFixture);

describe("GET /v1/towns", () => {
  it("lists the twelve towns as in shared/towns.ts, with their open jobs", async () => {
    const { body } = await getJson<{ data: TownDto[] }>("/v1/towns");
    expect(
      body.data.map(({ id, name, postal_code, lat, lon }) => ({ id, name, postalCode: postal_code, lat, lon })),
    ).toEqual([...TOWNS].sort((a, b) => a.name.localeCompare(b.name)));
    const eslohe = body.data.find((t) => t.id === "eslohe");
    expect(eslohe?.open_jobs).toBe(OPEN_JOBS.filter((j) => j.town_id === "eslohe").length);
    expect(body.data.find((t) => t.id === "meschede")?.open_jobs).toBe(1);
  });
});

describe("GET /v1/employers", () => {
  it("lists employers with their open jobs and safe websites", async () => {
    const { body } = await getJson<{ data: EmployerDto[] }>("/v1/employers");
    expect(body.data).toHaveLength(5);
    const elektro = body.data.find((e) => e.id === "nebelhoehe-elektro");
    expect(elektro).toEqual({
      id: "nebelhoehe-elektro",
      name: "Nebelhöhe Elektro GmbH",
      town: { id: "meschede", name: "Meschede" },
      industry: "Elektro",
      website: "https://nebelhoehe.example/",
      open_jobs: 2,
    });
    expect(body.data.find((e) => e.id === "tannenbaeck")?.website).toBeNull();
  });

  it("filters by town and rejects an unknown one", async () => {
    const { body } = await getJson<{ data: EmployerDto[] }>("/v1/employers?town=winterberg");
    expect(body.data.map((e) => e.id)).toEqual(["tannenbaeck"]);
    const bad = await getJson<ErrorEnvelope>("/v1/employers?town=köln");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("town");
  });
});
