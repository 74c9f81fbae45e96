import Foundation
import MNLFuzzing
import MNLStdlib
import MNLSyntax
import Testing

/// Short seeded runs of the fuzz entry points that `scripts/fuzz` drives under libFuzzer: the
/// same functions, without the fuzzer, so every `swift test` replays a few thousand inputs.
/// A trap fails the whole run (as it would crash the REPL); a returned problem is a broken
/// invariant the entry point checks (a diagnostic that cannot be shown, a file that loads but
/// does not save again).
@Suite struct FuzzEntryTests {
    static let root = ScriptHarness.repositoryRoot

    static func files(in folder: String, suffixes: [String]) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().filter { n in suffixes.contains { n.hasSuffix($0) } }.map { dir.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] { (try? Data(contentsOf: url)).map { Array($0) } ?? [] }

    /// The seed files of each loader target (what `scripts/fuzz` gathers, minus the large ones).
    static func seeds(_ target: FuzzTarget) -> [[UInt8]] {
        let fixtures = "Tests/MNLDataTests/Fixtures"
        let urls: [URL] = switch target {
        case .idx: files(in: "Fuzz/Seeds/idx", suffixes: [""]) + files(in: "Data/mnist-sample", suffixes: ["labels-idx1-ubyte.gz"])
        case .gzip: files(in: "Fuzz/Seeds/gzip", suffixes: [".gz"]) + files(in: "Fuzz/Seeds/idx", suffixes: [".gz"])
        case .csv: files(in: "Fuzz/Seeds/csv", suffixes: [".csv"]) + files(in: "Data", suffixes: [".csv"])
        case .npy: files(in: fixtures, suffixes: [".npy"])
        case .npz: files(in: fixtures, suffixes: [".npz"])
        case .safetensors: files(in: fixtures, suffixes: [".safetensors"]) + files(in: "Fuzz/Seeds/safetensors", suffixes: [""])
        case .parse, .script, .tensorgen: []
        }
        // The CSV target reads its options from the first byte.
        return urls.map { target == .csv ? [UInt8(0)] + bytes($0) : bytes($0) }
    }

    @Test(arguments: [FuzzTarget.idx, .gzip, .csv, .npy, .npz, .safetensors])
    func loadersSurviveMutatedSeeds(_ target: FuzzTarget) {
        let seeds = Self.seeds(target)
        #expect(seeds.count >= 2, "seed files for \(target) are missing")
        var mutator = SeedMutator(seed: 8)
        for (i, seed) in seeds.enumerated() {
            #expect(target.run(seed) == nil, "unmutated seed \(i)")
            for round in 0..<150 {
                let input = mutator.mutate(seed)
                if let problem = target.run(input) {
                    Issue.record("\(target) seed \(i) mutation \(round): \(problem); input \(input.prefix(64))")
                }
            }
        }
    }

    @Test func generatedTensorProgramsRunOrFailCleanly() {
        var choices = SeededChoices(seed: 20261130)
        let generator = ScriptEntries.generator
        var called = Set<String>()
        let context = FuzzContext(limits: RunLimits(maxPolls: 400, milliseconds: 150))
        let checker = Stdlib.makeSession(output: { _ in })
        for i in 0..<250 {
            let program = generator.program(&choices)
            // Generated programs are always well formed, so they reach the evaluator.
            let syntax = checker.check(SourceFile(name: "generated-\(i).mnl", text: program))
            #expect(syntax.isEmpty, "program \(i) does not compile: \(syntax.map { DiagnosticRenderer().render($0) })\n\(program)")
            if i < 3, ProcessInfo.processInfo.environment["MNL_SHOW_GENERATED"] != nil { print(program) }
            for b in generator.functions where program.contains(b.name + "(") { called.insert(b.name) }
            if let problem = ScriptEntries.run(source: program, in: context) {
                Issue.record("program \(i): \(problem)\n\(program)")
            }
        }
        // The generator reaches most registered builtins, not a hand-picked few.
        #expect(called.count * 10 >= generator.functions.count * 8, "only \(called.count) of \(generator.functions.count) builtins called")
    }

    /// Byte strings as the libFuzzer target reads them, including the empty input.
    @Test func tensorgenTargetTakesAnyBytes() {
        var choices = SeededChoices(seed: 7)
        let context = FuzzContext()
        #expect(FuzzTarget.tensorgen.run([], in: context) == nil)
        for _ in 0..<40 {
            let input = (0..<choices.choose(200)).map { _ in UInt8(truncatingIfNeeded: choices.next()) }
            #expect(FuzzTarget.tensorgen.run(input, in: context) == nil)
        }
    }

    @Test func mutatedScriptsParseAndRunCleanly() {
        let scripts = ScriptHarness.goldenScripts().map { ScriptHarness.scriptsFolder.appendingPathComponent($0) }
        var mutator = SeedMutator(seed: 11)
        let context = FuzzContext(limits: RunLimits(maxPolls: 400, milliseconds: 150))
        for (i, url) in scripts.enumerated() {
            let seed = Self.bytes(url)
            for _ in 0..<10 {
                let input = mutator.mutate(seed)
                #expect(FuzzTarget.parse.run(input, in: context) == nil, "script \(i)")
            }
            #expect(FuzzTarget.script.run(mutator.mutate(seed), in: context) == nil, "script \(i)")
        }
    }

    /// Every input a campaign found and that was fixed, kept in Fuzz/Regressions/TARGET/, runs
    /// cleanly again.
    @Test func fixedFindingsStayFixed() {
        for target in FuzzTarget.allCases {
            for url in Self.files(in: "Fuzz/Regressions/\(target.rawValue)", suffixes: [""]) {
                #expect(target.run(Self.bytes(url)) == nil, "\(url.lastPathComponent)")
            }
        }
    }
}
