// The content script on linkedin's pages (see extension/manifest.ts): the shared script with this board's adapter only.
import { start } from "../../content/index.ts";
import { linkedin } from "./board.ts";

start(linkedin);
