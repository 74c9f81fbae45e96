import MNLRuntime
import MNLSyntax
import Testing

/// The native class declaration: typed properties (read-only and settable), methods with
/// keyword checks, hooks, throwing iteration, and member sites keyed by class.
@Suite struct NativeClassTests {
    /// A toy optimizer: a settable learning rate, a read-only step count, a method.
    final class Optimizer: NativeObject {
        var lr = 0.1
        var steps = 0
        init() { super.init(Optimizer.declaration) }

        static let declaration = NativeClass(name: "optimizer", of: Optimizer.self, doc: "A toy optimizer for tests.") { c in
            c.property("lr", doc: "The learning rate.", type: .number, get: { .number($0.lr) }, set: { o, v in
                if case .number(let n) = v { o.lr = n }
            })
            c.property("steps", doc: "Steps taken.") { .number(Double($0.steps)) }
            c.method("step", [.optional("n", defaultText: "1")], doc: "Takes n steps.", example: "opt.step()") { o, a, _ in
                o.steps += try a.int(1, default: 1)
                return .null
            }
            // Yields 1 and 2, then fails: iteration may throw between values.
            c.iterate { _, _ in
                var i = 0
                return ValueIterator {
                    i += 1
                    if i > 2 { throw Diagnostic(.userError(message: "exhausted"), at: nil) }
                    return .number(Double(i))
                }
            }
            c.render { "<optimizer lr=\($0.lr)>" }
        }
    }

    /// Another class with a member of the same name, to check that sites are keyed by class.
    final class Other: NativeObject {
        init() { super.init(Other.declaration) }
        static let declaration = NativeClass(name: "other", of: Other.self, doc: "Another class for tests.") { c in
            c.property("lr", doc: "Always 7.") { _ in .number(7) }
        }
    }

    func session() -> (Session, () -> String) {
        final class Sink { var text = "" }
        let sink = Sink()
        let s = Session(output: { sink.text += $0 })
        s.install([
            Builtin("make_opt", topic: "test", doc: "A toy optimizer.", example: "make_opt()") { _, _ in .native(Optimizer()) },
            Builtin("make_other", topic: "test", doc: "Another object.", example: "make_other()") { _, _ in .native(Other()) },
        ])
        return (s, { sink.text })
    }

    func error(_ s: Session, _ code: String) -> DiagnosticKind? {
        guard case .failure(let errors) = s.run(code, name: "t") else { return nil }
        return errors.first?.kind
    }

    @Test func settablePropertiesAreTypeChecked() {
        let (s, out) = session()
        guard case .success = s.run("opt = make_opt()\nopt.lr = 0.01\nprint(opt.lr, opt)", name: "t") else { Issue.record("run"); return }
        #expect(out() == "0.01 <optimizer lr=0.01>\n")
        #expect(error(s, "opt.lr = \"fast\"") == .badMemberValue(type: "optimizer", name: "lr", expected: "number", got: "string"))
        #expect(error(s, "opt.steps = 3") == .readOnlyMember(type: "optimizer", name: "steps"))
        #expect(error(s, "opt.step = 3") == .readOnlyMember(type: "optimizer", name: "step"))
        #expect(error(s, "opt.lrr = 3") == .noSuchMember(type: "optimizer", name: "lrr", suggestion: "lr"))
    }

    @Test func methodsBindTheReceiverAndRefuseUnknownKeywords() {
        let (s, out) = session()
        guard case .success = s.run("opt = make_opt()\nopt.step()\nopt.step(n=2)\nprint(opt.steps)", name: "t") else {
            Issue.record("run"); return
        }
        #expect(out() == "3\n")
        #expect(error(s, "opt.step(m=2)") == .unknownKeyword(function: "step", name: "m", suggestion: "n"))
        #expect(error(s, "opt + 1") == .unsupportedOperands(op: "+", lhs: "optimizer", rhs: "number"))
        #expect(error(s, "opt[0]") == .notIndexable(type: "optimizer"))
    }

    @Test func iterationMayThrowBetweenValues() {
        let (s, out) = session()
        guard case .failure(let errors) = s.run("for v in make_opt() { print(v) }", name: "t") else { Issue.record("should fail"); return }
        #expect(out() == "1\n2\n")
        #expect(errors.first?.kind == .userError(message: "exhausted"))
        #expect(errors.first?.range != nil)
    }

    @Test func aMemberSiteServesEachClassItsOwnMember() {
        let (s, out) = session()
        let code = "xs = [make_opt(), make_other(), make_opt(), make_other()]\nfor x in xs { print(x.lr) }"
        guard case .success = s.run(code, name: "t") else { Issue.record("run"); return }
        #expect(out() == "0.1\n7\n0.1\n7\n")
    }

    @Test func theDeclarationListsMembersInOrder() {
        let c = Optimizer.declaration
        #expect(c.members.map(\.name) == ["lr", "steps", "step"])
        #expect(c.properties.map(\.isSettable) == [true, false])
        #expect(c.methods.first?.methodSignature(of: c.name) == "optimizer.step(n=1)")
        #expect(c.member("nope") == nil)
    }

    @Test func keywordOnlyParametersFollowAVariadicOne() throws {
        let b = Builtin("f", [.variadic("values"), .optional("sep", defaultText: "\" \"")], topic: "test", doc: "A test builtin.",
                        example: "f()") { a, _ in .list(a.rest + [a[0] ?? .null]) }
        let a = try Arguments(function: "f", parameters: b.parameters, positional: [.number(1), .number(2)], keywords: [("sep", .string(","))])
        #expect(a.rest.count == 2)
        #expect(a.bad(0, expected: "string", got: .number(1)).kind
                == .badArgument(function: "f", position: 0, name: "sep", expected: "string", got: "number"))
        #expect(b.signature == "f(values..., sep=\" \")")
    }
}
