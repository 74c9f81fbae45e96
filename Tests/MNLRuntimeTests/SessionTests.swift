import MNLRuntime
import MNLSyntax
import Testing

@Suite struct SessionTests {
    func session() -> (Session, () -> String) {
        final class Sink { var text = "" }
        let sink = Sink()
        let s = Session(output: { sink.text += $0 })
        return (s, { sink.text })
    }

    @Test func variablesPersistAcrossInputsAndSurviveErrors() throws {
        let (s, _) = session()
        guard case .success = s.run("w = 3", name: "<repl:1>") else { Issue.record("first input"); return }
        guard case .failure(let errors) = s.run("w = 4\nboom()", name: "<repl:2>") else { Issue.record("should fail"); return }
        #expect(errors.first?.kind == .undefinedVariable(name: "boom", suggestion: "bool"))
        // Nothing of a failed compile runs, so w keeps its value.
        guard case .success(let echo) = s.run("w", name: "<repl:3>"), case .number(let n)? = echo else { Issue.record("echo"); return }
        #expect(n == 3)
        guard case .failure = s.run("w = 5\n[1][3]", name: "<repl:4>") else { Issue.record("runtime failure"); return }
        guard case .success(.number(let m)?) = s.run("w", name: "<repl:5>") else { Issue.record("echo"); return }
        #expect(m == 5)
    }

    @Test func echoIsTheLastExpressionStatementUnlessNil() {
        let (s, _) = session()
        guard case .success(echo: nil) = s.run("x = 1", name: "a") else { Issue.record("assignment echoes nothing"); return }
        guard case .success(echo: nil) = s.run("nil", name: "b") else { Issue.record("nil echoes nothing"); return }
        guard case .success(echo: .string("hi")?) = s.run("\"hi\"", name: "c") else { Issue.record("string echo"); return }
    }

    @Test func checkReportsEveryErrorWithoutRunning() {
        let (s, out) = session()
        let errors = s.check(SourceFile(name: "f.mnl", text: "print(1)\nx = 1 +\ny = undefined_name\nbreak\n"))
        #expect(errors.map(\.kind) == [.unexpectedToken(found: "end of line", expected: "an expression"),
                                        .undefinedVariable(name: "undefined_name", suggestion: nil), .outsideLoop(keyword: "break")])
        #expect(out().isEmpty)
    }

    @Test func interruptStopsALoopAndKeepsVariables() {
        let (s, _) = session()
        _ = s.run("kept = 42", name: "a")
        s.interruptCheck = { true }
        guard case .failure(let errors) = s.run("n = 0\nwhile true { n += 1 }", name: "b") else { Issue.record("should stop"); return }
        #expect(errors.first?.kind == .interrupted)
        s.interruptCheck = { false }
        guard case .success(.number(42)?) = s.run("kept", name: "c") else { Issue.record("kept"); return }
    }

    @Test func resetForgetsVariablesButKeepsBuiltins() {
        let (s, _) = session()
        _ = s.run("x = 1", name: "a")
        s.reset()
        guard case .failure(let e) = s.run("x", name: "b") else { Issue.record("x forgotten"); return }
        #expect(e.first?.kind == .undefinedVariable(name: "x", suggestion: nil))
        guard case .success(.number(3)?) = s.run("len([1, 2, 3])", name: "c") else { Issue.record("builtins stay"); return }
    }

    @Test func scriptArgumentsAreVisibleAsArgs() {
        let (s, _) = session()
        s.scriptArguments = ["fashion", "3"]
        guard case .success(.list(let l)?) = s.run("args", name: "a") else { Issue.record("args"); return }
        #expect(l.items.map { $0.rendered() } == ["fashion", "3"])
    }

    @Test func userVariablesListsOnlyWhatTheUserDefined() {
        let (s, _) = session()
        _ = s.run("a = 1\nfn f() { 2 }", name: "x")
        #expect(s.userVariables.map(\.0) == ["a", "f"])
    }

    @Test func runtimeErrorsCarryTheCallChain() {
        let (s, _) = session()
        guard case .failure(let e) = s.run("fn g() { [1][2] }\nfn h() { g() }\nh()", name: "t.mnl") else { Issue.record("fails"); return }
        #expect(e.first?.trace.map(\.function) == ["g", "h"])
    }
}
