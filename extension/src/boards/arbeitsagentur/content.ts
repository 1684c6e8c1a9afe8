// The content script on arbeitsagentur's pages (see extension/manifest.ts): the shared script with this board's adapter only.
import { start } from "../../content/index.ts";
import { arbeitsagentur } from "./board.ts";

start(arbeitsagentur);
