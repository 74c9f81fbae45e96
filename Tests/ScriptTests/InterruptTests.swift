import MNLRuntime
import MNLStdlib
import MNLSyntax
import Testing

/// Ctrl-C reaches long tensor kernels too, not only the interpreter's loops: the session's
/// interrupt check is TensorKit's cancellation flag for every run.
@Suite struct InterruptTests {
    @Test func aLongElementwiseKernelStopsAndTheSessionGoesOn() {
        let session = Stdlib.makeSession(output: { _ in })
        guard case .success = session.run("x = zeros(3000, 3000)", name: "a") else { Issue.record("setup"); return }
        session.interruptCheck = { true }
        // One statement, no loop: only the kernel's own chunk checks can stop it.
        guard case .failure(let errors) = session.run("y = exp(x)", name: "b") else {
            Issue.record("the kernel should have been interrupted"); return
        }
        #expect(errors.first?.kind == .interrupted)
        session.interruptCheck = { false }
        guard case .success(.native(let t)?) = session.run("x", name: "c") else { Issue.record("x kept"); return }
        #expect(t.summary().hasPrefix("(3000, 3000) float32"))
        guard case .failure(let undefined) = session.run("y", name: "d") else { Issue.record("y never assigned"); return }
        #expect(undefined.first?.kind == .undefinedVariable(name: "y", suggestion: "x"))
    }
}
