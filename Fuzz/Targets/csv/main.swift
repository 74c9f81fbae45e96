import FuzzDriver

// The fuzzer for `FuzzTarget.csv`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.csv, data, size) }
