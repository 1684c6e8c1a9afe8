import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EventDto } from "../../shared/schemas/events.ts";
import { googleCalendarHref } from "../../widget/src/events/calendar-links.ts";
import { formatDay, formatDays, formatMonth, formatTime, weekdayNames } from "../../widget/src/events/dates.ts";
import { formatNumber, postingAge } from "../../widget/src/lib/format.ts";

// The widgets format without Intl (its first use costs a long task); here Intl is the reference.
const langs = ["de", "en"] as const;

describe("the widgets' own formatting agrees with Intl", () => {
  it("numbers", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.constantFrom(...langs), (n, lang) => {
        expect(formatNumber(n, lang)).toBe(new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB").format(n));
      }),
    );
  });

  it("posting ages in days and weeks", () => {
    const now = new Date("2026-11-24T10:00:00Z");
    for (const lang of langs) {
      const rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
      for (let days = 0; days < 14; days++) {
        const posted = new Date(now.getTime() - days * 86_400_000).toISOString();
        expect(postingAge(posted, lang, now)).toBe(rtf.format(-days, "day"));
      }
      expect(postingAge("2026-11-03T10:00:00Z", lang, now)).toBe(rtf.format(-3, "week"));
    }
  });

  it("dates, times and month names in Europe/Berlin", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...langs),
        (date, lang) => {
          const iso = date.toISOString();
          const part = (o: Intl.DateTimeFormatOptions) =>
            new Intl.DateTimeFormat(lang, { timeZone: "Europe/Berlin", ...o }).format(date);
          const day = formatDay(iso, lang);
          for (const o of [{ weekday: "long" }, { month: "long" }, { year: "numeric" }] as const)
            expect(day).toContain(part(o));
          expect(formatTime(iso)).toBe(part({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
        },
      ),
    );
    expect(formatMonth(2026, 3, "de")).toBe("März 2026");
    expect(weekdayNames("en", "short")).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  });
});

describe("whole-day events", () => {
  // 1 and 2 July 2027 in Berlin: from midnight on the 1st to midnight after the 2nd (exclusive).
  const start = "2027-06-30T22:00:00.000Z";
  const end = "2027-07-02T22:00:00.000Z";

  it("name their days, the exclusive end not counted", () => {
    expect(formatDays(start, end, "de")).toBe("Donnerstag, 1. Juli 2027 – Freitag, 2. Juli 2027");
    expect(formatDays(start, "2027-07-01T22:00:00.000Z", "en")).toBe("Thursday, 1 July 2027");
  });

  it("go to Google Calendar as dates", () => {
    const e = {
      title: "Schnadezug",
      starts_at: start,
      ends_at: end,
      all_day: true,
      description: "",
      url: null,
      venue: "Innenstadt",
      address: null,
      town: { id: "brilon", name: "Brilon" },
    } as unknown as EventDto;
    expect(new URL(googleCalendarHref(e)).searchParams.get("dates")).toBe("20270701/20270703");
  });
});
