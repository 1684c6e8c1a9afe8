import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";

it("answers", async () => {
  const res = await SELF.fetch("https://api.test/v1/towns");
  expect(res.status).toBe(200);
  const body = await res.json<{ data: unknown[] }>();
  expect(body.data).toHaveLength(12);
  const r2 = await SELF.fetch("https://api.test/v1/events/3.ics");
  console.log(r2.status, await r2.text());
  const r3 = await SELF.fetch("https://api.test/v1/openapi.json");
  console.log(r3.status, (await r3.text()).slice(0, 3000));
});
