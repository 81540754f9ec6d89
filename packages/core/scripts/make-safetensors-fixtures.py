"""Writes the safetensors fixtures under src/io/fixtures with Python's reference implementation.

The TypeScript tests read them (values, names, metadata) and check that encodeSafetensors
writes the same bytes for the same tensors. Run from packages/core:

    pip install safetensors numpy   # safetensors 0.8.0, numpy 2.4 made the committed files
    python3 scripts/make-safetensors-fixtures.py
"""

import json
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file

FIXTURES = Path(__file__).resolve().parent.parent / "src" / "io" / "fixtures"


def thirds(count, dtype):
    """k/3 for k = 0..count-1, rounded to dtype: values whose every bit matters."""
    return (np.arange(count, dtype=np.float64) / 3).astype(dtype)


def main():
    FIXTURES.mkdir(parents=True, exist_ok=True)

    # Mixed dtypes and names: the writer's ordering (dtype rank, then name bytes) decides the bytes.
    save_file(
        {
            "layers.0.weight": thirds(6, np.float32).reshape(2, 3),
            "layers.0.bias": thirds(3, np.float32).reshape(1, 3) - 1,
            "layers.2.weight": thirds(3, np.float64).reshape(3, 1),
            "steps": np.array([1, 2, 4294967295], dtype=np.uint32),
            "empty": np.zeros((0, 4), dtype=np.float32),
        },
        FIXTURES / "python-mixed.safetensors",
    )

    # One metadata entry (several would be written in hash order, which varies between runs).
    save_file(
        {"w": thirds(4, np.float64).reshape(2, 2)},
        FIXTURES / "python-metadata.safetensors",
        metadata={"note": 'quotes " and \\ and é ✓'},
    )

    # Names that are special to JavaScript objects or sort differently as numbers and as bytes.
    save_file(
        {name: np.full((1,), i, dtype=np.float32) for i, name in enumerate(["__proto__", "constructor", "prototype", "10", "9"])},
        FIXTURES / "python-special-names.safetensors",
    )

    # A whole Nabla model file, written by Python: core's test registry's dense layer (no bias).
    spec = {
        "specVersion": 1,
        "input": {"shape": [2]},
        "layers": [{"type": "test/dense", "options": {"in": 2, "out": 3}}, {"type": "test/square"}, {"type": "test/dense", "options": {"in": 3, "out": 1}}],
    }
    save_file(
        {"layers.0.weight": thirds(6, np.float64).reshape(2, 3), "layers.2.weight": thirds(3, np.float64).reshape(3, 1) - 0.5},
        FIXTURES / "python-model.safetensors",
        metadata={"nabla.format": "1", "nabla.spec": json.dumps(spec), "nabla.dtype": "float64"},
    )


if __name__ == "__main__":
    main()
