import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CustomRoute } from "@slack/bolt";

export interface ObservabilityServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A plain HTTP server for the observability routes, for Socket Mode, where there is no Slack
 * HTTP receiver to serve /healthz, /readyz and /metrics. Only GET routes are expected.
 */
export async function startObservabilityServer(options: {
  routes: CustomRoute[];
  port: number;
  host?: string;
}): Promise<ObservabilityServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = options.routes.find(
      (candidate) => candidate.path === path && [candidate.method].flat().includes(req.method ?? "GET"),
    );
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    route.handler(Object.assign(req, { params: {} }), res);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
