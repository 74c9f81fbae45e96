import FuzzDriver

// The fuzzer for `FuzzTarget.safetensors`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.safetensors, data, size) }
