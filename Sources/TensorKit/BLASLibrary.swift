/// What the BLAS library behind the matrix products is and which kernels it runs, for
/// `mnist-repl --version`, `blas_info()` and the start-up core selection.

#if canImport(Accelerate)
import Accelerate
#else
import CBLAS
import Glibc
#endif

public struct BLASInfo: Sendable, Equatable {
    /// "OpenBLAS" or "Accelerate".
    public let library: String
    public let version: String
    /// The kernel family in use (OpenBLAS's core name, e.g. "SkylakeX").
    public let core: String
    public let threads: Int
    /// The core the library chose by itself, when mnist-repl selected another one at start-up.
    public let detectedCore: String?

    /// The library linked into this process, as it runs now.
    public static var current: BLASInfo {
        #if canImport(Accelerate)
        return BLASInfo(library: "Accelerate", version: "system", core: "Apple", threads: 0, detectedCore: nil)
        #else
        let config = openblas_get_config().map { String(cString: $0) } ?? "OpenBLAS"
        let words = config.split(separator: " ")
        let version = words.count > 1 ? String(words[1]) : "unknown"
        let core = openblas_get_corename().map { String(cString: $0) } ?? "unknown"
        let detected = getenv(OpenBLASCore.detectedVariable).map { String(cString: $0) }
        return BLASInfo(library: "OpenBLAS", version: version, core: core, threads: Int(openblas_get_num_threads()),
                        detectedCore: detected == core ? nil : detected)
        #endif
    }

    /// One line for `--version`: `OpenBLAS 0.3.21, core SkylakeX, 2 threads`.
    public var summary: String {
        #if canImport(Accelerate)
        return "Accelerate (system BLAS)"
        #else
        var line = "\(library) \(version), core \(core), \(threads) thread\(threads == 1 ? "" : "s")"
        if let detectedCore { line += " (selected by mnist-repl for this CPU; OpenBLAS detected \(detectedCore))" }
        return line
        #endif
    }
}

/// OpenBLAS picks its kernels from the CPU model, so a release that predates a CPU falls back
/// to generic SSE3 kernels (`Prescott`) even where AVX-512 is there: five times slower. This
/// decides, from CPUID, which core to ask for instead. The choice takes effect only through
/// `OPENBLAS_CORETYPE` before the library initialises (see the executable's `BLASStartup`).
public enum OpenBLASCore {
    /// Set at start-up to the core OpenBLAS detected by itself when another one was selected.
    public static let detectedVariable = "MNL_OPENBLAS_DETECTED"

    /// The vector level a core's kernels use (the scale of `CPUFeatureSet.vectorLevel`);
    /// unknown and generic cores (Prescott, Core2, Nehalem, Katmai, Atom, ...) count as 0.
    public static func vectorLevel(ofCore name: String) -> Int {
        switch name.lowercased() {
        case "skylakex", "cooperlake", "sapphirerapids": 3
        case "haswell", "zen", "excavator": 2
        case "sandybridge", "bulldozer", "piledriver", "steamroller": 1
        default: 0
        }
    }

    /// The best core of OpenBLAS 0.3.21's x86-64 set for a CPU with these features. AVX-512
    /// CPUs get SkylakeX even when they have BF16: 0.3.21 warns "Core not found: Cooperlake"
    /// when asked for it, and its SkylakeX sgemm/dgemm measured 10-15 % faster on a Xeon of
    /// family 6, model 207 (mnist-repl never uses the BF16 routines Cooperlake adds).
    public static func bestCore(for cpu: CPUFeatureSet) -> String? {
        switch cpu.vectorLevel {
        case 3: "SkylakeX"
        case 2: cpu.isAMD ? "Zen" : "Haswell"
        case 1: "Sandybridge"
        default: nil
        }
    }

    /// The core to select when the library chose one below what the CPU supports; nil when
    /// its own choice is already as good (or the CPU is not x86-64).
    public static func upgrade(from current: String, cpu: CPUFeatureSet) -> String? {
        guard cpu.isX86, let best = bestCore(for: cpu) else { return nil }
        return vectorLevel(ofCore: current) < vectorLevel(ofCore: best) ? best : nil
    }
}
