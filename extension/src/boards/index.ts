/** Every board the extension runs on; the manifest's content-script matches come from here. */
import { arbeitsagentur } from "./arbeitsagentur/board.ts";
import { indeed } from "./indeed/board.ts";
import { linkedin } from "./linkedin/board.ts";
import { stepstone } from "./stepstone/board.ts";
import type { Board } from "./types.ts";
import { xing } from "./xing/board.ts";

export const BOARDS: readonly Board[] = [stepstone, indeed, linkedin, xing, arbeitsagentur];

export function boardFor(url: URL): Board | undefined {
  return BOARDS.find((b) => b.owns(url));
}
