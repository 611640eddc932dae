/**
 * What the API mounts in front of its routes for operability: request ids, helmet's headers, /metrics, GraphiQL.
 */
import type { Express, RequestHandler } from "express";
import helmet from "helmet";
import { mountGraphiql } from "./graphiql.js";
import { requestIdFrom } from "./logger.js";
import { metricsAccess, type ApiMetrics } from "./metrics.js";

/** Every response carries `x-request-id`: the client's when sane, else a new one; the operation log uses it. */
export const requestIds: RequestHandler = (req, res, next) => {
  const id = requestIdFrom(req.headers["x-request-id"]);
  req.headers["x-request-id"] = id; // Apollo (operationsPlugin) reads the request's headers
  res.setHeader("x-request-id", id);
  next();
};

/**
 * helmet's defaults with a Content-Security-Policy that GraphiQL (local scripts, inline styles, data: fonts and
 * images, fetch and WebSocket to this origin) works under. No `upgrade-insecure-requests`: the API is also
 * served over plain HTTP on localhost.
 */
export const securityHeaders = (production: boolean): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Strict-Transport-Security only where TLS is terminated in front of a production deployment.
    strictTransportSecurity: production ? { maxAge: 15552000, includeSubDomains: true } : false,
  });

export interface OperabilityOptions {
  metrics: ApiMetrics;
  metricsToken: string | undefined;
  production: boolean;
}

/** Mounts request ids, security headers, /metrics and /graphiql/ (before the GraphQL route). */
export function mountOperability(app: Express, options: OperabilityOptions): void {
  app.use(requestIds, securityHeaders(options.production));
  app.get("/metrics", async (req, res) => {
    const access = metricsAccess(
      { remoteAddress: req.socket.remoteAddress, authorization: req.headers.authorization, forwarded: req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined },
      options.metricsToken,
    );
    if (access !== "allow") {
      if (access === "unauthorized") res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      res.status(access === "unauthorized" ? 401 : 403).type("text/plain").send(access === "unauthorized" ? "Bearer token required\n" : "Metrics are served to loopback callers only (or set METRICS_TOKEN)\n");
      return;
    }
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  mountGraphiql(app);
}
