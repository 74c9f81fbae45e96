import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// `value_and_grad` through the language against central finite differences computed in
/// the language too: a small MLP (tanh and relu hidden layers, softmax cross-entropy written
/// out, an L2 penalty) in float64, with its parameters in a record and a list, so the whole
/// path (operators, builtins, methods, indexing, structures) is checked, not only TensorKit.
@Suite struct GradientCheckTests {
    static let program = """
        seed(3)
        x = randn(5, 4, dtype="f64")
        labels = tensor([0, 2, 1, 2, 0], dtype="i64")
        params = {w1: randn(4, 6, dtype="f64") * 0.5, b1: randn(6, dtype="f64") * 0.1,
                  layers: [randn(6, 3, dtype="f64") * 0.5, randn(3, dtype="f64") * 0.1]}
        fn loss(p, x) {
            h = tanh(x @ p.w1 + p.b1)
            h = relu(h) + 0.1 * h
            logits = h @ p.layers[0] + p.layers[1]
            logp = logits - logsumexp(logits, axis=1, keepdims=true)
            nll = -mean(take_along_axis(logp, labels[:, nil], axis=1))
            nll + 0.01 * (sum(p.w1 ** 2) + sum(p.layers[0] ** 2))
        }
        (value, g) = value_and_grad(loss)(params, x)
        # Central differences on every element of every parameter, by assignment into copies.
        fn numeric(t, f) {
            d = zeros_like(t)
            flat = t.reshape(-1)
            for i in range(flat.shape[0]) {
                up = flat.copy()
                up[i] = up[i] + 1e-6
                down = flat.copy()
                down[i] = down[i] - 1e-6
                d.reshape(-1)[i] = (f(up.reshape(t.shape)) - f(down.reshape(t.shape))) / 2e-6
            }
            d
        }
        fn with(key, t) { r = {w1: params.w1, b1: params.b1, layers: params.layers}; r[key] = t; r }
        fn layer(i, t) { l = [params.layers[0], params.layers[1]]; l[i] = t; {w1: params.w1, b1: params.b1, layers: l} }
        worst = 0
        for (analytic, numeric_grad) in [
            (g.w1, numeric(params.w1, fn(t) { loss(with("w1", t), x) })),
            (g.b1, numeric(params.b1, fn(t) { loss(with("b1", t), x) })),
            (g.layers[0], numeric(params.layers[0], fn(t) { loss(layer(0, t), x) })),
            (g.layers[1], numeric(params.layers[1], fn(t) { loss(layer(1, t), x) })),
        ] {
            worst = max(worst, (abs(analytic - numeric_grad).max() / (abs(numeric_grad).max() + 1e-12)).item())
        }
        (value.item(), worst, type(g.layers), g.w1.shape == params.w1.shape)
        """

    @Test func mlpGradientMatchesFiniteDifferences() throws {
        let session = Stdlib.makeSession(output: { _ in })
        let result = session.run(Self.program, name: "gradcheck")
        guard case .success(let v?) = result, case .tuple(let t) = v, t.items.count == 4 else {
            Issue.record("the program failed: \(result)")
            return
        }
        guard case .number(let loss) = t.items[0], case .number(let worst) = t.items[1] else {
            Issue.record("unexpected results \(v.rendered())")
            return
        }
        #expect(loss > 0.5 && loss < 3, "a cross-entropy over 3 classes near log 3, got \(loss)")
        #expect(worst < 1e-6, "largest relative difference from finite differences: \(worst)")
        #expect(t.items[2].rendered() == "list")
        #expect(t.items[3].rendered() == "true")
    }

    /// Ctrl-C inside a differentiation is the usual interrupt, and the session is left as
    /// before: the next `grad` runs (not refused as nested) and finds no stale forward run.
    @Test func anInterruptedGradLeavesTheSessionReady() {
        let session = Stdlib.makeSession(output: { _ in })
        let setup = "w = ones(300, 300) / 300\nfn loss(w) { total = 0\n for i in range(200) { total = total + sum(tanh(w @ w) * i) }\n total }"
        guard case .success = session.run(setup, name: "a") else { Issue.record("setup"); return }
        // Ctrl-C arrives 20 ms in, once the differentiation has begun (the whole takes far longer).
        let start = ContinuousClock.now
        session.interruptCheck = { ContinuousClock.now - start > .milliseconds(20) }
        guard case .failure(let errors) = session.run("g = grad(loss)(w)", name: "b") else {
            Issue.record("the differentiation should have been interrupted"); return
        }
        #expect(errors.first?.kind == .interrupted)
        session.interruptCheck = { false }
        guard case .success(.number(let s)?) = session.run("grad(fn(x) { sum(x * 3) })(ones(2)).sum().item()", name: "c") else {
            Issue.record("grad after an interrupt"); return
        }
        #expect(s == 6)
    }
}
