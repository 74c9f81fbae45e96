#!/usr/bin/env python3
"""Writes Tests/MNLLearnTests/Fixtures/optimizers.json: what PyTorch's optimizers, learning-
rate schedulers and gradient clipping give, for MNLLearn's tests to match.

Each optimizer case: two float64 parameters (3x4 and 5), six steps of fixed random
gradients, and the parameters after every step. Each schedule case: the learning rate of
epochs 0 to 11. Each clipping case: the gradients after clipping and the total norm.
Run with PyTorch installed (pip install "torch==2.13.0+cpu"); the tests need only the JSON."""
import os

import numpy as np
import torch

from fixture_support import enc, write_fixture

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "MNLLearnTests", "Fixtures")
rng = np.random.default_rng(12)
P0 = [rng.standard_normal((3, 4)), rng.standard_normal(5)]
GRADS = [[rng.standard_normal((3, 4)), rng.standard_normal(5)] for _ in range(6)]

OPTIMIZERS = [
    ("sgd", torch.optim.SGD, {"lr": 0.1}),
    ("sgd_wd", torch.optim.SGD, {"lr": 0.1, "weight_decay": 0.05}),
    ("sgd_momentum", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "dampening": 0.1}),
    ("sgd_nesterov", torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("adagrad", torch.optim.Adagrad, {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.02, "initial_accumulator_value": 0.1}),
    ("rmsprop", torch.optim.RMSprop, {"lr": 0.01}),
    ("rmsprop_full", torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9, "momentum": 0.5, "centered": True, "weight_decay": 0.01}),
    ("adam", torch.optim.Adam, {"lr": 0.01}),
    ("adam_l2_amsgrad", torch.optim.Adam, {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1, "amsgrad": True}),
    ("adamw", torch.optim.AdamW, {"lr": 0.01}),
    ("adamw_amsgrad", torch.optim.AdamW, {"lr": 0.02, "weight_decay": 0.1, "amsgrad": True, "eps": 1e-6}),
]


def optimizer_case(name, cls, kwargs):
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in P0]
    opt = cls(params, **kwargs)
    trajectory = []
    for grads in GRADS:
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        trajectory.append([enc(p.detach().numpy()) for p in params])
    args = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
    return {"name": name, "op": cls.__name__, "args": args, "inputs": [enc(p) for p in P0],
            "gradients": [[enc(g) for g in step] for step in GRADS], "trajectory": trajectory}


SCHEDULES = [
    ("step", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5), {"step_size": 3, "gamma": 0.5}),
    ("multistep", lambda o: torch.optim.lr_scheduler.MultiStepLR(o, milestones=[2, 5, 9], gamma=0.1), {"milestones": [2, 5, 9], "gamma": 0.1}),
    ("exponential", lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9), {"gamma": 0.9}),
    ("cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=8, eta_min=0.01), {"T_max": 8, "eta_min": 0.01}),
]


def schedule_case(name, make, args):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.3)
    sched = make(opt)
    rates = []
    for _ in range(12):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return {"name": name, "op": "schedule", "args": args, "base": 0.3, "rates": rates}


def clipping_cases():
    cases = []
    for norm_type, max_norm in [(2.0, 1.0), (1.0, 2.5), (float("inf"), 0.5), (2.0, 100.0)]:
        grads = [torch.tensor(g, dtype=torch.float64) for g in GRADS[0]]
        params = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        total = torch.nn.utils.clip_grad_norm_(params, max_norm=max_norm, norm_type=norm_type)
        cases.append({"name": f"norm_{norm_type}_{max_norm}", "op": "clip_norm",
                      "args": {"max_norm": max_norm, "norm_type": "inf" if norm_type == float("inf") else norm_type},
                      "inputs": [enc(g) for g in GRADS[0]], "expected_list": [enc(p.grad.numpy()) for p in params],
                      "total": float(total)})
    params = [torch.zeros(*g.shape, dtype=torch.float64, requires_grad=True) for g in GRADS[1]]
    for p, g in zip(params, GRADS[1]):
        p.grad = torch.tensor(g, dtype=torch.float64)
    torch.nn.utils.clip_grad_value_(params, clip_value=0.7)
    cases.append({"name": "value_0.7", "op": "clip_value", "args": {"clip_value": 0.7},
                  "inputs": [enc(g) for g in GRADS[1]], "expected_list": [enc(p.grad.numpy()) for p in params]})
    return cases


if __name__ == "__main__":
    write_fixture("optimizers", [optimizer_case(*o) for o in OPTIMIZERS], out=OUT)
    write_fixture("schedules", [schedule_case(*s) for s in SCHEDULES], out=OUT)
    write_fixture("clipping", clipping_cases(), out=OUT)
