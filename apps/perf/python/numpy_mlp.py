"""Times epochs of the report's MLP written the report's way in NumPy.

Full batch by default, one step per epoch as in the report. With --batch-size B, each epoch
shuffles the rows and every B of them (the last step takes what is left) are gathered for one
step, as Nabla's fit does with batchSize; the Adam step count runs on across epochs.

One step is what the report's library did: the forward pass through every Linear layer and
activation, the loss, the backward pass through every layer -- including the gradient with
respect to the first layer's input, equation (4) for l = 1, which the report computed and never
used -- and an Adam update of every weight and bias. Data are synthetic, of the task's shapes.

Prints one JSON object: the seconds of every epoch, the dtype, and the BLAS thread setting.
"""

import argparse
import json
import os
import time

import numpy as np


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--widths", required=True, help="layer widths, input first: 8,16,16,1")
    parser.add_argument("--activation", choices=["relu", "tanh"], required=True)
    parser.add_argument("--loss", choices=["mse", "cross-entropy"], required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--dtype", choices=["float32", "float64"], required=True)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--batch-size", type=int, default=None, help="rows per step; full batch when left out")
    return parser.parse_args()


def activation(name):
    if name == "relu":
        return (lambda z: np.maximum(z, 0), lambda z, a: (z > 0).astype(z.dtype))
    return (np.tanh, lambda z, a: 1 - a * a)


def main():
    args = parse_args()
    dtype = np.dtype(args.dtype)
    widths = [int(w) for w in args.widths.split(",")]
    rng = np.random.default_rng(42)
    x = rng.standard_normal((args.rows, widths[0])).astype(dtype)
    if args.loss == "cross-entropy":
        labels = np.arange(args.rows) * 7 % widths[-1]
        onehot = np.eye(widths[-1], dtype=dtype)[labels]
    else:
        y = rng.standard_normal((args.rows, widths[-1])).astype(dtype)
    weights = [(rng.standard_normal((i, o)) * np.sqrt(2 / i)).astype(dtype) for i, o in zip(widths, widths[1:])]
    biases = [np.zeros((1, o), dtype=dtype) for o in widths[1:]]
    params = weights + biases
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    act, act_grad = activation(args.activation)
    layers = len(weights)

    def step(t, xb, targets):
        """One forward/backward pass over the rows xb and Adam step number t; returns the loss."""
        # Forward: z = a·W + b, a = g(z) on every hidden layer.
        inputs, zs, activations = [], [], []
        a = xb
        for l in range(layers):
            inputs.append(a)
            z = a @ weights[l] + biases[l]
            zs.append(z)
            a = act(z) if l + 1 < layers else z
            activations.append(a)
        # Loss and its gradient with respect to the output.
        if args.loss == "mse":
            diff = a - targets
            loss = np.mean(diff * diff)
            grad = 2 * diff / diff.size
        else:
            shifted = a - a.max(axis=1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            loss = -np.mean(np.sum(targets * log_probs, axis=1))
            grad = (np.exp(log_probs) - targets) / len(xb)
        # Backward: equations (2)-(4) for every layer, the first layer's input gradient included.
        grads_w, grads_b = [None] * layers, [None] * layers
        for l in reversed(range(layers)):
            if l + 1 < layers:
                grad = grad * act_grad(zs[l], activations[l])
            grads_w[l] = inputs[l].T @ grad
            grads_b[l] = grad.sum(axis=0, keepdims=True)
            grad = grad @ weights[l].T
        # Adam, equations (19)-(22).
        for i, g in enumerate(grads_w + grads_b):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            m_hat = m[i] / (1 - beta1**t)
            v_hat = v[i] / (1 - beta2**t)
            params[i] -= args.lr * m_hat / (np.sqrt(v_hat) + eps)
        return loss

    targets = onehot if args.loss == "cross-entropy" else y
    batch = args.batch_size or args.rows
    shuffle = np.random.default_rng(7)
    seconds = []
    t = 0
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        if batch >= args.rows:
            t += 1
            loss = step(t, x, targets)
        else:
            order = shuffle.permutation(args.rows)
            for offset in range(0, args.rows, batch):
                indices = order[offset : offset + batch]
                t += 1
                loss = step(t, x[indices], targets[indices])
        seconds.append(time.perf_counter() - start)
        if not np.isfinite(loss):
            raise SystemExit(f"loss became {loss} at epoch {epoch}")

    print(
        json.dumps(
            {
                "seconds": seconds,
                "dtype": str(params[0].dtype),
                "numpy": np.__version__,
                "blas": blas_name(),
                "openblasNumThreads": os.environ.get("OPENBLAS_NUM_THREADS"),
            }
        )
    )


def blas_name():
    """The BLAS NumPy was built against, e.g. "openblas 0.3.27"."""
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return f"{blas.get('name', 'unknown')} {blas.get('version', '')}".strip()
    except TypeError:
        # NumPy < 1.26 (Debian's, for one) has no dict mode: only the libraries it links.
        info = np.__config__.get_info("blas_opt")
        return "+".join(dict.fromkeys(info.get("libraries", []))) or "unknown"


if __name__ == "__main__":
    main()
