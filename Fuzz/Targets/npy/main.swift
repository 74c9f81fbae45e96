import FuzzDriver

// The fuzzer for `FuzzTarget.npy`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.npy, data, size) }
