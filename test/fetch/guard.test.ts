/**
 * Issue 4, must-show 2 (SSRF part): private, loopback, link-local/metadata addresses, IPv6 loopback,
 * decimal/hex/octal IP literals and a public-looking host that redirects to a private one are all refused
 * with FETCH_PRIVATE_ADDRESS — before any connection is made.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeFetch, assertPublicUrl, type FetchOptions } from "../../src/ingest/fetch/fetch.ts";
import { ImpactwireError } from "../../src/core/errors.ts";
import { startServer, type TestServer } from "./server.ts";

let server: TestServer;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    expect(err).toBeInstanceOf(ImpactwireError);
    expect((err as ImpactwireError).exitCode).toBe(4);
    return (err as ImpactwireError).code;
  }
}

beforeAll(async () => {
  server = await startServer({
    "/ok": (_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("hello"),
    "/to-private": (_req, res) => res.writeHead(302, { location: "http://10.0.0.1/feed" }).end(),
    "/to-metadata": (_req, res) => res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-loopback": (req, res) => res.writeHead(307, { location: `http://127.0.0.2:${server.port}/ok` }).end(),
    "/to-v6": (_req, res) => res.writeHead(308, { location: `http://[::1]:${server.port}/ok` }).end(),
    "/to-decimal": (_req, res) => res.writeHead(302, { location: `http://2130706434:${server.port}/ok` }).end(),
    "/to-name": (_req, res) => res.writeHead(302, { location: `http://internal.example:${server.port}/ok` }).end(),
    "/to-file": (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/to-ok": (_req, res) => res.writeHead(302, { location: "/ok" }).end(),
    "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
  });
});
afterAll(() => server.close());

/** `public.example` resolves to the loopback test server, and only 127.0.0.1 is treated as public. */
const hooks: FetchOptions = {
  resolve: async (host) => {
    if (host === "public.example") return [{ address: "127.0.0.1", family: 4 }];
    if (host === "internal.example") return [{ address: "127.0.0.2", family: 4 }];
    if (host === "metadata.example") return [{ address: "169.254.169.254", family: 4 }];
    if (host === "mixed.example") return [{ address: "127.0.0.1", family: 4 }, { address: "10.1.2.3", family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  },
  treatAsPublic: ["127.0.0.1"],
  timeoutMs: 3000,
};

describe("direct URLs to non-public addresses are refused before connecting", () => {
  const cases = [
    "http://127.0.0.1:PORT/ok",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://[::1]:PORT/ok",
    "http://2130706433:PORT/ok", // decimal 127.0.0.1
    "http://0x7f000001:PORT/ok", // hex
    "http://0177.0.0.1:PORT/ok", // octal
    "http://127.1:PORT/ok", // short form
    "http://[::ffff:127.0.0.1]:PORT/ok", // IPv4-mapped IPv6
    "http://100.64.0.1/", // CGNAT
    "http://[fe80::1]/",
    "http://localhost:PORT/ok",
    "http://0.0.0.0:PORT/ok",
  ];
  it.each(cases)("%s → FETCH_PRIVATE_ADDRESS", async (tpl) => {
    const before = server.connections;
    const started = Date.now();
    expect(await codeOf(safeFetch(tpl.replace("PORT", String(server.port)), { timeoutMs: 3000 }))).toBe("FETCH_PRIVATE_ADDRESS");
    expect(server.connections).toBe(before);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a name that resolves to the metadata address is refused at connect time", async () => {
    expect(await codeOf(safeFetch("http://metadata.example/latest/", hooks))).toBe("FETCH_PRIVATE_ADDRESS");
  });

  it("a name with one private address among public ones is refused", async () => {
    const before = server.connections;
    expect(await codeOf(safeFetch(`http://mixed.example:${server.port}/ok`, hooks))).toBe("FETCH_PRIVATE_ADDRESS");
    expect(server.connections).toBe(before);
  });

  it("allowPrivate lets the operator reach loopback", async () => {
    const res = await safeFetch(`${server.origin}/ok`, { allowPrivate: true });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe("hello");
  });
});

describe("a public-looking host that redirects to a private one is refused", () => {
  it("the test hook makes public.example reachable", async () => {
    const res = await safeFetch(`http://public.example:${server.port}/to-ok`, hooks);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`http://public.example:${server.port}/ok`);
    expect(res.redirects).toBe(1);
  });
  it.each(["/to-private", "/to-metadata", "/to-loopback", "/to-v6", "/to-decimal", "/to-name"])("%s → FETCH_PRIVATE_ADDRESS", async (path) => {
    const before = server.requests.length;
    expect(await codeOf(safeFetch(`http://public.example:${server.port}${path}`, hooks))).toBe("FETCH_PRIVATE_ADDRESS");
    // only the first hop reached the server
    expect(server.requests.slice(before)).toEqual([path]);
  });
  it("DNS rebinding: the second resolution to a private address is refused", async () => {
    let calls = 0;
    const rebinding: FetchOptions = {
      ...hooks,
      resolve: async () => [{ address: calls++ === 0 ? "127.0.0.1" : "10.0.0.7", family: 4 }],
    };
    expect((await safeFetch(`http://rebind.example:${server.port}/ok`, rebinding)).status).toBe(200);
    expect(await codeOf(safeFetch(`http://rebind.example:${server.port}/ok`, rebinding))).toBe("FETCH_PRIVATE_ADDRESS");
  });
});

describe("URL rules", () => {
  it.each(["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "not a url", "http://user:pw@example.com/"])("%s → FETCH_INVALID_URL", async (url) => {
    expect(await codeOf(safeFetch(url))).toBe("FETCH_INVALID_URL");
  });
  it("a redirect to file: is refused", async () => {
    expect(await codeOf(safeFetch(`http://public.example:${server.port}/to-file`, hooks))).toBe("FETCH_INVALID_URL");
  });
  it("a redirect loop stops at the limit", async () => {
    expect(await codeOf(safeFetch(`http://public.example:${server.port}/loop`, { ...hooks, maxRedirects: 3 }))).toBe("FETCH_TOO_MANY_REDIRECTS");
  });
  it("an unknown host → FETCH_DNS", async () => {
    expect(await codeOf(safeFetch("http://nowhere.example/", hooks))).toBe("FETCH_DNS");
  });
  it("assertPublicUrl validates webhook URLs without network access", () => {
    expect(assertPublicUrl("https://hooks.example.com/x").hostname).toBe("hooks.example.com");
    expect(() => assertPublicUrl("http://0x7f000001/")).toThrow(/FETCH_PRIVATE_ADDRESS|refusing/);
    expect(() => assertPublicUrl("http://sub.localhost/")).toThrow(/refusing/);
    expect(() => assertPublicUrl("javascript:alert(1)")).toThrow(/scheme/);
    expect(assertPublicUrl("http://127.0.0.1:9/", { allowPrivate: true }).port).toBe("9");
  });
});
