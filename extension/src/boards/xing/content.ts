// The content script on xing's pages (see extension/manifest.ts): the shared script with this board's adapter only.
import { start } from "../../content/index.ts";
import { xing } from "./board.ts";

start(xing);
