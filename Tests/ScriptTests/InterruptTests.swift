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

/// Issue 7: Ctrl-C during a matrix product used to be lost (the next statement ran). Now the
/// product stops after its current block of rows, the rest of the statement does not run and
/// the variable keeps its old value.
@Suite struct MatmulInterruptTests {
    @Test func anInterruptDuringAProductStopsTheStatement() {
        var printed: [String] = []
        let session = Stdlib.makeSession(output: { printed.append($0) })
        guard case .success = session.run("a = zeros(4096, 4096)\nc = 1", name: "a") else { Issue.record("setup"); return }
        let start = ContinuousClock.now
        // Ctrl-C arrives 30 ms into the statement, while BLAS runs the product (4096³ takes far longer).
        session.interruptCheck = { ContinuousClock.now - start > .milliseconds(30) }
        guard case .failure(let errors) = session.run("c = a @ a; print(\"after\")", name: "b") else {
            Issue.record("the product should have been interrupted"); return
        }
        #expect(errors.first?.kind == .interrupted)
        #expect(!printed.contains { $0.contains("after") }, "\(printed)")
        session.interruptCheck = { false }
        guard case .success(.number(let c)?) = session.run("c", name: "c") else { Issue.record("c kept its value"); return }
        #expect(c == 1)
    }
}
