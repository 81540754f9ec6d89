// Node's side of the platform edge (package.json "imports" → "#platform"): the file reading and
// zlib calls the byte-format readers use.
export { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
export { crc32, inflateRawSync } from "node:zlib";
