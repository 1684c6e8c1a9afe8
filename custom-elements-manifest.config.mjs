// custom-elements.json from the elements' JSDoc: `npm run manifest` writes widget/custom-elements.json,
// `npm run manifest:check` fails when it is out of date. Only the public API goes in: Lit's internal
// state properties and private members are left out.
export default {
  globs: ["widget/src/jobs/hv-jobs.ts", "widget/src/events/hv-events.ts"],
  litelement: true,
  packagejson: false,
  outdir: process.env.CEM_OUTDIR ?? "widget",
  plugins: [
    {
      name: "heimvorteil-public-api-only",
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          mod.path = mod.path.replace(/\\/g, "/");
          for (const declaration of mod.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((m) => m.privacy === "private" || m.name.startsWith("#") || m.static)
                .map((m) => m.name),
            );
            declaration.members = (declaration.members ?? []).filter((m) => !hidden.has(m.name));
            declaration.attributes = (declaration.attributes ?? []).filter((a) => !hidden.has(a.fieldName));
          }
        }
      },
    },
  ],
};
