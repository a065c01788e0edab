// A child process hosting the embedded database on a data folder, as `npm start` does, so that
// the crash tests can SIGKILL the database itself. It loads, prints {"t":"loaded"}, opens the
// folder when a line arrives on stdin (so the next one can load while the current one still
// runs), then prints {"t":"ready","url","openMs"}; SIGTERM stops it cleanly.
//
//   node --conditions=react-server --import tsx tests/resilience/db-host.ts <data folder>
import { createInterface } from "node:readline";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";

const dataDir = process.argv[2];
if (!dataDir) {
  console.error("Usage: db-host.ts <data folder>");
  process.exit(2);
}
process.stdout.write(JSON.stringify({ t: "loaded" }) + "\n");
await new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve));
const t0 = performance.now();
try {
  const db = await startEmbeddedDatabase({ dataDir });
  process.stdout.write(JSON.stringify({ t: "ready", url: db.url, openMs: Math.round(performance.now() - t0) }) + "\n");
  process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
} catch (e) {
  process.stdout.write(JSON.stringify({ t: "failed", message: (e as Error).message }) + "\n");
  process.exit(1);
}
