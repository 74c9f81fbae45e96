import Foundation
import MNLDisplay
import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// A pipeline in a session: Ctrl-C during its fit, and its `:vars` line.
struct PipelineFitTests {
    /// Ctrl-C while the pipeline's last step fits: the fit stops with `interrupted`, and both
    /// the scaler (whose copy had already been fitted on the new data) and the Lasso keep
    /// their first fit.
    @Test func ctrlCLeavesEveryStepAsItWas() {
        let ctrlC = CtrlCSession()
        let (session, display) = (ctrlC.session, ctrlC.display)
        // With tol=0 coordinate descent runs all max_iter passes (ClassicFitTests).
        let source = """
            seed(0)
            x = randn(4000, 20)
            scale = StandardScaler()
            lasso = Lasso(alpha=0.01, max_iter=200000, tol=0)
            p = make_pipeline(scale, lasso)
            p.fit(randn(10, 1), randn(10))
            (mean, coef) = (scale.mean_, lasso.coef_)
            press_ctrl_c_soon()
            p.fit(x, x[:, 0] * 3)
            """
        let result = session.run(SourceFile(name: "fit.mnl", text: source))
        guard case .failure(let d) = result else { Issue.record("the fit was not interrupted"); return }
        #expect(d.first?.kind == .interrupted)
        ctrlC.release()
        let after = session.run(SourceFile(name: "after.mnl", text: "print(all(scale.mean_ == mean), all(lasso.coef_ == coef), p[0].mean_.shape)"))
        if case .failure(let d) = after { Issue.record("\(d)") }
        let texts = display.events.compactMap { if case .text(let t) = $0 { t } else { nil } }
        #expect(texts.last == "true true (1,)\n")
    }

    @Test func varsShowsThePipelineWhetherFittedAndItsScore() throws {
        let session = Stdlib.makeSession { _ in }
        let source = """
            x = tensor([[0.0], [1.0], [2.0], [3.0]])
            y = tensor([0, 0, 1, 1])
            p = make_pipeline(StandardScaler(), LogisticRegression(C=10))
            q = make_pipeline(StandardScaler(), SVC()).fit(x, y)
            q.score(x, y)
            """
        if case .failure(let d) = session.run(SourceFile(name: "vars.mnl", text: source)) { Issue.record("\(d)") }
        guard case .native(let p)? = Inspection.value(of: "p", in: session), case .native(let q)? = Inspection.value(of: "q", in: session) else {
            Issue.record("no p or q")
            return
        }
        #expect(p.summary() == "Pipeline(steps=[(\"standardscaler\", StandardScaler()), (\"logisticregression\", LogisticRegression(C=10))]), not fitted")
        #expect(q.summary() == "Pipeline(steps=[(\"standardscaler\", StandardScaler()), (\"svc\", SVC())]), fitted, score 1")
    }
}
