// Installs and caches code-server 4.100.3 for the integration tests and `npm start`. Idempotent: a no-op when cached.
import { ensureCodeServer } from './lib/codeServerSetup.mjs';

ensureCodeServer().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
