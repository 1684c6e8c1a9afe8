import { defineOnce } from "../lib/define.ts";
import { HvJobs } from "./hv-jobs.ts";

// No top-level await: it would turn off the bundler's chunk merging (see scripts/build-widget.ts).
void defineOnce("hv-jobs", HvJobs);
