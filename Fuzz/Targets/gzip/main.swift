import FuzzDriver

// The fuzzer for `FuzzTarget.gzip`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.gzip, data, size) }
