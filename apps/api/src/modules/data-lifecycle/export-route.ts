/**
 * `GET /exports/tenant/<token>`: the download behind `exportTenantData`'s signed link (export-link.ts). The
 * token is the capability (one tenant, one user, minutes long); the user's tenant:export is decided again before
 * the first row. Bounded: at most `maxConcurrentExports` exports stream at once in a process and one per tenant;
 * more get 429 with Retry-After. A bad, expired or foreign token is 404, whatever the reason.
 */
import type { Express } from "express";
import type { Database } from "@qline/db";
import type { Config } from "../../env.js";
import type { Logger } from "../../observability/logger.js";
import { verifyExportLink } from "./export-link.js";
import { ExportRefused, streamTenantExport } from "./export-stream.js";

export const maxConcurrentExports = 2;

export function mountTenantExport(app: Express, deps: { config: Config; db: Database; logger: Logger }): void {
  const running = new Set<string>();
  app.get("/exports/tenant/:token", async (req, res) => {
    const claims = verifyExportLink(deps.config.jwtSecret, req.params.token, Math.floor(Date.now() / 1000));
    if (!claims) {
      res.status(404).json({ error: "This export link is unknown or has expired" });
      return;
    }
    if (running.size >= maxConcurrentExports || running.has(claims.tenantId)) {
      res.setHeader("retry-after", "30");
      res.status(429).json({ error: "An export is already running; retry shortly" });
      return;
    }
    running.add(claims.tenantId);
    const started = performance.now();
    try {
      const { rows } = await streamTenantExport(res, { db: deps.db, tenantId: claims.tenantId, userId: claims.userId });
      deps.logger.info({ tenantId: claims.tenantId, userId: claims.userId, rows, ms: Math.round(performance.now() - started) }, "tenant export streamed");
    } catch (error) {
      if (error instanceof ExportRefused) {
        if (!res.headersSent) res.status(404).json({ error: "This export link is unknown or has expired" });
      } else {
        deps.logger.error({ err: error, tenantId: claims.tenantId }, "tenant export failed mid-stream");
        if (!res.headersSent) res.status(500).json({ error: "The export failed" });
        else res.destroy();
      }
    } finally {
      running.delete(claims.tenantId);
    }
  });
}
