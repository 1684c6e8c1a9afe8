import type { Board } from "../types.ts";
export declare const linkedin: Board;
