import { defineOnce } from "../lib/define.ts";
import { HvEvents } from "./hv-events.ts";

// No top-level await: it would turn off the bundler's chunk merging (see scripts/build-widget.ts).
void defineOnce("hv-events", HvEvents);
