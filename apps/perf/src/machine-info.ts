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

let cachedCpuModel: string | undefined;

/**
 * /proc/cpuinfo's model name with the CPU family and model numbers (a virtual machine may name
 * only "AMD EPYC", and the numbers tell its generation apart), else what Node reports; read once.
 */
export function cpuModel(): string {
  cachedCpuModel ??= readCpuModel();
  return cachedCpuModel;
}

function readCpuModel(): string {
  try {
    const fields = new Map<string, string>();
    for (const line of readFileSync("/proc/cpuinfo", "utf8").split("\n")) {
      const colon = line.indexOf(":");
      if (colon < 0) break; // the first processor's block ends at its blank line
      fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const name = fields.get("model name");
    const family = fields.get("cpu family");
    const model = fields.get("model");
    if (name) return family && model ? `${name} (family ${family}, model ${model})` : name;
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
