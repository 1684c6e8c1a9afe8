/** The reader's choices, in extension storage: boards switched on, preferred towns, language, snooze. */
import { BOARD_IDS, type BoardId } from "../boards/types.ts";
import { ext } from "./native.ts";

export interface Settings {
  boards: Record<BoardId, boolean>;
  towns: string[];
  lang: "de" | "en";
  /** Epoch ms until which no hint is shown anywhere. */
  snoozedUntil: number;
}

export const DEFAULTS: Settings = {
  boards: Object.fromEntries(BOARD_IDS.map((id) => [id, true])) as Record<BoardId, boolean>,
  towns: [],
  lang: "de",
  snoozedUntil: 0,
};

export async function readSettings(): Promise<Settings> {
  const { settings } = (await ext.storage.local.get("settings")) as { settings?: Partial<Settings> };
  return { ...DEFAULTS, ...settings, boards: { ...DEFAULTS.boards, ...settings?.boards } };
}

export async function writeSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings()), ...change };
  await ext.storage.local.set({ settings: next });
  return next;
}
