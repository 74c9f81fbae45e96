"""What NumPy reads from a model file that mnist-repl wrote (issue 12 §5: "NumPy reads the
weights"). Runs mnist-repl to save a small seeded network, reads the file with the
`safetensors` package's NumPy loader (pip install safetensors), computes the network's
output on a fixed input in NumPy from those weights, and commits both the file and what
NumPy saw to Tests/ScriptTests/Scripts/nn/numpy-readback/. NNTests then checks, without
Python, that mnist-repl still writes that very file and computes the same outputs.

usage: python3 scripts/make-model-file-fixture.py [path/to/mnist-repl]
"""
import json
import os
import subprocess
import sys

import numpy as np
import safetensors
import safetensors.numpy

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "ScriptTests", "Scripts", "nn", "numpy-readback")
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", ".build", "debug", "mnist-repl")
# The same source NNTests runs (keep the two in step).
SOURCE = 'seed(0)\nmodel = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))\nmodel.save("{path}")\n'
INPUT = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], dtype=np.float32)

os.makedirs(OUT, exist_ok=True)
path = os.path.join(OUT, "mlp.safetensors")
subprocess.run([BINARY, "-e", SOURCE.format(path=path)], check=True)

tensors = safetensors.numpy.load_file(path)
with safetensors.safe_open(path, framework="np") as f:
    metadata = f.metadata()
hidden = np.maximum(INPUT @ tensors["0.weight"].T + tensors["0.bias"], 0)
output = hidden @ tensors["2.weight"].T + tensors["2.bias"]

fixture = {
    "tensors": {name: {"dtype": str(t.dtype), "shape": list(t.shape), "data": t.reshape(-1).tolist()}
                for name, t in sorted(tensors.items())},
    "metadata": metadata,
    "input": INPUT.tolist(),
    "output": output.astype(np.float64).tolist(),
}
with open(os.path.join(OUT, "numpy-read.json"), "w") as f:
    json.dump(fixture, f, indent=1)
print(f"{path}: {len(tensors)} tensors, NumPy output {output.tolist()}")
