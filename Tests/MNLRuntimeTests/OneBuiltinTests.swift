import MNLRuntime
import MNLStdlib
import Testing

/// The builtins shared by numbers, lists and tensors are one declaration each, with the one
/// signature `help` shows, and the tensor class declares its methods explicitly.
@Suite struct OneBuiltinTests {
    @Test func eachHasOneFullSignature() throws {
        let s = Stdlib.makeSession(output: { _ in })
        let expected = [
            "sum": "sum(x, axis=nil, keepdims=false, dtype=nil)",
            "max": "max(values..., axis=nil, keepdims=false)",
            "min": "min(values..., axis=nil, keepdims=false)",
            "abs": "abs(x)", "sqrt": "sqrt(x)", "exp": "exp(x)", "log": "log(x)", "floor": "floor(x)",
            "round": "round(x, decimals=0)",
            "sort": "sort(x, axis=-1, key=nil, reverse=false)",
        ]
        for (name, signature) in expected {
            let b = try #require(s.builtins[name])
            #expect(b.signature == signature)
            #expect(!b.parameters.contains { if case .keywords = $0 { true } else { false } }, "\(name) takes any keyword")
        }
    }

    @Test func noBuiltinTakesAnyKeywordUnlessItStoresThem() {
        let s = Stdlib.makeSession(output: { _ in })
        let open = s.builtins.values.filter { b in b.parameters.contains { if case .keywords = $0 { true } else { false } } }
        // save and save_npz store their keywords as named tensors, dict(k=v) as keys.
        #expect(Set(open.map(\.name)) == ["save", "save_npz", "dict"])
    }

    @Test func tensorMethodsAreDeclaredNotInferred() throws {
        let s = Stdlib.makeSession(output: { _ in })
        guard case .success(.native(let t)?) = s.run("tensor([1, 2])", name: "t") else { Issue.record("tensor"); return }
        let methods = Set(t.nativeClass.methods.map(\.name))
        #expect(methods.isSuperset(of: ["sum", "max", "exp", "reshape", "item", "astype"]))
        // Functions whose first parameter happens to be called x are not methods.
        #expect(methods.isDisjoint(with: ["train_test_split", "batches", "tensor", "zeros"]))
    }
}
