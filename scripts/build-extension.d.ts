import { type Target } from "../extension/manifest.ts";
export declare const EXTENSION_DIST: string;
export declare const DEFAULT_API_ORIGIN = "http://127.0.0.1:8787";
/** Why `origin` cannot go into a store build, or undefined when it can. */
export declare function storeOriginProblem(origin: string): string | undefined;
export declare function buildExtension(target: Target, apiOrigin?: string, outDir?: string, store?: boolean): Promise<string>;
