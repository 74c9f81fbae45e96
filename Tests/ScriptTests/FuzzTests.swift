import MNLRuntime
import Synchronization
import MNLStdlib
import MNLSyntax
import Testing

/// Random programs built from the language's pieces must each either run or end in a
/// diagnostic with a position: never a trap. The generator is seeded, so a failure replays.
@Suite struct FuzzTests {
    static let pieces = [
        "x", "y", "1", "0", "-1", "2.5", "1e308", "nil", "true", "\"s\"", "\"{x}\"", "[1, 2]", "{a: 1}", "(1, 2)",
        "+", "-", "*", "/", "//", "%", "**", "@", "==", "<", "and", "or", "not", "..", ",", ":", "=", "+=",
        "(", ")", "[", "]", "{", "}", "fn", "if", "else", "for", "in", "while", "break", "return", "try", "catch",
        "\n", ";", ".", "len", "print", "tensor([1, 2])", "zeros(2, 2)", "x[", "]", "range(3)", "sum", "max",
        "reshape", "x.T", "[:, 0]", "[::-1]", "argmax", "one_hot", "error(\"e\")", "import \"missing.mnl\"",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Stops a runaway random loop after a bounded amount of work, as Ctrl-C would.
    final class Budget: Sendable {
        let polls = Atomic<Int>(0)
        func spend() -> Bool { polls.add(1, ordering: .relaxed).newValue > 50 }
        func reset() { polls.store(0, ordering: .relaxed) }
    }

    @Test func randomProgramsNeverTrap() {
        var g = Generator(state: 20261123)
        let session = Stdlib.makeSession(output: { _ in })
        let budget = Budget()
        session.interruptCheck = { budget.spend() }
        var failures = 0
        for i in 0..<4000 {
            budget.reset()
            let length = 1 + g.next(14)
            let source = (0..<length).map { _ in Self.pieces[g.next(Self.pieces.count)] }.joined(separator: " ")
            switch session.run("x = 3\ny = [1, 2, 3]\n" + source, name: "fuzz-\(i)") {
            case .success: break
            case .failure(let diagnostics):
                failures += 1
                #expect(!diagnostics.isEmpty)
                for d in diagnostics where d.kind != .interrupted {
                    #expect(!DiagnosticRenderer().render(d).isEmpty)
                }
            }
        }
        // Most random programs are wrong; the point is that every one came back.
        #expect(failures > 1000)
    }
}
