#!/usr/bin/env python3
"""Writes autodiff.json: values and gradients from PyTorch (CPU, float64) that
AutodiffTorchFixtureTests checks TensorKit's tape against.

usage: python3 scripts/make-autodiff-fixtures.py   (needs torch: pip install "torch==2.13.0+cpu")

Each case is {name, inputs: [tensor], value: tensor, grads: [tensor]}; a tensor is
{shape, dtype, data} as in the other fixtures. The Swift test holds the same function per
name; every input but integer labels is differentiated, and the output is reduced to a
scalar by summing it.
"""
import json
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "TensorKitTests", "Fixtures", "autodiff.json")
gen = torch.Generator().manual_seed(1234)


def randn(*shape, scale=1.0):
    return (torch.randn(*shape, generator=gen, dtype=torch.float64) * scale)


def enc(t):
    t = t.detach()
    dtype = {torch.float64: "float64", torch.int64: "int64"}[t.dtype]
    data = []
    for v in t.reshape(-1).tolist():
        if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
            v = "nan" if v != v else ("inf" if v > 0 else "-inf")
        data.append(v)
    return {"shape": list(t.shape), "dtype": dtype, "data": data}


def case(name, inputs, f):
    leaves = [x.clone().requires_grad_(x.dtype == torch.float64) for x in inputs]
    y = f(*leaves)
    y.sum().backward()
    grads = [x.grad if x.grad is not None else torch.zeros_like(x) for x in leaves if x.dtype == torch.float64]
    return {"name": name, "inputs": [enc(x) for x in inputs], "value": enc(y), "grads": [enc(g) for g in grads]}


labels = torch.tensor([3, 0, 9, 3, 1, 7], dtype=torch.int64)
cases = [
    case("mlp", [randn(6, 8), labels, randn(8, 16, scale=0.3), randn(16, scale=0.1), randn(16, 10, scale=0.3), randn(10, scale=0.1)],
         lambda x, y, w1, b1, w2, b2: F.cross_entropy(F.relu(x @ w1 + b1) @ w2 + b2, y)),
    case("cnn", [randn(2, 2, 7, 6), randn(3, 2, 3, 3, scale=0.4), randn(3, scale=0.1)],
         lambda x, w, b: F.max_pool2d(F.relu(F.conv2d(x, w, b, stride=1, padding=1)), 2) ** 2),
    case("conv_strided", [randn(1, 3, 8, 7), randn(4, 3, 3, 2), randn(4)],
         lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=(1, 1))),
    case("avg_pool_padded", [randn(2, 3, 5, 5)], lambda x: F.avg_pool2d(x, 3, stride=2, padding=1) ** 2),
    case("cross_entropy_huge_logits", [torch.tensor([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 999.0]], dtype=torch.float64),
                                       torch.tensor([2, 1])], lambda z, y: F.cross_entropy(z, y)),
    case("log_softmax", [randn(4, 5, scale=3)], lambda z: F.log_softmax(z, dim=-1) * torch.arange(5.0, dtype=torch.float64)),
    case("logsumexp_std_norm", [randn(3, 4)],
         lambda x: torch.logsumexp(x, 1) + x.std(0, unbiased=True).sum() + torch.linalg.vector_norm(x, dim=1)),
    case("maximum_ties", [torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), torch.tensor([1.0, 5.0, 0.0], dtype=torch.float64)],
         lambda a, b: torch.maximum(a, b)),
    case("amax_ties", [torch.tensor([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]], dtype=torch.float64)], lambda x: torch.amax(x, dim=1)),
    case("gather_repeated", [randn(4, 3), torch.tensor([2, 0, 2, 2])], lambda x, i: x[i] * x[i]),
    case("bce_with_logits", [randn(5), torch.rand(5, generator=gen, dtype=torch.float64)],
         lambda z, t: F.binary_cross_entropy_with_logits(z, t)),
    case("batched_matmul_broadcast", [randn(2, 1, 3, 4), randn(5, 4, 2)], lambda a, b: a @ b),
    case("pow_sigmoid_tanh", [randn(3, 3).abs() + 0.5, randn(3)], lambda a, b: torch.sigmoid(a ** b) * torch.tanh(b)),
    case("variance_keepdims", [randn(2, 3, 4)], lambda x: x.var(dim=(0, 2), unbiased=False, keepdim=True) * x),
    case("concat_stack_split", [randn(2, 3), randn(2, 1)],
         lambda a, b: torch.stack(torch.split(torch.cat([a, b], 1), 2, dim=1), 0).sum(0) ** 2),
    case("mask_take_along", [randn(4, 5), torch.tensor([[0, 0], [4, 1], [2, 2], [3, 0]])],
         lambda x, i: x[x > 0].exp().sum() + torch.take_along_dim(x, i, 1) ** 2),
    case("clip_where_minimum", [randn(3, 4), randn(4)],
         lambda a, b: torch.where(a > 0, a.clamp(-0.5, 0.5), torch.minimum(a, b)) * b),
    case("softmax_axis0_mse", [randn(3, 4), randn(3, 4)],
         lambda z, t: F.mse_loss(torch.softmax(z, 0), t)),
    # Appended last, so the cases above keep their random inputs.
    case("gelu_exact_and_tanh", [randn(4, 5, scale=3)],
         lambda x: F.gelu(x) + F.gelu(x, approximate="tanh") ** 2),
]

with open(OUT, "w") as f:
    json.dump(cases, f)
print(f"wrote {len(cases)} cases to {OUT}")
