export type Target = "chrome" | "firefox";
export declare function manifest(target: Target, apiOrigin: string, version: string): import("@crxjs/vite-plugin").ManifestV3Export;
