import { describe, expect, it } from "vitest";
import type { JobList } from "../../shared/schemas/jobs.ts";
import "../../widget/src/jobs/define.ts";
import { $$, api, countText, mount, settled } from "./helpers.ts";

describe("<hv-jobs>", () => {
  it("shows the region's newest jobs from the API with title, employer, town and a link to the job page", async () => {
    const el = mount(`<hv-jobs api="{api}" page-size="5"></hv-jobs>`);
    await settled(el);
    const expected = await api<JobList>("/v1/jobs?limit=5");
    const jobs = $$(el, "[part~='job']");
    expect(jobs).toHaveLength(5);
    expect(countText(el)).toBe(`${new Intl.NumberFormat("de").format(expected.total)} Stellen`);
    const titles = $$(el, "[part~='job-title']");
    expect(titles.map((a) => a.textContent?.trim().replace(/ \(öffnet in neuem Tab\)$/, ""))).toEqual(
      expected.data.map((j) => j.title),
    );
    expect(titles[0]?.getAttribute("href")).toBe(expected.data[0]?.url);
    expect(jobs[0]?.textContent).toContain(expected.data[0]?.employer.name);
  });
});
