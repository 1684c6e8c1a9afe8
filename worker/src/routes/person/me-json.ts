/** `GET /me.json`: the same data as /me, as a download (signed link). */
import { Hono } from "hono";
import { getSignup } from "../../db/signups.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../lib/errors.ts";
import { verifyLink } from "../../lib/signed-links.ts";

export const meJson = new Hono<AppEnv>();

meJson.get("/", async (c) => {
  const link = await verifyLink(c.env.SIGNING_KEY ?? "", c.req.query());
  const r = link ? await getSignup(c.env.DB, link.id) : null;
  if (!r || r.link_version !== link?.version) throw new ApiError(404, "not_found");
  c.header("Content-Disposition", 'attachment; filename="heimvorteil-meine-daten.json"');
  c.header("Cache-Control", "no-store");
  return c.json({ ...r, towns: JSON.parse(r.towns), wants: JSON.parse(r.wants) });
});
