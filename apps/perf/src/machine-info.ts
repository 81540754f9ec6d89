import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  /** Logical CPUs listed by the OS. */
  cpus: number;
  /** CPUs this process may run on (os.availableParallelism). */
  availableParallelism: number;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? "unknown";
}

export function machineInfo(now = new Date()): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cpus: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: now.toISOString(),
  };
}
