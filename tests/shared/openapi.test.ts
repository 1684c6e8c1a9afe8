// The OpenAPI document, checked from outside as an integrator would: valid OpenAPI 3.1 by a real
// validator, and every fixed set of values it lists agreeing with the zod schema that checks the request.
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DOCUMENTED_AS, DOCUMENTED_ITEMS } from "../../shared/schemas/common.ts";
import { buildOpenApi } from "../../worker/src/openapi/document.ts";
import { OPERATIONS } from "../../worker/src/openapi/operations.ts";

type Parameter = { name: string; in: string; schema: { enum?: string[]; items?: { enum?: string[] } } };
type Document = ReturnType<typeof buildOpenApi> & {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
};

const doc = buildOpenApi("https://api.heimvorteil.example") as Document;

function unwrap(schema: z.ZodType): z.ZodType {
  const inner = (schema as { def?: { innerType?: z.ZodType; type?: string } }).def;
  return inner?.type === "optional" || inner?.type === "default" ? unwrap(inner.innerType as z.ZodType) : schema;
}

/** The options of a zod enum, or undefined. */
const enumOptions = (schema: z.ZodType | undefined) =>
  (schema as { def?: { type?: string; entries?: Record<string, string> } } | undefined)?.def?.type === "enum"
    ? Object.values((schema as unknown as { def: { entries: Record<string, string> } }).def.entries)
    : undefined;

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.specification).toBe("OpenAPI");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("lists every fixed set of values as an enum, the same values the zod schemas accept", () => {
    let checked = 0;
    for (const op of OPERATIONS) {
      if (!op.query) continue;
      const parameters = doc.paths[op.path]?.[op.method ?? "get"]?.parameters ?? [];
      for (const [name, field] of Object.entries(op.query.shape as Record<string, z.ZodType>)) {
        const documented = parameters.find((p) => p.name === name && p.in === "query");
        expect(documented, `${op.path} ${name}`).toBeDefined();
        const listed = documented?.schema.enum ?? documented?.schema.items?.enum;
        const inner = unwrap(field);
        const item = DOCUMENTED_ITEMS.get(inner) ?? inner;
        const zodValues = enumOptions(DOCUMENTED_AS.get(item) ?? item) ?? enumOptions(item);
        // A zod enum is listed with exactly its values …
        if (zodValues) expect(listed, `${op.path} ${name}`).toEqual(zodValues);
        // … and every listed value is one the request's schema accepts, a foreign one it refuses.
        for (const value of listed ?? []) {
          expect(field.safeParse(value).success, `${op.path} ${name}=${value}`).toBe(true);
          checked++;
        }
        if (listed) expect(field.safeParse("zz-not-a-value").success, `${op.path} ${name}`).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(50);
    // The ones an integrator asked about by name.
    const jobs = doc.paths["/v1/jobs"]?.get?.parameters ?? [];
    for (const name of ["remote", "employment", "category", "town", "sort"]) {
      const p = jobs.find((x) => x.name === name);
      expect(p?.schema.enum ?? p?.schema.items?.enum, name).toBeDefined();
    }
    const consent = doc.paths["/v1/consent"]?.get?.parameters?.find((p) => p.name === "lang");
    expect(consent?.schema.enum).toEqual(["de", "en"]);
    const kind = doc.paths["/v1/events"]?.get?.parameters?.find((p) => p.name === "kind");
    expect(kind?.schema.items?.enum).toContain("stammtisch");
  });
});
