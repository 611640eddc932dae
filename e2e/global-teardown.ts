import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";

/** Removes the admin console's temporary build; drops the run's own PostgreSQL database (two-process topology only); PGlite data dirs live under /tmp. */
export default function globalTeardown(): void {
  // The admin console's build (a temporary directory of the run's own).
  const adminDist = process.env.E2E_ADMIN_DIST;
  if (adminDist?.startsWith(tmpdir()) && adminDist.includes("qline-e2e-admin-")) rmSync(adminDist, { recursive: true, force: true });
  const url = process.env.E2E_PG_URL;
  const base = process.env.E2E_DATABASE_URL;
  if (!url || !base) return;
  const name = new URL(url).pathname.slice(1);
  if (!/^qline_e2e_[a-z0-9_]+$/.test(name)) return;
  try {
    execFileSync("psql", [base, "-qc", `drop database if exists ${name} with (force)`], { stdio: "ignore" });
  } catch {
    // leave it; the name says what it is
  }
}
