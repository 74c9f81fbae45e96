/// The fuzz targets, each one function of the fuzzer's bytes. The libFuzzer executables in
/// `Fuzz/` and the seeded in-process tests in `Tests/ScriptTests/FuzzEntryTests.swift` call
/// these same functions, so a crash found by one replays in the other.
///
/// An entry returns normally for every input, valid or not: a clean error is a pass. Only a
/// trap (a crash) or a broken invariant (a returned problem: a diagnostic without a position,
/// a file that loads but does not save again) is a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Lexer, parser and resolver: tokens, AST and compile-time diagnostics of any text.
    case parse
    /// Compile and run any text as a script, with small time limits.
    case script
    /// Run a random tensor program, the fuzzer's bytes choosing its pieces.
    case tensorgen
    /// The file loaders, each straight from bytes.
    case idx, gzip, csv, npy, npz, safetensors

    /// One line for `scripts/fuzz --list`.
    public var summary: String {
        switch self {
        case .parse: "lexer, parser and resolver on any text"
        case .script: "compile and run any text as a script (time and poll limits)"
        case .tensorgen: "random tensor programs built from the registered builtins"
        case .idx: "IDX files, plain or gzip (IDX.decode)"
        case .gzip: "gzip streams (Gzip.decompress)"
        case .csv: "CSV text, options chosen by the first byte (CSV.parse)"
        case .npy: ".npy files, re-encoded when they load (NPY.decode)"
        case .npz: ".npz zip archives (NPZ.decode)"
        case .safetensors: "safetensors files, re-encoded when they load (Safetensors.decode)"
        }
    }

    /// Runs the target on one input. Nil when all is well (a clean error included); otherwise
    /// the broken invariant, which the libFuzzer executable turns into a trap.
    @discardableResult
    public func run(_ bytes: UnsafeRawBufferPointer, in context: FuzzContext) -> String? {
        switch self {
        case .parse: ScriptEntries.parse(bytes, in: context)
        case .script: ScriptEntries.run(bytes, in: context)
        case .tensorgen: ScriptEntries.runGenerated(bytes, in: context)
        case .idx, .gzip, .csv, .npy, .npz, .safetensors: LoaderEntries.run(self, bytes)
        }
    }

    /// The script an input stands for, when it is not its own text: the generated program of
    /// a `tensorgen` input (what `scripts/fuzz --reproduce` shows); nil for other targets.
    public func script(for bytes: UnsafeRawBufferPointer) -> String? {
        guard self == .tensorgen else { return nil }
        var choices = ByteChoices(bytes)
        return ScriptEntries.generator.program(&choices)
    }

    /// One input in a context of its own (for tests and replays).
    @discardableResult
    public func run(_ bytes: [UInt8], in context: FuzzContext = FuzzContext()) -> String? {
        bytes.withUnsafeBytes { run($0, in: context) }
    }
}
