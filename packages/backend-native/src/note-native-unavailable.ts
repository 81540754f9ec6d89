let noted = false;

/**
 * Says once per process, in one line on stderr, why the native backend is not used, so a user
 * who installed it learns why training runs on a slower backend. Says nothing when
 * NABLA_DISABLE_NATIVE=1 turned it off on purpose.
 */
export function noteNativeUnavailable(reason: string, disabled: boolean, write: (line: string) => void = (line) => console.warn(line)): void {
  if (noted || disabled) return;
  noted = true;
  write(`@nabla/backend-native: not used, ${reason}. Using the next available backend (wasm where @nabla/backend-wasm is installed).`);
}
