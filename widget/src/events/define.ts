import { defineOnce } from "../lib/define.ts";
import { HvEvents } from "./hv-events.ts";

await defineOnce("hv-events", HvEvents);
