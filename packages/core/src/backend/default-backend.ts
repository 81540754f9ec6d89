import type { Backend } from "./backend.js";
import { createReferenceBackend } from "./reference-backend.js";

let defaultBackend: Backend | undefined;

/** The backend tensors use when none is named. */
export function getDefaultBackend(): Backend {
  defaultBackend ??= createReferenceBackend();
  return defaultBackend;
}

/** Makes `backend` the one new tensors use when no backend is given. */
export function setDefaultBackend(backend: Backend): void {
  defaultBackend = backend;
}
