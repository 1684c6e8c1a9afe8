// The content script on indeed's pages (see extension/manifest.ts): the shared script with this board's adapter only.
import { start } from "../../content/index.ts";
import { indeed } from "./board.ts";

start(indeed);
