import Foundation
import MNLDisplay
import MNLRuntime
import MNLStdlib
import Synchronization

/// A session for Ctrl-C tests: a script calls `press_ctrl_c_soon()` and 0.2 s later the
/// session's interrupt check starts answering yes, as when the user presses Ctrl-C during
/// the long computation the script started next; `release()` lets go of the key.
struct CtrlCSession {
    private final class Pressed: Sendable {
        let flag = Atomic<Bool>(false)
    }

    let session: Session
    let display = RecordingDisplay(terminal: false)
    private let pressed = Pressed()

    init() {
        session = Stdlib.makeSession(display: display)
        let pressed = self.pressed
        session.interruptCheck = { pressed.flag.load(ordering: .relaxed) }
        session.install([Builtin("press_ctrl_c_soon", topic: "test", doc: "Sets the interrupt flag after 0.2 s.", example: "") { _, _ in
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: 0.2)
                pressed.flag.store(true, ordering: .relaxed)
            }
            return .null
        }])
    }

    func release() { pressed.flag.store(false, ordering: .relaxed) }
}
