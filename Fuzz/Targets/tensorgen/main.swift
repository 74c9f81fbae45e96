import FuzzDriver

// The fuzzer for `FuzzTarget.tensorgen`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.tensorgen, data, size) }
