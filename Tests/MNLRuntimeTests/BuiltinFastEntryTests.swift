@testable import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// Every builtin's fast entries (`fast1`, `fast2`), global functions and tensor methods
/// alike, must give what the general path (argument binding, then `body`) gives for the
/// same values: the same value, or the same error. Checked over values of every type.
@Suite struct BuiltinFastEntryTests {
    static let values = """
        (1, -2.5, 0, 1e300, true, nil, "s", [1, 2], [], (3,), tensor([1, -2, 3]), tensor([[0.5, -1], [2, 0]]), zeros(0),
         arange(3, dtype="i64"), tensor(2), tensor([true, false]), [[1, 2], [3, 4]], [1, "a"])
        """

    enum Failure: Error { case setup }

    /// `function`: the builtin whose fast entry runs, to which the call boundary (`runFast`)
    /// attributes library errors, as the general path does.
    func outcome(_ function: String? = nil, _ body: () throws -> Value?) -> String? {
        do { return try body()?.rendered() } catch let d as Diagnostic {
            return "error: \(function.map { d.attributed(to: $0) }?.kind ?? d.kind)"
        } catch { return "error: \(error)" }
    }

    /// The session, its sample values, and every builtin with a fast entry (tensor methods included).
    func setup() throws -> (Session, [Value], [Builtin]) {
        let s = Stdlib.makeSession(output: { _ in })
        guard case .success(.tuple(let tuple)?) = s.run(Self.values, name: "v"), case .native(let t) = tuple.items[10] else { throw Failure.setup }
        let values = tuple.items
        let methods = t.nativeClass.methods
        let all = (Array(s.builtins.values) + methods).filter { $0.fast1 != nil || $0.fast2 != nil }
        return (s, values, all.sorted { $0.name < $1.name })
    }

    @Test func fastEntriesAgreeWithTheGeneralPath() throws {
        let (s, values, builtins) = try setup()
        let ctx = CallContext(interp: s.interpreter)
        var taken = 0
        for b in builtins {
            for v in values {
                if let fast1 = b.fast1, let fast = outcome(b.name, { try fast1(v, ctx) }) {
                    taken += 1
                    #expect(fast == outcome { try s.interpreter.call(.builtin(BuiltinFunction(b)), [v], []) }, "\(b.name)(\(v.rendered()))")
                }
                for w in values {
                    guard let fast2 = b.fast2, let fast = outcome(b.name, { try fast2(v, w, ctx) }) else { continue }
                    taken += 1
                    #expect(fast == outcome { try s.interpreter.call(.builtin(BuiltinFunction(b)), [v, w], []) },
                            "\(b.name)(\(v.rendered()), \(w.rendered()))")
                }
            }
        }
        #expect(taken > 50)
    }

    @Test func theCommonBuiltinsHaveFastEntries() throws {
        let (_, _, builtins) = try setup()
        let names = Set(builtins.filter { $0.fast1 != nil }.map(\.name))
        #expect(names.isSuperset(of: ["exp", "log", "abs", "sqrt", "sum", "max", "min", "mean", "item", "len", "int", "float"]))
    }
}
