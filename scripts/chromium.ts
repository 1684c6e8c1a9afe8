// The system Chromium (Debian's package, installed by .ci/run); CHROMIUM_PATH points elsewhere on other machines.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
