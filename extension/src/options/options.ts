/** The options page: boards, home towns, language; saved as they change. */
import { TOWNS } from "../../../shared/towns.ts";
import { BOARDS } from "../boards/index.ts";
import type { BoardId } from "../boards/types.ts";
import { readSettings, writeSettings } from "../lib/settings.ts";

const form = document.getElementById("options") as HTMLFormElement;
const boards = document.getElementById("boards") as HTMLFieldSetElement;
const towns = document.getElementById("towns") as HTMLFieldSetElement;
const saved = document.getElementById("saved") as HTMLElement;

function checkbox(name: string, value: string, label: string, checked: boolean): HTMLLabelElement {
  const wrap = document.createElement("label");
  const input = document.createElement("input");
  input.type = "checkbox";
  input.name = name;
  input.value = value;
  input.checked = checked;
  wrap.append(input, label);
  return wrap;
}

const settings = await readSettings();
for (const board of BOARDS) boards.append(checkbox("board", board.id, board.name, settings.boards[board.id]));
for (const town of TOWNS) towns.append(checkbox("town", town.id, town.name, settings.towns.includes(town.id)));
(form.elements.namedItem("lang") as HTMLSelectElement).value = settings.lang;

form.addEventListener("change", async () => {
  const data = new FormData(form);
  const on = new Set(data.getAll("board").map(String));
  await writeSettings({
    boards: Object.fromEntries(BOARDS.map((b) => [b.id, on.has(b.id)])) as Record<BoardId, boolean>,
    towns: data.getAll("town").map(String),
    lang: data.get("lang") === "en" ? "en" : "de",
  });
  saved.textContent = "✓";
});
