import { TOWN_IDS, type TownId } from "./ids.ts";

/** The twelve towns and municipalities of the Hochsauerlandkreis, with the coordinates of their centres. */
export interface Town {
  id: string;
  name: string;
  postalCode: string;
  lat: number;
  lon: number;
}

// The same rows are inserted by worker/migrations/0001_create_region.sql; a test keeps the two equal.
export const TOWNS = [
  { id: "arnsberg", name: "Arnsberg", postalCode: "59755", lat: 51.3967, lon: 8.0644 },
  { id: "bestwig", name: "Bestwig", postalCode: "59909", lat: 51.3611, lon: 8.4008 },
  { id: "brilon", name: "Brilon", postalCode: "59929", lat: 51.3956, lon: 8.5678 },
  { id: "eslohe", name: "Eslohe", postalCode: "59889", lat: 51.2536, lon: 8.1667 },
  { id: "hallenberg", name: "Hallenberg", postalCode: "59969", lat: 51.1106, lon: 8.6222 },
  { id: "marsberg", name: "Marsberg", postalCode: "34431", lat: 51.4617, lon: 8.8467 },
  { id: "medebach", name: "Medebach", postalCode: "59964", lat: 51.1972, lon: 8.7069 },
  { id: "meschede", name: "Meschede", postalCode: "59872", lat: 51.35, lon: 8.2833 },
  { id: "olsberg", name: "Olsberg", postalCode: "59939", lat: 51.3564, lon: 8.4861 },
  { id: "schmallenberg", name: "Schmallenberg", postalCode: "57392", lat: 51.1547, lon: 8.2883 },
  { id: "sundern", name: "Sundern", postalCode: "59846", lat: 51.3286, lon: 8.0 },
  { id: "winterberg", name: "Winterberg", postalCode: "59955", lat: 51.1931, lon: 8.5336 },
] as const satisfies readonly (Town & { id: TownId })[];

export { TOWN_IDS, type TownId };

const byId = /* @__PURE__ */ new Map<string, Town>(TOWNS.map((t) => [t.id, t]));
export function townById(id: string): Town | undefined {
  return byId.get(id);
}

// A town as people write it: its id or its name, in any case, with or without umlauts spelt out.
const fold = (text: string) =>
  text.trim().toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
const byWriting = /* @__PURE__ */ new Map<string, TownId>(
  TOWNS.flatMap((t) => [
    [fold(t.id), t.id],
    [fold(t.name), t.id],
  ]),
);

/** The id of the town `text` names (`meschede`, `Meschede`, `MESCHEDE`), or undefined. */
export function townIdOf(text: string): TownId | undefined {
  return byWriting.get(fold(text));
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Pick<Town, "lat" | "lon">, b: Pick<Town, "lat" | "lon">): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/**
 * The towns whose centre lies within `radiusKm` of any of `centres` (the centres themselves included).
 * Jobs are located by town, so a radius search is a search over a set of towns: exact enough for
 * municipalities a few kilometres across, and it keeps the query an indexed `IN (…)`.
 */
export function townsWithin(centres: readonly string[], radiusKm: number): TownId[] {
  const origins = centres.map(townById).filter((t): t is Town => t !== undefined);
  return TOWNS.filter((t) => origins.some((o) => distanceKm(o, t) <= radiusKm)).map((t) => t.id);
}
