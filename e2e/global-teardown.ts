import { execFileSync } from "node:child_process";

/** Drops the run's own PostgreSQL database (two-process topology only); PGlite data dirs live under /tmp. */
export default function globalTeardown(): void {
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
