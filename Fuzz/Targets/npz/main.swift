import FuzzDriver

// The fuzzer for `FuzzTarget.npz`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.npz, data, size) }
