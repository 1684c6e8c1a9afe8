// The extension's store build talks to the API over https only; the plain build is for development.
import { describe, expect, it } from "vitest";
import { buildExtension, storeOriginProblem } from "../../scripts/build-extension.ts";

describe("the extension's store build", () => {
  it("refuses an API origin that is not https, before building anything", async () => {
    expect(storeOriginProblem("https://api.heimvorteil.example")).toBeUndefined();
    expect(storeOriginProblem("http://127.0.0.1:8787")).toBe("the API origin http://127.0.0.1:8787 is not https");
    await expect(buildExtension("chrome", "http://127.0.0.1:8787", "/nonexistent/never-written", true)).rejects.toThrow(
      /No store build: the API origin http:\/\/127\.0\.0\.1:8787 is not https/,
    );
  });
});
