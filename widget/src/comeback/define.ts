import { defineOnce } from "../lib/define.ts";
import { HvComeback } from "./hv-comeback.ts";

await defineOnce("hv-comeback", HvComeback);
