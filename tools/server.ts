/**
 * The web as the end-to-end tests see it: one node:http server on 127.0.0.1 that the browsers reach
 * under real host names (Chromium through --host-resolver-rules, Firefox through a proxy pref), so
 * the extension's `*://*.handelsblatt.com/*` match applies unchanged. Every request is recorded:
 * a test can then prove what the extension did not fetch.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RecordedRequest {
  method: string;
  /** Absolute URL as the browser meant it, whether it asked directly or through us as its proxy. */
  url: string;
}

export interface Response {
  body: string | readonly string[];
  /** Wait this long before sending anything, like a slow origin. */
  delayMs?: number;
  /** With an array body: the pause between parts, so the browser parses and paints a half-loaded page. */
  partDelayMs?: number;
  status?: number;
  contentType?: string;
}

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void | Promise<void>;
export type Route = string | Response | Handler;

export class PageServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests no route answered: whatever asked for them was not a page of the test. */
  readonly unrouted: RecordedRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly server: Server = createServer((request, response) => {
    this.handle(request, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });

  /** `where` is a path served on every host, or an absolute URL served on its host only. */
  route(where: string, route: Route): this {
    this.routes.set(routeKey(where), route);
    return this;
  }

  async listen(): Promise<this> {
    // A browser that is sent through us as a proxy asks for https with CONNECT; refusing makes it fall back to http.
    this.server.on('connect', (request: IncomingMessage, socket) => {
      this.requests.push({ method: 'CONNECT', url: `https://${request.url ?? ''}/` });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => { resolve(); }));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Proxied requests carry an absolute URL, direct ones a path plus a Host header.
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    const recorded = { method: request.method ?? 'GET', url: url.href };
    this.requests.push(recorded);
    const route = this.routes.get(routeKey(url.href)) ?? this.routes.get(url.pathname);
    if (route === undefined) {
      this.unrouted.push(recorded);
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } else if (typeof route === 'function') {
      await route(request, response, url);
    } else {
      await send(response, typeof route === 'string' ? { body: route } : route);
    }
  }
}

function routeKey(where: string): string {
  if (where.startsWith('/')) return where;
  const url = new URL(where);
  return `${url.host}${url.pathname}`;
}

/** Answers with `response`'s body, after its delay, pausing between its parts. */
export async function send(response: ServerResponse, { body, delayMs = 0, partDelayMs = 0, status = 200, contentType = 'text/html; charset=utf-8' }: Response): Promise<void> {
  if (delayMs > 0) await sleep(delayMs);
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  const parts = typeof body === 'string' ? [body] : body;
  for (const [index, part] of parts.entries()) {
    if (index > 0 && partDelayMs > 0) await sleep(partDelayMs);
    response.write(part);
  }
  response.end();
}

/** Where a page's markup pauses (see `inParts`): a comment, so the page is the same whole. */
export const PAUSE = '<!--lagebild-test-pause-->';
const PAUSE_MS = 300;

/** `html` as a response that pauses at each `PAUSE`, so the browser paints what came before (one part where it has none). */
export function inParts(html: string): Response {
  return { body: html.split(PAUSE), partDelayMs: PAUSE_MS };
}

/** A listening server that already answers the favicon request every browser makes for every page. */
export async function startServer(): Promise<PageServer> {
  return new PageServer().route('/favicon.ico', { body: '', status: 204 }).listen();
}

/** The fixtures name https URLs; the test server speaks plain http under the same host and path, which `*://` matches alike. */
export function served(url: string): string {
  return url.replace(/^https:/, 'http:');
}
