@testable import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// The element fast paths of `x[a]`, `x[a, b]` and their stores must agree with the general
/// path on every index: same value when they take the access, and when they decline, the
/// general path decides (and reports the error). Checked over tensors of every shape class
/// and dtype, lists, and indices of every kind.
@Suite struct IndexFastPathTests {
    static var indices: [Value] { [-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 0.5, -0.5, .infinity, -.infinity, .nan, 1e300, -1e300,
                                   9.3e18, -0.0].map { Value.number($0) } + [.bool(true), .string("a"), .null] }

    func values(_ source: String) throws -> (Session, [Value]) {
        let s = Stdlib.makeSession(output: { _ in })
        guard case .success(let v?) = s.run(source, name: "t"), case .tuple(let t) = v else { throw Failure.setup }
        return (s, t.items)
    }

    enum Failure: Error { case setup }

    /// The general read's value or error message.
    func general(_ base: Value, _ items: [IndexArgument], _ s: Session) -> String {
        do { return try Indexing.get(base, items, CallContext(interp: s.interpreter)).rendered() } catch let d as Diagnostic {
            return "error: \(d.kind)"
        } catch { return "error: \(error)" }
    }

    static let bases = """
        (reshape(arange(12), 3, 4) / 10, arange(5, dtype="i64"), reshape(arange(24), 2, 3, 4), tensor([true, false, true]),
         reshape(arange(6, dtype="f64"), 2, 3).T, reshape(arange(24), 2, 3, 4)[1, 1:, ::2], tensor(3.5), [10, 20, 30, 40], zeros(0))
        """

    @Test func readsAgreeWithTheGeneralPath() throws {
        let (s, bases) = try values(Self.bases)
        for base in bases {
            for a in Self.indices {
                if let fast = Indexing.element(base, a) {
                    #expect(fast.rendered() == general(base, [.value(a)], s), "\(base.rendered())[\(a.rendered())]")
                }
                for b in Self.indices {
                    if let fast = Indexing.element(base, a, b) {
                        #expect(fast.rendered() == general(base, [.value(a), .value(b)], s))
                    }
                }
            }
        }
    }

    @Test func fastPathsTakeTheCommonCases() throws {
        let (_, b) = try values(Self.bases)
        #expect(Indexing.element(b[0], .number(1), .number(2))?.rendered() == "0.6")
        #expect(Indexing.element(b[0], .number(-1), .number(-1))?.rendered() == "1.1")
        #expect(Indexing.element(b[1], .number(-2))?.rendered() == "3")
        #expect(Indexing.element(b[2], .number(1), .number(2))?.rendered() == Indexing.element(b[2], .number(1))
                    .flatMap { Indexing.element($0, .number(2)) }?.rendered())
        #expect(Indexing.element(b[7], .number(-4))?.rendered() == "10")
        #expect(Indexing.element(b[0], .number(3), .number(0)) == nil)
        #expect(Indexing.element(b[0], .number(0.5), .number(0)) == nil)
        #expect(Indexing.element(b[7], .number(4)) == nil)
        #expect(Indexing.element(b[6], .number(0)) == nil)
    }

    /// Stores through the fast path and through the general path into fresh copies of each
    /// base; the results (the base afterwards, or the error) must agree whenever the fast
    /// path takes the store, and a declined store must leave the base unchanged.
    @Test func storesAgreeWithTheGeneralPath() throws {
        let (s, _) = try values("fn fresh() { \(Self.bases) }\n(fresh,)")
        guard case .success(let f?) = s.run("fresh", name: "f") else { throw Failure.setup }
        let ctx = CallContext(interp: s.interpreter)
        func bases() throws -> [Value] {
            guard case .tuple(let t) = try ctx.call(f, []) else { throw Failure.setup }
            return t.items
        }
        let pairs = Self.indices.filter { if case .number(let n) = $0 { n.magnitude < 5 && n == n.rounded() } else { true } }
        let count = try bases().count
        var taken = 0, declined = 0
        for k in 0..<count {
            for value in [Value.number(7), .bool(true), .string("s")] {
                for index in Self.indices.map({ [$0] }) + pairs.flatMap({ a in pairs.map { [a, $0] } }) {
                    if try compareStore(k, index, value, bases, ctx) { taken += 1 } else { declined += 1 }
                }
            }
        }
        #expect(taken > 100 && declined > 100)
    }

    func compareStore(_ k: Int, _ index: [Value], _ value: Value, _ bases: () throws -> [Value], _ ctx: CallContext) throws -> Bool {
        let fastBase = try bases()[k], generalBase = try bases()[k]
        let before = fastBase.rendered()
        let took = index.count == 1 ? Indexing.setElement(fastBase, index[0], to: value)
            : Indexing.setElement(fastBase, index[0], index[1], to: value)
        var generalError = ""
        do { try Indexing.set(generalBase, index.map { .value($0) }, value, ctx) } catch { generalError = "\(error)" }
        let label = "\(before)[\(index.map { $0.rendered() })] = \(value.rendered())"
        if took {
            #expect(generalError == "", "\(label)")
            #expect(fastBase.rendered() == generalBase.rendered(), "\(label)")
        } else {
            #expect(fastBase.rendered() == before, "\(label)")
        }
        return took
    }
}
