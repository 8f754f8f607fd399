/**
 * A loopback HTTP test server (127.0.0.1, random port) whose routes are plain handlers.
 * Counts accepted connections so tests can prove that a refused request never connected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void;

export interface TestServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  connections: number;
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server; routes are matched on the path without the query. */
export async function startServer(routes: Record<string, Handler>, host = "127.0.0.1"): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = { port: 0, origin: "", connections: 0, requests: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    state.requests.push(req.url ?? "");
    const path = (req.url ?? "/").split("?")[0]!;
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    route(req, res, state);
  });
  server.on("connection", (s: Socket) => {
    state.connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  state.port = (server.address() as AddressInfo).port;
  state.origin = `http://${host}:${state.port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}
