/**
 * Journeys in Debian Chromium against the real API on a fresh embedded PGlite database and the built public
 * pages served by `vite preview`. Ports are chosen free once here (workers inherit process.env), the data
 * directory is new for every run. `E2E_SKIP_BUILD=1` reuses existing builds of the API.
 */
import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}

process.env.E2E_API_PORT ??= freePort();
process.env.E2E_KIOSK_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "qline-e2e-"));
const apiPort = process.env.E2E_API_PORT;
const kioskPort = process.env.E2E_KIOSK_PORT;
export const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
process.env.E2E_API_URL = apiUrl;
process.env.E2E_KIOSK_URL = `http://127.0.0.1:${kioskPort}`;

const buildApi = process.env.E2E_SKIP_BUILD ? "" : "pnpm exec turbo run build --filter=@qline/api... --output-logs=errors-only && ";

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_KIOSK_URL,
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      name: "api",
      command: `${buildApi}node apps/api/dist/main.js`,
      cwd: repo,
      url: `http://127.0.0.1:${apiPort}/healthz`,
      env: { PORT: apiPort, HOST: "127.0.0.1", QLINE_DATA_DIR: process.env.E2E_DATA_DIR, SEED_DEMO: "true" },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      name: "kiosk",
      command: `pnpm exec vite build --outDir dist-e2e --logLevel warn && pnpm exec vite preview --outDir dist-e2e --host 127.0.0.1 --port ${kioskPort} --strictPort`,
      cwd: join(repo, "apps/kiosk"),
      url: `http://127.0.0.1:${kioskPort}/`,
      env: { VITE_API_URL: apiUrl },
      timeout: 120_000,
      reuseExistingServer: false,
    },
  ],
});
