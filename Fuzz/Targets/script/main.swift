import FuzzDriver

// The fuzzer for `FuzzTarget.script`: libFuzzer calls the closure once per input.
runFuzzer { data, size in fuzzOneInput(.script, data, size) }
