import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  verbose: { type: "boolean" },
  quiet: { type: "boolean" },
  plugin: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionsConfig;

/** parseArgs' result for a command's options plus the common ones. */
export type ParsedCommandArgs<Options extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof COMMON_OPTIONS & Options; allowPositionals: true; strict: true }>
>;

/**
 * Parses one command's flags with node:util's parseArgs (strict: an unknown flag or a missing
 * value is a UsageError) and checks it got exactly the positional arguments it names.
 */
export function parseCommandArgs<const Options extends OptionsConfig>(
  command: string,
  args: string[],
  options: Options,
  positionalNames: readonly string[],
): ParsedCommandArgs<Options> {
  let parsed: ParsedCommandArgs<Options>;
  try {
    parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError((error as Error).message.split("\n")[0], `nabla ${command}`);
    throw error;
  }
  const { values, positionals } = parsed;
  if (!(values as { help?: boolean }).help && positionals.length !== positionalNames.length) {
    const expected = positionalNames.map((name) => `<${name}>`).join(" ");
    throw new UsageError(
      positionals.length < positionalNames.length
        ? `missing ${positionalNames.slice(positionals.length).map((name) => `<${name}>`).join(" ")}`
        : `unexpected argument "${positionals[positionalNames.length]}"`,
      `nabla ${command} ${expected}`,
    );
  }
  return { values, positionals };
}

/** An integer flag's value, at least `min`; `fallback` when the flag was not given. */
export function parseIntegerFlag(value: string | undefined, flag: string, fallback: number, min: number): number;
export function parseIntegerFlag(value: string | undefined, flag: string, fallback: undefined, min: number): number | undefined;
export function parseIntegerFlag(value: string | undefined, flag: string, fallback: number | undefined, min: number): number | undefined {
  if (value === undefined) return fallback;
  const number = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min) throw new UsageError(`expected an integer ≥ ${min}, got "${value}"`, flag);
  return number;
}

/** A flag's value when it is one of `allowed`. */
export function parseChoiceFlag<T extends string>(value: string | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`expected one of ${allowed.join(", ")}, got "${value}"`, flag);
  return value as T;
}
