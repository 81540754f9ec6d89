import { installFileSystem } from "./io/file-system.js";
import { nodeFileSystem } from "./io/node-file-system.js";

// The Node entry: everything the browser entry has, plus file paths (saveModel, checkpoints).
installFileSystem(nodeFileSystem);

export * from "./index.js";
