// Tests import the backend's modules directly, not through index.ts, so they install Node's threads here.
import { installKernelThreadHost } from "../src/kernel-thread-host.js";
import { nodeKernelThreads } from "../src/node-kernel-threads.js";

installKernelThreadHost(nodeKernelThreads);
