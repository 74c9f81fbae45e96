import MNLSyntax

/// The running state of one session: the value stack that holds function frames, the call
/// depth, and the interrupt poll. Hot-path counters live behind pointers so compiled code
/// touches them without exclusivity checks.
final class Interpreter {
    unowned let session: Session
    let globals: GlobalTable
    static let stackCapacity = 1 << 20
    /// Language-level recursion limit; the session runs code on a thread with a stack large
    /// enough for this many nested calls.
    static let maxDepth = 10_000
    let stackBase: UnsafeMutablePointer<Value>
    let stackEnd: UnsafeMutablePointer<Value>
    let top: UnsafeMutablePointer<UnsafeMutablePointer<Value>>
    let depth: UnsafeMutablePointer<Int>
    let ticks: UnsafeMutablePointer<Int>

    init(session: Session, globals: GlobalTable) {
        self.session = session
        self.globals = globals
        stackBase = .allocate(capacity: Interpreter.stackCapacity)
        stackEnd = stackBase + Interpreter.stackCapacity
        top = .allocate(capacity: 1)
        top.initialize(to: stackBase)
        depth = .allocate(capacity: 1)
        depth.initialize(to: 0)
        ticks = .allocate(capacity: 1)
        ticks.initialize(to: 1)
    }

    deinit {
        stackBase.deallocate()
        top.deallocate()
        depth.deallocate()
        ticks.deallocate()
    }

    /// Called at every loop iteration and call; asks the session about Ctrl-C every 1024 ticks.
    @inline(__always)
    func tick() throws {
        ticks.pointee &-= 1
        if ticks.pointee <= 0 {
            ticks.pointee = 1024
            if session.isInterruptRequested() { throw Diagnostic(.interrupted, at: nil) }
        }
    }

    /// Reserves and nils `count` slots for a new frame.
    @inline(__always)
    func pushFrame(_ count: Int) throws -> UnsafeMutablePointer<Value> {
        let base = top.pointee
        guard depth.pointee < Interpreter.maxDepth, stackEnd - base > count else {
            throw Diagnostic(.recursionLimit(depth: Interpreter.maxDepth), at: nil)
        }
        base.initialize(repeating: .null, count: count)
        top.pointee = base + count
        depth.pointee += 1
        return base
    }

    @inline(__always)
    func popFrame(_ base: UnsafeMutablePointer<Value>, _ count: Int) {
        base.deinitialize(count: count)
        top.pointee = base
        depth.pointee -= 1
    }

    /// Unwinds the stack after an error escaped to the top level.
    func resetStack() {
        let used = top.pointee - stackBase
        if used > 0 { stackBase.deinitialize(count: used) }
        top.pointee = stackBase
        depth.pointee = 0
    }
}

/// Where compiled code finds its variables: this call's slots, its cells (captured
/// variables: its own first, then those its closure captured) and the interpreter.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell>?
    unowned(unsafe) let interp: Interpreter
}

/// A variable shared between a function and the closures it created.
final class Cell {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// How a statement finished.
enum Completion {
    /// Ran to the end; the value of an expression statement, else nil.
    case normal(Value)
    case breakLoop
    case continueLoop
    case returned(Value)
}

typealias Code = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Completion
