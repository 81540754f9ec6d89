import { SpecError, buildModel, createReferenceBackend, type ModelSpec } from "@nabla/core";

/** A spec that builds, or where and why it does not. */
export type SpecCheck = { readonly ok: true; readonly spec: ModelSpec } | { readonly ok: false; readonly path: string; readonly message: string };

// Building on the reference backend costs a few small allocations: cheap enough for every keystroke.
const checkingBackend = createReferenceBackend();

/**
 * Parses the editor's text and builds the model it describes, so every check core makes (names,
 * options, shapes) runs as the user types. A SpecError comes back at its JSON path; a JSON syntax
 * error at "$" with the line and column.
 */
export function checkSpecText(text: string): SpecCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, path: "$", message: describeSyntaxError(text, error as SyntaxError) };
  }
  try {
    buildModel(value, { backend: checkingBackend });
    return { ok: true, spec: value as ModelSpec };
  } catch (error) {
    if (error instanceof SpecError) return { ok: false, path: error.path, message: error.message.slice(error.path.length + 2) };
    return { ok: false, path: "$", message: (error as Error).message };
  }
}

function describeSyntaxError(text: string, error: SyntaxError): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return `invalid JSON: ${error.message}`;
  const before = text.slice(0, Number(position[1])).split("\n");
  return `invalid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${error.message}`;
}
