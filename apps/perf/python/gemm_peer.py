"""Times the three matrix products of the CIFAR MLP's first Linear layer in NumPy or PyTorch.

The same products as src/gemm-bench.ts times on Nabla's backends, X[rows x 3072], W[3072 x 100],
G[rows x 100]: forward X.W, weight gradient X^T.G, input gradient G.W^T. Each is run once to warm
up, then timed --runs times. The thread count comes from the environment the caller sets
(OPENBLAS_NUM_THREADS, OMP_NUM_THREADS) and, for PyTorch, torch.set_num_threads.

Prints one JSON object: the seconds of every run per product, the library and its BLAS.
"""

import argparse
import ctypes
import json
import re
import time

FEATURES = 3072
HIDDEN = 100
PRODUCTS = ["forward", "weight-gradient", "input-gradient"]


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", choices=["numpy", "torch"], required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--dtype", choices=["float32", "float64"], required=True)
    parser.add_argument("--threads", type=int, required=True)
    return parser.parse_args()


def numpy_products(rows, dtype):
    import numpy as np
    from numpy_mlp import blas_name

    rng = np.random.default_rng(1)
    x = rng.uniform(-1, 1, (rows, FEATURES)).astype(dtype)
    w = rng.uniform(-1, 1, (FEATURES, HIDDEN)).astype(dtype)
    g = rng.uniform(-1, 1, (rows, HIDDEN)).astype(dtype)
    products = {"forward": lambda: x @ w, "weight-gradient": lambda: x.T @ g, "input-gradient": lambda: g @ w.T}
    return products, f"NumPy {np.__version__}", blas_name()


def torch_products(rows, dtype, threads):
    import torch

    torch.set_num_threads(threads)
    generator = torch.Generator().manual_seed(1)
    kind = getattr(torch, dtype)
    uniform = lambda *shape: (torch.rand(*shape, generator=generator, dtype=kind) * 2 - 1)
    x, w, g = uniform(rows, FEATURES), uniform(FEATURES, HIDDEN), uniform(rows, HIDDEN)
    products = {"forward": lambda: x @ w, "weight-gradient": lambda: x.T @ g, "input-gradient": lambda: g @ w.T}
    products["forward"]()
    return products, f"PyTorch {torch.__version__}", torch_blas(torch)


def torch_blas(torch):
    """PyTorch's BLAS as its build names it; a "generic" one is the libblas found loaded, with OpenBLAS's own config line."""
    match = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    name = match.group(1) if match else "unknown"
    if name != "generic":
        return name
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if re.search(r"lib(open)?blas[^/]*\.so", line)})
    for path in paths:
        try:
            config = ctypes.CDLL(path).openblas_get_config
        except (OSError, AttributeError):
            continue
        config.restype = ctypes.c_char_p
        return f"{config().decode()} ({path})"
    return f"generic BLAS ({', '.join(paths) or 'not found loaded'})"


def main():
    args = parse_args()
    if args.library == "numpy":
        products, library, blas = numpy_products(args.rows, args.dtype)
    else:
        products, library, blas = torch_products(args.rows, args.dtype, args.threads)
    seconds = {}
    for name in PRODUCTS:
        run = products[name]
        run()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        seconds[name] = times
    print(json.dumps({"seconds": seconds, "library": library, "blas": blas, "dtype": args.dtype, "threads": args.threads}))


if __name__ == "__main__":
    main()
