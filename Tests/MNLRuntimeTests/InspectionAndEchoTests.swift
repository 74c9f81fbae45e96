import MNLRuntime
import MNLSyntax
import Testing

/// What the REPL finds without running anything (completion, `?x.sum`), what it shows as an
/// echo, and its `_`.
@Suite struct InspectionAndEchoTests {
    func session(_ setup: String) -> Session {
        let s = Session(output: { _ in })
        _ = s.run(setup, name: "<setup>")
        return s
    }

    @Test func pathsOfNamesFieldsAndLiteralIndexesAreFollowed() {
        let s = session("r = {a: [10, {b: 20}], name: \"x\"}\nxs = [r]")
        #expect(Inspection.value(of: "r.a[1].b", in: s)?.repr() == "20")
        #expect(Inspection.value(of: "xs[-1].name", in: s)?.repr() == "\"x\"")
        #expect(Inspection.value(of: "r[\"name\"]", in: s)?.repr() == "\"x\"")
        #expect(Inspection.value(of: "xs[5]", in: s) == nil)
        #expect(Inspection.value(of: "r.missing", in: s) == nil)
    }

    @Test func nothingIsCalledToFindAValue() {
        let s = session("calls = 0\nfn f() { global calls; calls += 1; {a: 1} }\nr = {g: f}")
        for path in ["f().a", "r.g().a", "r.keys().a", "xs[calls]", "(r).g", "r.a + 1"] {
            #expect(Inspection.value(of: path, in: s) == nil, "\(path)")
        }
        #expect(s.global("calls")?.repr() == "0")
    }

    @Test func membersAreMethodsOrValues() {
        let s = session("r = {lr: 0.5}\nl = [1]")
        guard case .method(let keys)? = Inspection.member("keys", of: s.global("r")!, in: s) else {
            Issue.record("keys is a method of records"); return
        }
        #expect(keys.name == "keys")
        guard case .value(let lr)? = Inspection.member("lr", of: s.global("r")!, in: s) else {
            Issue.record("lr is a field"); return
        }
        #expect(lr.repr() == "0.5")
        #expect(Inspection.member("nope", of: s.global("l")!, in: s) == nil)
        #expect(Inspection.parameterNames(of: s.global("range")!) == ["start", "stop", "step"])
    }

    @Test func echoSummarisesLongListsAndStringsButPrintDoesNot() {
        let s = session("long = list(range(5000))\ntext = \"ab\" * 600\nsmall = [1, [2, 3]]")
        let style = EchoStyle()
        #expect(s.global("long")?.echoed(style: style) == "[0, 1, 2, ..., 4997, 4998, 4999] (5000 items)")
        #expect(s.global("small")?.echoed(style: style) == "[1, [2, 3]]")
        let edge = String(repeating: "ab", count: 30)
        #expect(s.global("text")?.echoed(style: style) == "\"\(edge)...\(edge)\" (1200 characters)")
        #expect(s.global("long")?.rendered().hasSuffix("4998, 4999]") == true)
        let nested = session("r = {rows: list(range(2000))}").global("r")?.echoed(style: style)
        #expect(nested == "{rows: [0, 1, 2, ..., 1997, 1998, 1999] (2000 items)}")  // fits on one line
    }

    @Test func theLastValueYieldsToTheUsersOwnUnderscore() {
        let s = Session(output: { _ in })
        s.rememberLastValue(.number(7))
        #expect(s.global("_")?.repr() == "7" && s.lastValueIsAutomatic)
        s.rememberLastValue(.number(8))
        #expect(s.global("_")?.repr() == "8")
        _ = s.run("_ = \"mine\"", name: "<repl>")
        s.rememberLastValue(.number(9))
        #expect(s.global("_")?.repr() == "\"mine\"" && !s.lastValueIsAutomatic)
        s.reset()
        s.rememberLastValue(.number(10))
        #expect(s.global("_")?.repr() == "10")
    }
}
