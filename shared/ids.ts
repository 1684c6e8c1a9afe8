/**
 * The ids of the towns and of the event kinds, apart from their names and coordinates: the widget loader
 * checks attributes against them before the element's code arrives, and must stay small. towns.ts and
 * taxonomy.ts are typed against these lists, and a test keeps them equal.
 */
export const TOWN_IDS = [
  "arnsberg",
  "bestwig",
  "brilon",
  "eslohe",
  "hallenberg",
  "marsberg",
  "medebach",
  "meschede",
  "olsberg",
  "schmallenberg",
  "sundern",
  "winterberg",
] as const;
export type TownId = (typeof TOWN_IDS)[number];

export const EVENT_KIND_IDS = ["stammtisch", "fair", "info_evening", "company_visit", "workshop", "leisure"] as const;
export type EventKind = (typeof EVENT_KIND_IDS)[number];
