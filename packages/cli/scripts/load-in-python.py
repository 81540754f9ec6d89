#!/usr/bin/env python3
"""Loads a model saved by `nabla train` with Python's safetensors and checks its weights.

    pip install safetensors numpy
    nabla inspect model.safetensors --json --weights > model.json
    python3 scripts/load-in-python.py model.safetensors model.json

Prints each tensor's name, dtype and shape as safetensors.numpy.load_file reads them, the
metadata Nabla stores beside them (spec, dtype, preprocessing), and checks that every tensor
equals, bit for bit, the weights Nabla itself loads from the file (`nabla inspect --json --weights`).
Exits 1 on any difference.
"""
import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    model_path, json_path = sys.argv[1], sys.argv[2]
    tensors = load_file(model_path)
    with safe_open(model_path, framework="numpy") as f:
        metadata = f.metadata() or {}
    with open(json_path, encoding="utf-8") as f:
        nabla = json.load(f)

    print(f"{model_path}: {len(tensors)} tensors, {sum(t.size for t in tensors.values())} parameters")
    for name, tensor in tensors.items():
        print(f"  {name:<20} {str(tensor.dtype):<8} {list(tensor.shape)}")
    print("metadata keys:", ", ".join(sorted(metadata)))
    preprocessing = json.loads(metadata["nabla.preprocessing"])
    print(f"task {preprocessing['task']}, target {preprocessing['target']!r}, inputs {[c['name'] for c in preprocessing['features']]}")

    weights = nabla["weights"]
    mismatched = []
    for name, tensor in tensors.items():
        expected = np.asarray(weights[name], dtype=tensor.dtype).reshape(tensor.shape)
        if not np.array_equal(tensor, expected):
            mismatched.append(name)
    missing = sorted(set(weights) - set(tensors))
    if mismatched or missing:
        print(f"DIFFERENT: {mismatched} differ, {missing} missing in the file", file=sys.stderr)
        return 1
    print(f"all {len(tensors)} tensors equal the weights nabla loads from the file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
