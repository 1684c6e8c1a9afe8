import type { Board } from "../types.ts";
export declare const xing: Board;
