import FuzzDriver

// The fuzzer for `FuzzTarget.parse`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.parse, data, size) }
