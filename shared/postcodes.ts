/**
 * The Hochsauerlandkreis's postcodes and the town each belongs to, villages included (Arnsberg's Neheim and
 * Hüsten have their own, Winterberg's Züschen and Niedersfeld share the town's). The importers keep a job
 * only when its place is in the district: by postcode, and by the town's name where a source gives none.
 * tests/shared/region.test.ts keeps every town's own postcode here.
 */
import type { TownId } from "./ids.ts";

export const POSTCODES: Readonly<Record<string, TownId>> = {
  "59755": "arnsberg", // Neheim
  "59757": "arnsberg", // Neheim, Voßwinkel
  "59759": "arnsberg", // Hüsten, Herdringen
  "59821": "arnsberg", // Arnsberg (centre)
  "59823": "arnsberg", // Oeventrop, Rumbeck
  "59909": "bestwig",
  "59929": "brilon",
  "59889": "eslohe",
  "59969": "hallenberg",
  "34431": "marsberg",
  "59964": "medebach",
  "59872": "meschede",
  "59939": "olsberg",
  "57392": "schmallenberg",
  "59846": "sundern",
  "59955": "winterberg",
};

/**
 * Postcodes the district shares with a neighbour in another state: 59969 is Hallenberg (NRW) and
 * Bromskirchen (Hesse). A place with one of these counts only with its state given as NRW or its name
 * naming our town.
 */
export const SHARED_POSTCODES: ReadonlySet<string> = new Set(["59969"]);
