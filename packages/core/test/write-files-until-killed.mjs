// Child process of write-file-atomic-kill.test.ts: replaces a JSON file and an SVG file with
// writeFileAtomic, over and over, each time with more content, until it is killed. Prints
// "written" after the first round. Plain JavaScript on the built package (node cannot run
// TypeScript), so run `pnpm build` first.
//   node write-files-until-killed.mjs <folder>
import { join } from "node:path";
import { writeFileAtomic } from "../dist/index.node.js";

const folder = process.argv[2];
for (let round = 1; ; round++) {
  const values = Array.from({ length: 20_000 + round * 2_000 }, (_, i) => i * 0.1 + round);
  writeFileAtomic(join(folder, "results.json"), `${JSON.stringify({ round, count: values.length, values }, null, 2)}\n`);
  const points = values.slice(0, 5_000 + round * 500).map((v, i) => `${i},${v.toFixed(3)}`).join(" ");
  writeFileAtomic(join(folder, "plot.svg"), `<svg xmlns="http://www.w3.org/2000/svg" data-round="${round}"><polyline points="${points}"/></svg>\n`);
  if (round === 1) process.stdout.write("written\n");
}
