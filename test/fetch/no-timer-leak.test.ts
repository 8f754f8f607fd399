import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";

// A refused URL must not leave the total-deadline timer running: the process exits at once.
it("a private URL is refused without keeping the process alive until the deadline", () => {
  const root = join(import.meta.dirname, "..", "..");
  const script = `
    import { safeFetch } from "./src/ingest/fetch/fetch.ts";
    const t = Date.now();
    safeFetch("http://10.0.0.1/", { timeoutMs: 20000 }).catch((e) => { console.log(e.code); globalThis.t = t; });
    process.on("exit", () => console.log("exit after", Date.now() - t));
  `;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 15000 });
  expect(r.stdout).toContain("FETCH_PRIVATE_ADDRESS");
  const ms = Number(/exit after (\d+)/.exec(r.stdout)?.[1]);
  expect(ms).toBeLessThan(5000);
});
