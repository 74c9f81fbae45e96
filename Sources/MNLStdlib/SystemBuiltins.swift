import MNLRuntime
import TensorKit

/// Facts about the machine the computations run on.
enum SystemBuiltins {
    static var builtins: [Builtin] {
        [
            Builtin("blas_info", [], topic: "system",
                    doc: "The BLAS library behind matrix products, as a record {library, version, core, detected_core, threads, cpu}: core is the kernel family it runs (OpenBLAS's core name, e.g. SkylakeX), detected_core is the library's own choice when mnist-repl selected a better one for this CPU at start-up (else nil), cpu lists the vector instructions the CPU offers. A generic core (Prescott, Core2, Nehalem) on a CPU with avx2 means products run several times slower than they could; OPENBLAS_CORETYPE set before start-up chooses the core by hand.",
                    example: "blas_info().library") { _, _ in
                let info = BLASInfo.current
                return .record(RecordBox([
                    ("library", .string(info.library)), ("version", .string(info.version)),
                    ("core", .string(info.core)), ("detected_core", info.detectedCore.map { .string($0) } ?? .null),
                    ("threads", .number(Double(info.threads))), ("cpu", .string(CPUFeatureSet.current.description)),
                ]))
            },
        ]
    }
}
