#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MNLFuzzing

/// What every libFuzzer executable does with one input: run the target's entry point, and
/// trap when it reports a broken invariant so that libFuzzer saves the input. A crash inside
/// the entry point traps by itself.
public func fuzzOneInput(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if showScripts, let script = target.script(for: bytes) {
        var text = "--- the program of this input:\n\(script)---\n"
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
    if let problem = target.run(bytes, in: context) {
        fatalError("fuzz target '\(target.rawValue)': \(problem)")
    }
    return 0
}

/// The process's one context: libFuzzer calls `fuzzOneInput` on one thread, one input at a time.
nonisolated(unsafe) let context = FuzzContext()

/// `MNL_FUZZ_SHOW=1` prints the program each `tensorgen` input stands for (for replays).
let showScripts = getenv("MNL_FUZZ_SHOW") != nil

/// libFuzzer's driver (in `libclang_rt.fuzzer`, linked by `-sanitize=fuzzer`): parses the
/// flags, then calls `callback` once per input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// Runs libFuzzer with the process's arguments. Each executable's `main.swift` calls this with
/// its target's callback; our own `main` (rather than libFuzzer's) keeps the executables
/// ordinary SwiftPM executables, whatever SwiftPM does to their entry point.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    FuzzContext.prepareProcess()
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
