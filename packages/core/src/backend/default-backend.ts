import type { Backend } from "./backend.js";
import { createReferenceBackend } from "./reference-backend.js";

let defaultBackend: Backend | undefined;

/** The backend tensors use when none is named. */
export function getDefaultBackend(): Backend {
  defaultBackend ??= createReferenceBackend();
  return defaultBackend;
}

export function setDefaultBackend(backend: Backend): void {
  defaultBackend = backend;
}
