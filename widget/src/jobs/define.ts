import { defineOnce } from "../lib/define.ts";
import { HvJobs } from "./hv-jobs.ts";

defineOnce("hv-jobs", HvJobs);
