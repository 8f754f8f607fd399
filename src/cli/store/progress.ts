/**
 * Import progress: a one-line bar redrawn in place on a terminal, periodic log lines otherwise
 * (so that logs and CI output stay readable). Both go to stderr; stdout carries only the summary.
 */
import type { ImportStats } from "../../ingest/import/import.ts";

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

function rate(s: ImportStats): number {
  const done = s.created + s.revised + s.unchanged + s.duplicate + s.bad;
  return s.elapsedMs > 0 ? (done * 1000) / s.elapsedMs : 0;
}

/**
 * The progress line for a terminal: bar, percent of bytes, lines, rate and ETA.
 *
 * @example
 * barLine(stats, 30) // "[#########.....] 45% line 9,000 · 1,234/s · ETA 8s"
 */
export function barLine(s: ImportStats, width = 30): string {
  const frac = s.totalBytes ? Math.min(1, s.bytes / s.totalBytes) : 1;
  const filled = Math.round(frac * width);
  const r = rate(s);
  const bytesPerSec = s.elapsedMs > 0 ? ((s.bytes - 0) * 1000) / s.elapsedMs : 0;
  const eta = bytesPerSec > 0 ? Math.ceil((s.totalBytes - s.bytes) / bytesPerSec) : 0;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.floor(frac * 100)}% line ${fmt(s.acknowledged)} · ${fmt(r)}/s · ${s.bad} bad · ETA ${eta}s`;
}

/**
 * The progress log line used when stderr is not a terminal.
 *
 * @example
 * logLine(stats) // "import: acknowledged line 9000 (45%), 8,800 new, 12 bad, 1,234 articles/s"
 */
export function logLine(s: ImportStats): string {
  const pct = s.totalBytes ? Math.floor((s.bytes / s.totalBytes) * 100) : 100;
  return `import: acknowledged line ${s.acknowledged} (${pct}%), ${fmt(s.created)} new, ${fmt(s.revised)} revised, ${fmt(s.unchanged + s.duplicate)} already known, ${s.bad} bad, ${fmt(rate(s))} articles/s`;
}

/**
 * A progress reporter writing to a stream (bar on a TTY, log lines otherwise).
 *
 * @example
 * const report = progressReporter(process.stderr);
 * await importFile({ …, onProgress: report.update });
 * report.done();
 */
export function progressReporter(out: NodeJS.WriteStream | NodeJS.WritableStream): { update: (s: ImportStats) => void; clear: () => void; done: () => void } {
  const tty = (out as NodeJS.WriteStream).isTTY === true;
  let drawn = false;
  return {
    update(s) {
      if (tty) {
        out.write(`\r\u001b[2K${barLine(s, Math.max(10, Math.min(40, ((out as NodeJS.WriteStream).columns || 100) - 55)))}`);
        drawn = true;
      } else out.write(`${logLine(s)}\n`);
    },
    clear() {
      if (tty && drawn) out.write("\r\u001b[2K"), (drawn = false);
    },
    done() {
      if (tty && drawn) out.write("\n"), (drawn = false);
    },
  };
}
