// Kept in step with package.json; a test checks they agree.
/** This package's version, as in package.json (checked by a test). */
export const CORE_VERSION = "0.1.0";
