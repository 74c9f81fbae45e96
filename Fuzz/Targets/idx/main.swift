import FuzzDriver

// The fuzzer for `FuzzTarget.idx`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.idx, data, size) }
