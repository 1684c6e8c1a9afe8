// The test-only binding the vitest config adds: the real migrations, read from worker/migrations.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
