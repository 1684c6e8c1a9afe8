import { defineOnce } from "../lib/define.ts";
import { HvComeback } from "./hv-comeback.ts";

// No top-level await: it would turn off the bundler's chunk merging (see scripts/build-widget.ts).
void defineOnce("hv-comeback", HvComeback);
