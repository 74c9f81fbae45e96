#!/usr/bin/env python3
"""Writes Tests/MNLLearnTests/Fixtures/layers.json: a small CNN of every layer kind in
PyTorch, its weights, and what it computes: the output in training mode (batch norm on
batch statistics; the dropout layer alone in evaluation, as its draws cannot match), the NLL
loss and each parameter's gradient by path, the running statistics after that pass, and the
output in evaluation mode; then a small MLP with nn.GELU() in its exact form, its output
and the gradients of sum(output²). MNLLearn's layers, given the same weights, must agree.
Run with PyTorch installed (pip install "torch==2.13.0+cpu"); the tests need only the JSON."""
import os

import torch
from torch import nn

from fixture_support import enc, write_fixture

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "MNLLearnTests", "Fixtures")


def model():
    return nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1), nn.BatchNorm2d(3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(3, 4, 2, stride=2, bias=False), nn.AvgPool2d(2), nn.Flatten(),
        nn.Linear(4, 16), nn.GELU(approximate="tanh"), nn.Dropout(0.3), nn.BatchNorm1d(16),
        nn.LeakyReLU(0.1), nn.Linear(16, 8), nn.Tanh(), nn.Linear(8, 5), nn.Sigmoid(),
        nn.Linear(5, 5), nn.LogSoftmax(dim=1)).double()


if __name__ == "__main__":
    torch.manual_seed(4)
    m = model()
    x = torch.randn(6, 1, 8, 8, dtype=torch.float64)
    labels = torch.tensor([0, 1, 2, 3, 4, 1])
    state = {k: enc(v.numpy().copy()) for k, v in m.state_dict().items() if not k.endswith("num_batches_tracked")}
    m.train()
    m[9].eval()
    out = m(x)
    loss = nn.functional.nll_loss(out, labels)
    loss.backward()
    grads = {k: enc(p.grad.numpy()) for k, p in m.named_parameters()}
    running = {k: enc(v.numpy().copy()) for k, v in m.state_dict().items() if "running" in k}
    m.eval()
    with torch.no_grad():
        eval_out = m(x)
    case = {"name": "cnn", "op": "sequential", "state": state, "input": enc(x.numpy()), "labels": labels.tolist(),
            "train_output": enc(out.detach().numpy()), "loss": loss.item(), "gradients": grads,
            "running": running, "eval_output": enc(eval_out.numpy()),
            "parameter_count": sum(p.numel() for p in m.parameters()), "repr": repr(m)}
    # Second, nn.GELU() in its default exact form (approximate='none') between two layers;
    # drawn after the CNN's case so that case keeps its numbers.
    torch.manual_seed(5)
    mlp = nn.Sequential(nn.Linear(3, 6), nn.GELU(), nn.Linear(6, 2)).double()
    x = torch.randn(5, 3, dtype=torch.float64) * 2
    out = mlp(x)
    out.pow(2).sum().backward()
    gelu = {"name": "gelu_mlp", "op": "sequential", "state": {k: enc(v.numpy().copy()) for k, v in mlp.state_dict().items()},
            "input": enc(x.numpy()), "output": enc(out.detach().numpy()),
            "gradients": {k: enc(p.grad.numpy()) for k, p in mlp.named_parameters()}, "repr": repr(mlp)}
    write_fixture("layers", [case, gelu], out=OUT)
