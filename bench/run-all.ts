/** `pnpm bench`: every benchmark in turn, then bench/results/latest.md (also printed). */
import { run as issueThroughput } from "./benchmarks/issue-throughput.js";
import { run as callNext } from "./benchmarks/call-next.js";
import { run as fanout } from "./benchmarks/fanout.js";
import { run as board } from "./benchmarks/board.js";
import { run as scale } from "./benchmarks/scale.js";
import { run as twoProcess } from "./benchmarks/two-process.js";
import { run as noisyNeighbour } from "./benchmarks/noisy-neighbour.js";
import { run as remoteJoin } from "./benchmarks/remote-join.js";
import { run as push } from "./benchmarks/push.js";
import { writeReport, type Section } from "./lib/report.js";

const all: [string, () => Promise<Section>][] = [
  ["issue-throughput", issueThroughput],
  ["call-next", callNext],
  ["fanout", fanout],
  ["board", board],
  ["scale", scale],
  ["two-process", twoProcess],
  ["noisy-neighbour", noisyNeighbour],
  ["remote-join", remoteJoin],
  ["push", push],
];
const only = process.argv.slice(2);
const sections: Section[] = [];
const started = Date.now();
for (const [name, run] of all) {
  if (only.length && !only.includes(name)) continue;
  const t0 = Date.now();
  console.error(`[bench] ${name} ...`);
  try {
    sections.push(await run());
  } catch (error) {
    sections.push({ title: name, markdown: `**Failed:** ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, goals: [{ name, met: false, detail: "benchmark failed" }], seconds: (Date.now() - t0) / 1000 });
  }
  console.error(`[bench] ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  writeReport("latest.md", sections); // partial results survive an interrupted run
}
const text = writeReport("latest.md", sections);
console.log(text);
console.error(`[bench] all done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
