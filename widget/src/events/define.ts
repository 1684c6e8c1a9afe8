import { defineOnce } from "../lib/define.ts";
import { HvEvents } from "./hv-events.ts";

defineOnce("hv-events", HvEvents);
