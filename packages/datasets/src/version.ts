// Kept in step with package.json; a test checks they agree.
export const DATASETS_VERSION = "0.1.0";
