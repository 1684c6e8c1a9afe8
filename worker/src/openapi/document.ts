/** Builds the OpenAPI 3.1 document from OPERATIONS and the schemas' registered ids. */
import { z } from "zod";
import { errorEnvelopeSchema } from "../../../shared/errors.ts";
import { DOCUMENTED_AS, DOCUMENTED_ITEMS } from "../../../shared/schemas/common.ts";
import { OPERATIONS, type Operation } from "./operations.ts";

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input; `error.fields` names each field.",
  401: "Not signed in: a missing or wrong admin token, or no open staff session.",
  403: "Not allowed: the account's role does not cover this, or the request did not come from our own pages.",
  404: "Not found.",
  409: "Not in a state for this: e.g. a forward already revoked, a newsletter already sent, or a setting the deployment lacks.",
  410: "The job has closed.",
  413: "The body is larger than 64 KB.",
  429: "Too many attempts; `Retry-After` says when to try again.",
  503: "Not available just now: the database does not answer, or (signups) the deployment lacks its keys.",
};

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _, ...rest } = schema;
  return rest;
}

const inputJson = (schema: z.ZodType) =>
  strip(z.toJSONSchema(DOCUMENTED_AS.get(schema) ?? schema, { io: "input", unrepresentable: "any" }) as JsonSchema);

/** The schema inside `.optional()` and `.default()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  const inner = (schema as { def?: { innerType?: z.ZodType } }).def?.innerType;
  return schema instanceof z.ZodOptional || schema instanceof z.ZodDefault ? unwrap(inner ?? schema) : schema;
}

/**
 * A parameter's schema as clients send it: a list parameter as an array of its items (with their enum),
 * a town by id or name; every fixed set of values is an `enum` (tests/shared/openapi.test.ts checks them
 * against the zod schemas).
 */
function parameterSchema(field: z.ZodType): JsonSchema {
  const { description: _, ...outer } = inputJson(field);
  const item = DOCUMENTED_ITEMS.get(unwrap(field));
  if (item) {
    const { description: __, ...items } = inputJson(item);
    return { type: "array", items, minItems: 1, maxItems: 20 };
  }
  const documented = DOCUMENTED_AS.get(unwrap(field));
  if (documented) {
    const { description: __, ...rest } = inputJson(documented);
    return rest;
  }
  return outer;
}

function parameters(op: Operation) {
  const list: object[] = [];
  for (const [where, schema] of [
    ["query", op.query],
    ["path", op.path_params],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const { description } = inputJson(field);
      const json = parameterSchema(field);
      list.push({
        name,
        in: where,
        required: where === "path" || !field.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: json,
        // Several values: repeated (`?town=a&town=b`); the description says a comma-separated list works too.
        ...(json.type === "array" ? { style: "form", explode: true } : {}),
      });
    }
  }
  return list;
}

function schemaId(schema: z.ZodType): string | undefined {
  return z.globalRegistry.get(schema)?.id;
}

export function buildOpenApi(serverUrl: string) {
  const components = z.toJSONSchema(z.globalRegistry, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas as Record<string, JsonSchema>;

  const paths: Record<string, object> = {};
  for (const op of OPERATIONS) {
    const ok =
      op.response instanceof z.ZodType
        ? { description: "OK", content: { "application/json": { schema: ref(schemaId(op.response) ?? "unknown") } } }
        : { description: op.response.description, content: { [op.response.mediaType]: {} } };
    const responses: Record<string, object> = { [op.status ?? 200]: ok };
    if (op.tag !== "meta" && (op.method ?? "get") === "get")
      responses["304"] = { description: "Not modified (If-None-Match matched the ETag)." };
    for (const status of op.errors) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? "Error.",
        content: { "application/json": { schema: ref(schemaId(errorEnvelopeSchema) ?? "Error") } },
      };
    }
    const requestBody = op.body
      ? { required: true, content: { "application/json": { schema: ref(schemaId(op.body) ?? "unknown") } } }
      : op.upload
        ? { required: true, content: Object.fromEntries(op.upload.map((type) => [type, {}])) }
        : undefined;
    paths[op.path] = {
      ...paths[op.path],
      [op.method ?? "get"]: {
        summary: op.summary,
        tags: [op.tag],
        parameters: parameters(op),
        ...(requestBody ? { requestBody } : {}),
        responses,
      },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Heimvorteil API",
      version: "1.0.0",
      description:
        "Jobs and events of the Hochsauerlandkreis for people who moved away. Errors share one envelope; messages follow Accept-Language (de, en).",
    },
    servers: [{ url: serverUrl }],
    tags: ["jobs", "region", "events", "signups", "imports", "staff", "pages", "meta"].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([id, s]) => [id, strip(s)])),
    },
  };
}
