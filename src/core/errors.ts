/**
 * The one error class of impactwire. Every error carries a stable `code`, the module that raised it
 * (its message is prefixed with it, Miniflux style), the exit code the CLI uses for it, the HTTP status
 * the API answers with, and the underlying `cause` when there is one.
 *
 * @example
 * throw new ImpactwireError("fetch", "FETCH_PRIVATE_ADDRESS", "refusing to connect to 10.0.0.1", { status: 403 });
 */
export class ImpactwireError extends Error {
  override readonly name = "ImpactwireError";
  readonly module: string;
  readonly code: string;
  readonly status: number;
  readonly exitCode: number;
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    module: string,
    code: string,
    message: string,
    options: { cause?: unknown; status?: number; exitCode?: number; detail?: Record<string, unknown> } = {},
  ) {
    super(`${module}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.module = module;
    this.code = code;
    this.status = options.status ?? 400;
    this.exitCode = options.exitCode ?? EXIT.input;
    this.detail = options.detail;
  }

  /** A JSON-safe view (no stack): used for NDJSON error lines and problem+json answers. */
  toJSON(): { code: string; module: string; message: string; detail?: Record<string, unknown> } {
    return { code: this.code, module: this.module, message: this.message, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

/**
 * Documented process exit codes of the CLI (see README "Exit codes").
 *
 * @example
 * process.exitCode = EXIT.usage;
 */
export const EXIT = {
  ok: 0,
  /** unexpected internal failure (a bug) */
  internal: 1,
  /** bad command line: unknown command or option */
  usage: 2,
  /** the input cannot be analysed: empty, binary, too large, invalid encoding, malformed line */
  input: 3,
  /** fetching a URL failed: unreachable, refused by the network guard, timeout, not HTML/text */
  fetch: 4,
  /** a batch finished but some lines failed */
  partial: 5,
  /** storage or configuration problem */
  config: 6,
} as const;

/**
 * Wraps anything thrown into an ImpactwireError, keeping the original as `cause`.
 *
 * @example
 * catch (e) { throw asImpactwireError(e, "store", "STORE_FAILED") }
 */
export function asImpactwireError(err: unknown, module = "internal", code = "INTERNAL"): ImpactwireError {
  if (err instanceof ImpactwireError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ImpactwireError(module, code, message, { cause: err, status: 500, exitCode: EXIT.internal });
}
