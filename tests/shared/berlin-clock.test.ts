import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { berlinClock } from "../../shared/berlin-clock.ts";

const intl = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  weekday: "short",
});
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function fromIntl(date: Date) {
  const p = Object.fromEntries(intl.formatToParts(date).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: WEEKDAYS.indexOf(p.weekday ?? ""),
  };
}

describe("Berlin wall-clock time without Intl", () => {
  it("agrees with the time zone database for any instant from 2000 to 2099", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
        (date) => {
          expect(berlinClock(date)).toEqual(fromIntl(date));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("switches exactly at 01:00 UTC on the last Sundays of March and October", () => {
    for (const iso of [
      "2026-03-29T00:59:59Z",
      "2026-03-29T01:00:00Z",
      "2026-10-25T00:59:59Z",
      "2026-10-25T01:00:00Z",
    ]) {
      expect(berlinClock(new Date(iso))).toEqual(fromIntl(new Date(iso)));
    }
    expect(berlinClock(new Date("2026-03-29T01:00:00Z")).hour).toBe(3);
    expect(berlinClock(new Date("2026-10-25T01:00:00Z")).hour).toBe(2);
  });
});
