// The test-only binding the vitest config adds: the real migrations, read from worker/migrations.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}

// Fixture files imported as text (Vite's `?raw`).
declare module "*?raw" {
  const text: string;
  export default text;
}
