import Foundation
import TensorKit

/// The one place where mnist-repl steers OpenBLAS's choice of kernels.
///
/// OpenBLAS picks its kernels in its library constructor, before `main`, from the CPU model
/// it knows. On a CPU newer than the library (Debian's 0.3.21 on recent Xeons) it falls back to
/// the generic `Prescott` kernels, about five times slower. The library reads
/// `OPENBLAS_CORETYPE` only in that constructor, so when CPUID says the CPU can run better
/// kernels this sets the variable and re-executes the binary once, before anything else runs.
///
/// - A value the user set is never overridden (not even a generic one).
/// - `OpenBLASCore.detectedVariable` carries the library's own choice into the re-executed process;
///   it marks the re-execution (so it happens at most once) and `blas_info()` reports it.
enum BLASStartup {
    /// Call first thing in `main`. Returns normally when nothing needs to change or when the
    /// re-execution fails (the program then runs on the library's own choice).
    static func selectBestCore() {
        #if os(Linux)
        let env = ProcessInfo.processInfo.environment
        let marker = OpenBLASCore.detectedVariable
        guard env["OPENBLAS_CORETYPE"] == nil, env[marker] == nil else { return }
        let detected = BLASInfo.current.core
        guard let better = OpenBLASCore.upgrade(from: detected, cpu: .current) else { return }
        setenv("OPENBLAS_CORETYPE", better, 1)
        setenv(marker, detected, 1)
        reexecute()
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(marker)
        #endif
    }

    /// Replaces this process by a fresh run of the same binary with the same arguments.
    private static func reexecute() {
        let args = CommandLine.arguments.map { strdup($0) } + [nil]
        defer { args.forEach { free($0) } }
        args.withUnsafeBufferPointer { argv in
            guard let base = argv.baseAddress else { return }
            _ = execv("/proc/self/exe", base)
        }
    }
}
