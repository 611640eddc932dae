/** Where the benchmarks find their servers (loopback only). */
export const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
/** Scales every timed window (e.g. BENCH_SCALE=0.3 for a quick smoke run). */
export const timeScale = Number(process.env.BENCH_SCALE ?? "1");
export const seconds = (s: number) => Math.max(300, Math.round(s * 1000 * timeScale));

for (const url of [pgUrl, redisUrl]) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`benchmarks talk to loopback only, got ${host}`);
}
