import { FUZZ_TARGETS } from "./fuzz-targets.js";

/** The targets named (all when `names` is undefined); an unknown name is an error that lists the known ones. */
export function selectFuzzTargets(names: readonly string[] | undefined): typeof FUZZ_TARGETS {
  if (names === undefined) return FUZZ_TARGETS;
  const known = FUZZ_TARGETS.map((target) => target.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new RangeError(`FUZZ_TARGET: unknown target ${unknown.join(", ")} (known: ${known.join(", ")})`);
  return FUZZ_TARGETS.filter((target) => names.includes(target.name));
}
