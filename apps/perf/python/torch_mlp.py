"""Times epochs of the report's MLP written the report's way in PyTorch, as python/numpy_mlp.py does in NumPy.

The same loop as numpy_mlp.py, on torch tensors without autograd: the forward pass through every
Linear layer and activation, the loss, the backward pass through every layer -- including the
gradient with respect to the first layer's input, equation (4) for l = 1 -- and an Adam update of
every weight and bias. With --batch-size below --rows, each epoch shuffles the rows, gathers each
batch and steps per batch; by default one batch is the whole set, which is neither shuffled nor
gathered. Data are synthetic, of the task's shapes.

Prints one JSON object: the seconds of every epoch, the dtype, PyTorch's version, its BLAS and threads.
"""

import argparse
import json
import time

import torch

from gemm_peer import torch_blas


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--widths", required=True, help="layer widths, input first: 8,16,16,1")
    parser.add_argument("--activation", choices=["relu", "tanh"], required=True)
    parser.add_argument("--loss", choices=["mse", "cross-entropy"], required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--dtype", choices=["float32", "float64"], required=True)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--batch-size", type=int, default=None, help="rows per step (default: all of them)")
    parser.add_argument("--threads", type=int, required=True)
    return parser.parse_args()


def activation(name):
    if name == "relu":
        return (torch.relu, lambda z, a: (z > 0).to(z.dtype))
    return (torch.tanh, lambda z, a: 1 - a * a)


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    dtype = getattr(torch, args.dtype)
    widths = [int(w) for w in args.widths.split(",")]
    batch_size = min(args.batch_size or args.rows, args.rows)
    generator = torch.Generator().manual_seed(42)
    x = torch.randn(args.rows, widths[0], generator=generator, dtype=dtype)
    if args.loss == "cross-entropy":
        labels = torch.arange(args.rows) * 7 % widths[-1]
        targets = torch.eye(widths[-1], dtype=dtype)[labels]
    else:
        targets = torch.randn(args.rows, widths[-1], generator=generator, dtype=dtype)
    weights = [torch.randn(i, o, generator=generator, dtype=dtype) * (2 / i) ** 0.5 for i, o in zip(widths, widths[1:])]
    biases = [torch.zeros(1, o, dtype=dtype) for o in widths[1:]]
    params = weights + biases
    m = [torch.zeros_like(p) for p in params]
    v = [torch.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    act, act_grad = activation(args.activation)
    layers = len(weights)
    step = 0

    def train_step(xb, tb):
        nonlocal step
        step += 1
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
            diff = a - tb
            loss = torch.mean(diff * diff)
            grad = 2 * diff / diff.numel()
        else:
            shifted = a - a.max(dim=1, keepdim=True).values
            log_probs = shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))
            loss = -torch.mean(torch.sum(tb * log_probs, dim=1))
            grad = (torch.exp(log_probs) - tb) / xb.shape[0]
        # Backward: equations (2)-(4) for every layer, the first layer's input gradient included.
        grads_w, grads_b = [None] * layers, [None] * layers
        for l in reversed(range(layers)):
            if l + 1 < layers:
                grad = grad * act_grad(zs[l], activations[l])
            grads_w[l] = inputs[l].T @ grad
            grads_b[l] = grad.sum(dim=0, keepdim=True)
            grad = grad @ weights[l].T
        # Adam, equations (19)-(22), in place so that weights and biases stay the tensors above.
        for i, g in enumerate(grads_w + grads_b):
            m[i].mul_(beta1).add_((1 - beta1) * g)
            v[i].mul_(beta2).add_((1 - beta2) * g * g)
            m_hat = m[i] / (1 - beta1**step)
            v_hat = v[i] / (1 - beta2**step)
            params[i].sub_(args.lr * m_hat / (torch.sqrt(v_hat) + eps))
        return loss

    seconds = []
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        if batch_size == args.rows:
            loss = train_step(x, targets)
        else:
            order = torch.randperm(args.rows, generator=generator)
            for begin in range(0, args.rows, batch_size):
                rows = order[begin : begin + batch_size]
                loss = train_step(x[rows], targets[rows])
        seconds.append(time.perf_counter() - start)
        if not torch.isfinite(loss):
            raise SystemExit(f"loss became {loss.item()} at epoch {epoch}")

    print(
        json.dumps(
            {
                "seconds": seconds,
                "dtype": args.dtype,
                "torch": torch.__version__,
                "blas": torch_blas(torch),
                "threads": torch.get_num_threads(),
            }
        )
    )


if __name__ == "__main__":
    main()
