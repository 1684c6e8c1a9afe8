/**
 * The demo's events made in the console: the Meschede economic development office's consultation hour for
 * returnees on the first Wednesday of each month at 17:00, for the next half year, one date of it cancelled, so the console's Events and the public calendar show a
 * series and a cancellation. And a returnees' breakfast in Arnsberg six days on, so a demo person with
 * meet-ups in Arnsberg is invited on any day the demo starts (`npm run digest`). Made by the first admin
 * account (run after the staff are added).
 */
import { instantsOf, seriesDates } from "../src/lib/series.ts";

export function demoSeriesSql(today: Date): string {
  const first = today.toISOString().slice(0, 10);
  const until = new Date(today.getTime() + 182 * 86_400_000).toISOString().slice(0, 10);
  const rule = { every: "month", nth: 1, weekday: 2 } as const;
  const dates = seriesDates(rule, first, until);
  const at = today.toISOString();
  const staff = "(SELECT id FROM staff WHERE role = 'admin' ORDER BY created_at LIMIT 1)";
  const details = {
    kind: "info_evening",
    title: "Rückkehr-Sprechstunde Meschede",
    description:
      "Stellen, Kita, Wohnung, Förderung: die Wirtschaftsförderung beantwortet Fragen rund um die Rückkehr, persönlich oder per Video. Ohne Anmeldung.",
    town_id: "meschede",
    venue: "Rathaus, Raum 104 (fiktiv)",
    address: "Am Rathaus 1",
    organizer: "Wirtschaftsförderung Meschede (Demo)",
  };
  const values = Object.values(details).map((v) => `'${v.replaceAll("'", "''")}'`);
  const series = `INSERT INTO event_series (id, kind, title, description, town_id, venue, address, organizer, url, rule,
  start_time, end_time, first_date, until_date, created_by, created_at, updated_at)
SELECT 'demo-series-meschede', ${values.join(", ")}, NULL, '${JSON.stringify(rule)}', '17:00', '19:00', '${first}', '${until}',
  ${staff}, '${at}', '${at}' WHERE EXISTS ${staff.replace("SELECT id", "SELECT 1")};\n`;
  const events = dates.map((d, i) => {
    const when = instantsOf(d, "17:00", "19:00");
    // The second date is called off: it stays in the calendar, marked.
    const cancelled = i === 1 ? `'${at}'` : "NULL";
    return `INSERT INTO events (kind, title, description, town_id, venue, address, organizer, url, starts_at, ends_at,
  all_day, updated_at, series_id, created_by, cancelled_at, sequence)
SELECT ${values.join(", ")}, NULL, '${when.starts_at}', '${when.ends_at}', 0, '${at}', 'demo-series-meschede',
  ${staff}, ${cancelled}, ${i === 1 ? 1 : 0} WHERE EXISTS (SELECT 1 FROM event_series WHERE id = 'demo-series-meschede');\n`;
  });
  const day = new Date(today.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  const breakfast = instantsOf(day, "10:00", "12:00");
  const meetup = [
    "stammtisch",
    "Rückkehrer-Frühstück Arnsberg",
    "Frühstück mit Leuten, die schon zurück sind, und dem Kreis-Team: Fragen zu Stellen, Wohnen und Kita in lockerer Runde.",
    "arnsberg",
    "Café am Neumarkt (fiktiv)",
    "Neumarkt 3, 59821 Arnsberg",
    "Wirtschaftsförderung Hochsauerlandkreis (Demo)",
  ].map((v) => `'${v.replaceAll("'", "''")}'`);
  const oneOff = `INSERT INTO events (kind, title, description, town_id, venue, address, organizer, url, starts_at, ends_at,
  all_day, updated_at, created_by, sequence)
SELECT ${meetup.join(", ")}, NULL, '${breakfast.starts_at}', '${breakfast.ends_at}', 0, '${at}', ${staff}, 0
  WHERE EXISTS ${staff.replace("SELECT id", "SELECT 1")};\n`;
  return series + events.join("") + oneOff;
}
