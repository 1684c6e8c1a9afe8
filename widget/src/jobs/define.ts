import { defineOnce } from "../lib/define.ts";
import { HvJobs } from "./hv-jobs.ts";

await defineOnce("hv-jobs", HvJobs);
