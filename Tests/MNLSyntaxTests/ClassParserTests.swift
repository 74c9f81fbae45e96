import MNLSyntax
import Testing

@Suite struct ClassParserTests {
    func parse(_ text: String) -> (Program, [Diagnostic]) { Parser.parse(SourceFile(name: "t", text: text)) }

    func classDecl(_ text: String) throws -> ClassDecl {
        let (program, errors) = parse(text)
        #expect(errors.isEmpty, "\(errors.map(\.kind.message))")
        guard case .classDecl(let decl)? = program.statements.first?.kind else { throw ParseFailure() }
        return decl
    }

    struct ParseFailure: Error {}

    @Test func aClassHasItsBaseDocMethodsAndFieldLayout() throws {
        let decl = try classDecl("""
            class Dense(Layer) {
              "A fully connected layer."
              fn init(self, n_in, n_out) {
                super.init("dense")
                self.W = zeros(n_in, n_out)
                if n_out > 1 { self.b = zeros(n_out) }
                (self.a, self.W) = (1, 2)
              }
              fn forward(me, x) {
                "Applies the layer."
                me.out = x @ me.W
                other.ignored = 1
              }
            }
            """)
        #expect(decl.name == "Dense")
        guard case .name("Layer")? = decl.base?.kind else { Issue.record("base"); return }
        #expect(decl.doc == "A fully connected layer.")
        #expect(decl.methods.map(\.name) == ["init", "forward"])
        #expect(decl.methods[1].doc == "Applies the layer.")
        #expect(decl.assignedFields == ["W", "b", "a", "out"])
    }

    @Test func superParsesWithAndWithoutParentheses() throws {
        for text in ["super.init(1)", "super().init(1)"] {
            let (program, errors) = parse(text)
            #expect(errors.isEmpty)
            guard case .expression(let e)? = program.statements.first?.kind, case .call(let callee, _) = e.kind,
                  case .superMember(let name, _) = callee.kind else { Issue.record("\(text)"); continue }
            #expect(name == "init")
        }
    }

    @Test func misuseIsReportedOnceWithItsKind() {
        let cases: [(String, ClassError)] = [
            ("class A {\n  x = 1\n}\n", .notAMethod),
            ("class A { fn f() { } }", .methodWithoutSelf(method: "f")),
            ("class A {\n fn f(self) { }\n fn f(self) { }\n}", .duplicateMethod("f")),
            ("class A { \"doc {x}\" }", .notAMethod),
        ]
        for (text, kind) in cases {
            let (_, errors) = parse(text)
            #expect(errors.map(\.kind) == [.classError(kind)], "\(text)")
        }
    }

    @Test func anUnfinishedClassAsksForMoreInput() {
        let (_, errors) = parse("class A {\n  fn f(self) {\n")
        guard case .unexpectedEndOfInput? = errors.first?.kind else { Issue.record("\(errors)"); return }
    }
}
