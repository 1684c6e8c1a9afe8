/** `GET /me.json`: the same data as /me, as a download (signed link). */
import { Hono } from "hono";
import { getSignup } from "../db/signups.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../lib/errors.ts";
import { verifyId } from "../lib/signed-links.ts";

export const meJson = new Hono<AppEnv>();

meJson.get("/", async (c) => {
  const id = c.req.query("id");
  const sig = c.req.query("sig");
  if (!id || !sig || !(await verifyId(c.env.SIGNING_KEY ?? "", id, sig))) throw new ApiError(404, "not_found");
  const r = await getSignup(c.env.DB, id);
  if (!r) throw new ApiError(404, "not_found");
  c.header("Content-Disposition", 'attachment; filename="heimvorteil-meine-daten.json"');
  c.header("Cache-Control", "no-store");
  return c.json({ ...r, towns: JSON.parse(r.towns), wants: JSON.parse(r.wants) });
});
