/** The single error envelope: every failure, expected or not, leaves the worker in this shape. */
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_MESSAGES, type ErrorCode, type ErrorEnvelope } from "../../../shared/errors.ts";
import { isLang, type Lang } from "../../../shared/i18n.ts";
import type { AppEnv } from "../env.ts";

/** An expected failure with a code from shared/errors.ts and, for bad input, a message per field. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(status: ContentfulStatusCode, code: ErrorCode, fields?: Record<string, string>) {
    super(status, { message: code });
    this.code = code;
    this.fields = fields;
  }
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "invalid_body",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  410: "job_expired",
  413: "payload_too_large",
};

function language(c: Context<AppEnv>): Lang {
  const lang = c.get("language");
  return isLang(lang) ? lang : "de";
}

export function errorResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: ErrorCode,
  fields?: Record<string, string>,
) {
  const body: ErrorEnvelope = {
    error: { code, message: ERROR_MESSAGES[code][language(c)], ...(fields ? { fields } : {}) },
  };
  c.header("Cache-Control", "no-store");
  c.header("Vary", "Accept-Language");
  return c.json(body, status);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err.status as ContentfulStatusCode, err.code, err.fields);
  if (err instanceof HTTPException) {
    const code = CODE_BY_STATUS[err.status];
    if (code) return errorResponse(c, err.status as ContentfulStatusCode, code);
  }
  // Logged for us with the request line; the client learns nothing about stacks or SQL.
  console.error(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err);
  return errorResponse(c, 500, "internal_error");
};

export const notFound: NotFoundHandler<AppEnv> = (c) => errorResponse(c, 404, "not_found");
