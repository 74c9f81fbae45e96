#!/usr/bin/env python3
"""Writes Tests/ScriptTests/Scripts/nn/fixtures/torch_mlp.safetensors: a PyTorch MLP's
state_dict in the safetensors layout (written here byte by byte with NumPy, as the format
is an 8-byte header length, a JSON header and the raw little-endian data), with the
metadata model.save writes, and PyTorch's output for a fixed input in the metadata, so
that NNTests checks load_model against PyTorch without Python at test time."""
import json, struct, pathlib
import numpy as np
import torch

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))
x = torch.tensor([[1.0, -2.0, 0.5, 3.0], [-1.5, 0.25, 2.0, -0.5], [0.3, 0.7, -0.9, 1.1]])
y = model(x).detach().numpy()

architecture = {"type": "Sequential", "layers": [
    {"type": "Linear", "in_features": 4, "out_features": 3, "bias": True},
    {"type": "ReLU"},
    {"type": "Linear", "in_features": 3, "out_features": 2, "bias": True}]}
metadata = {"format": "mnist-repl model", "format_version": "1",
            "architecture": json.dumps(architecture, sort_keys=True, separators=(",", ":")),
            "torch_input": json.dumps(x.numpy().astype(float).tolist()),
            "torch_output": json.dumps(y.astype(float).tolist())}

header, blobs, offset = {"__metadata__": metadata}, [], 0
for name, t in sorted(model.state_dict().items()):
    data = t.detach().numpy().astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
    blobs.append(data)
    offset += len(data)
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)
out = pathlib.Path(__file__).resolve().parent.parent / "Tests/ScriptTests/Scripts/nn/fixtures/torch_mlp.safetensors"
out.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))
print(out, y.tolist())
