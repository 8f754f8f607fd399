/**
 * Security of the UI: the strict Content-Security-Policy (and friends) on every page, and CSRF
 * protection for the forms that write (same-origin check of Origin/Referer + a double-submit token
 * kept in a SameSite=Strict cookie).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers set on every UI response (pages and static files). */
export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

const COOKIE = "iw_csrf";

function readCookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/**
 * The CSRF token for a page with a form: reuses the cookie's token or sets a new one.
 *
 * @example
 * const token = csrfToken(req, reply); html`<input type="hidden" name="csrf" value="${token}">`
 */
export function csrfToken(req: FastifyRequest, reply: FastifyReply): string {
  const existing = readCookie(req, COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString("base64url");
  reply.header("set-cookie", `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
  return token;
}

function sameOrigin(req: FastifyRequest): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const origin = req.headers.origin ?? req.headers.referer;
  if (typeof origin !== "string" || origin === "" || origin === "null") return false;
  try {
    const o = new URL(origin);
    // Normalise the Host header with the origin's scheme so default ports compare equal.
    return (o.protocol === "http:" || o.protocol === "https:") && o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * Checks a form POST: same origin (Origin, else Referer) and the form token equal to the cookie token.
 * Returns an error message or null when the request is fine.
 *
 * @example
 * const problem = checkCsrf(req, body.csrf); if (problem) return reply.code(403)…
 */
export function checkCsrf(req: FastifyRequest, formToken: string | undefined): string | null {
  if (!sameOrigin(req)) return "the form was not sent from this site (Origin/Referer check failed)";
  const cookie = readCookie(req, COOKIE);
  if (!cookie || !formToken) return "the form's security token is missing: reload the page and try again";
  const a = Buffer.from(cookie);
  const b = Buffer.from(formToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "the form's security token does not match: reload the page and try again";
  return null;
}
