"""Loads a model file Nabla saved (saveModel / serializeModel) in Python, with safetensors and numpy only.

Prints the spec, converts the weights to a PyTorch nn.Sequential state dict (our Linear weight is
[in, out], PyTorch's [out, in], so it is transposed; our bias [1, out] becomes [out]), and runs the
model on one input row with numpy. With torch installed, `model.load_state_dict({k: torch.from_numpy(v)
for k, v in state_dict.items()})` loads it into the matching nn.Sequential.

    python3 scripts/load-nabla-model.py model.safetensors 0.5,-1.2,3.0,0.1
"""

import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file

ACTIVATIONS = {
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
}


def short_name(component_type):
    """"nabla/linear" and "linear" name the same component."""
    return component_type.split("/")[-1]


def torch_state_dict(spec, tensors):
    """layers.<i>.weight [in, out] -> <i>.weight [out, in]; layers.<i>.bias [1, out] -> <i>.bias [out]."""
    state = {}
    for i, layer in enumerate(spec["layers"]):
        if short_name(layer["type"]) == "linear":
            state[f"{i}.weight"] = np.ascontiguousarray(tensors[f"layers.{i}.weight"].T)
            state[f"{i}.bias"] = tensors[f"layers.{i}.bias"].reshape(-1)
    return state


def predict(spec, tensors, x):
    """Eval-mode forward pass (dropout is the identity), as Model.predict computes it."""
    for i, layer in enumerate(spec["layers"]):
        kind = short_name(layer["type"])
        if kind == "linear":
            x = x @ tensors[f"layers.{i}.weight"] + tensors[f"layers.{i}.bias"]
        elif kind in ACTIVATIONS:
            x = ACTIVATIONS[kind](x)
        elif kind != "dropout":
            raise ValueError(f"layer {i}: this script does not know {layer['type']}")
    return x


def main():
    path = sys.argv[1]
    with safe_open(path, framework="np") as f:
        metadata = f.metadata()
    if metadata.get("nabla.format") != "1":
        raise SystemExit(f"{path}: not a Nabla model file (format {metadata.get('nabla.format')!r})")
    spec = json.loads(metadata["nabla.spec"])
    tensors = load_file(path)
    print("dtype:", metadata["nabla.dtype"])
    print("spec:", json.dumps(spec))
    for name, value in torch_state_dict(spec, tensors).items():
        print(f"torch {name}: {list(value.shape)}")
    if len(sys.argv) > 2:
        dtype = np.float32 if metadata["nabla.dtype"] == "float32" else np.float64
        row = np.array([[float(v) for v in sys.argv[2].split(",")]], dtype=dtype)
        print("prediction:", predict(spec, tensors, row).tolist())


if __name__ == "__main__":
    main()
