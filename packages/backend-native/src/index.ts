import { registerPlugin } from "@nabla/core";
import { backendNativePlugin } from "./backend-native-plugin.js";

export { createNativeBackend, isNativeBackendAvailable, supportedNativeIsas, type NativeBackend, type NativeBackendOptions } from "./native-backend.js";
export { NATIVE_ISAS, type NativeIsa } from "./native-isa.js";
export { NativeBackendOptionError } from "./native-backend-option-error.js";
export { NativeBackendUnavailableError } from "./native-backend-unavailable-error.js";
export { backendNativePlugin } from "./backend-native-plugin.js";

registerPlugin(backendNativePlugin);
