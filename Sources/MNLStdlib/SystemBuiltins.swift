import MemoryBudget
import MNLRuntime
import MNLSyntax
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
            Builtin("memory_limit", [.optional("size", defaultText: "nil")], topic: "system",
                    doc: "The memory budget as a record {limit, in_use} in bytes; with size (bytes, or a string such as \"8G\" or \"512M\") it sets the limit first. Tensors hold their bytes against the limit while they live; lists, strings and scratch buffers are checked against what is left. Asking for more is an error the program can catch (\"cannot allocate …\"), never a crash. The default is 80% of physical memory (60% of ulimit -v when that is lower); --memory-limit sets it at start-up.",
                    example: "memory_limit().limit > 0") { a, _ in
                if let size = a[0] { MemoryBudget.setLimit(try bytes(size, a)) }
                return .record(RecordBox([
                    ("limit", .number(Double(MemoryBudget.limit))), ("in_use", .number(Double(MemoryBudget.inUse))),
                ]))
            },
        ] + [exitBuiltin("exit"), exitBuiltin("quit")]
    }

    /// `exit(status=0)` and its alias `quit`: ends a script with that exit status, or leaves
    /// the REPL. It travels as a diagnostic that `try` lets through, so no code after it runs.
    static func exitBuiltin(_ name: String) -> Builtin {
        Builtin(name, [.optional("status", defaultText: "0")], topic: "system",
                doc: "Ends the script with exit status `status` (an integer from 0 to 255; 0 means success), or leaves the REPL. `try` does not catch it. At the prompt, `\(name)` alone works too.",
                example: "type(\(name))") { a, _ in
            let status = try a.int(0, default: 0)
            guard (0...255).contains(status) else { throw a.invalid("exit status must be from 0 to 255, not \(status)") }
            throw Diagnostic(.exitRequested(status: status), at: nil)
        }
    }

    /// A size in bytes from a number or a string such as "8G".
    static func bytes(_ v: Value, _ a: Arguments) throws -> Int {
        switch v {
        case .number(let n): return Swift.max(0, try IntegerConversion.int(n, what: "memory limit"))
        case .string(let s):
            guard let b = MemoryBudget.bytes(fromText: s) else { throw a.invalid("'\(s)' is not a size (examples: \"8G\", \"512M\", 1e9)") }
            return b
        default: throw a.bad(0, expected: "number or string", got: v)
        }
    }
}
