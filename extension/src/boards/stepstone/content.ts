// The content script on stepstone's pages (see extension/manifest.ts): the shared script with this board's adapter only.
import { start } from "../../content/index.ts";
import { stepstone } from "./board.ts";

start(stepstone);
