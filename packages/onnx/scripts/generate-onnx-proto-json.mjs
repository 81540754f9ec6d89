// Regenerates src/onnx-proto.json, the descriptor the exporter loads with protobufjs's light
// build, from src/onnx.proto. A test fails when the two disagree.
import { readFileSync, writeFileSync } from "node:fs";
import protobuf from "protobufjs";

const source = new URL("../src/onnx.proto", import.meta.url);
const target = new URL("../src/onnx-proto.json", import.meta.url);
const { root } = protobuf.parse(readFileSync(source, "utf8"), { keepCase: true });
writeFileSync(target, `${JSON.stringify(root.toJSON(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
