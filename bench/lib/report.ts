/** Results: each benchmark returns a Markdown section and its goals; `writeReport` writes and prints them. */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cpus, totalmem } from "node:os";

export interface Goal {
  name: string;
  met: boolean;
  detail: string;
}

export interface Section {
  title: string;
  markdown: string;
  goals: Goal[];
  seconds: number;
}

export const resultsDir = fileURLToPath(new URL("../../results/", import.meta.url));

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const goalLine = (g: Goal) => `- **${g.met ? "met" : "MISSED"}** — ${g.name}: ${g.detail}`;

export function renderReport(sections: Section[], title = "qline benchmarks"): string {
  const goals = sections.flatMap((s) => s.goals);
  const head = [
    `# ${title}`,
    "",
    `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
      `PostgreSQL and Redis on loopback. Figures are medians over repeats with (min–max); ratio = ours ÷ baseline measured in the same run.`,
    "",
    "## Goals",
    "",
    ...goals.map(goalLine),
    "",
  ];
  const body = sections.flatMap((s) => [`## ${s.title}`, "", s.markdown, "", ...s.goals.map(goalLine), "", `_(${s.seconds.toFixed(0)} s)_`, ""]);
  return [...head, ...body].join("\n");
}

export function writeReport(file: string, sections: Section[], title?: string): string {
  const text = renderReport(sections, title);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(resultsDir + file, text);
  return text;
}

/** Runs one benchmark alone (its own script): writes results/<name>.md and prints it. */
export async function runAlone(name: string, run: () => Promise<Section>): Promise<void> {
  const section = await run();
  console.log(writeReport(`${name}.md`, [section], `qline benchmark: ${section.title}`));
}

/** True when this module is the process's entry point. */
export const isMain = (metaUrl: string) => process.argv[1] !== undefined && fileURLToPath(metaUrl) === process.argv[1];
