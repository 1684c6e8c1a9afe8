import type { Board } from "./types.ts";
export declare const BOARDS: readonly Board[];
export declare function boardFor(url: URL): Board | undefined;
