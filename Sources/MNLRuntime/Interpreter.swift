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
    /// Native stack kept free below the deepest call: enough for the deepest expression the
    /// parser accepts (`Parser.maxTreeDepth`) and the builtin it calls, many times over.
    static let stackMargin = 64 << 20
    let stackBase: UnsafeMutablePointer<Value>
    /// The hot counters, behind a pointer that compiled code reaches through `Frame` without
    /// retaining the interpreter or paying for exclusivity checks.
    let machine: UnsafeMutablePointer<Machine>

    init(session: Session, globals: GlobalTable) {
        self.session = session
        self.globals = globals
        stackBase = .allocate(capacity: Interpreter.stackCapacity)
        machine = .allocate(capacity: 1)
        machine.initialize(to: Machine(top: stackBase, stackEnd: stackBase + Interpreter.stackCapacity, depth: 0, ticks: 1024,
                                   stackFloor: 0))
    }

    deinit {
        resetStack()
        stackBase.deallocate()
        machine.deallocate()
    }

    /// Unwinds the stack after an error escaped to the top level.
    func resetStack() {
        let used = machine.pointee.top - stackBase
        if used > 0 { stackBase.deinitialize(count: used) }
        machine.pointee.top = stackBase
        machine.pointee.depth = 0
    }

    /// Runs `body`, which starts near the top of a native stack of `size` bytes, with calls
    /// refused once they would leave less than `stackMargin` of it. Ten thousand calls fit
    /// when each is shallow, but not when each sits under hundreds of operators (`f(n - 1)
    /// + 1 + 1 ...`), so the call depth alone cannot keep the stack from overflowing.
    func guardingStack<T>(size: Int, _ body: () -> T) -> T {
        let saved = machine.pointee.stackFloor
        machine.pointee.stackFloor = nativeStackPosition() &- UInt(size) &+ UInt(Interpreter.stackMargin)
        defer { machine.pointee.stackFloor = saved }
        return body()
    }
}

/// Where the native stack is now: the address of a local (the stack grows down).
@inline(__always)
func nativeStackPosition() -> UInt {
    var marker: UInt8 = 0
    return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
}

/// The value stack's top, the call depth and the interrupt countdown.
struct Machine {
    var top: UnsafeMutablePointer<Value>
    let stackEnd: UnsafeMutablePointer<Value>
    var depth: Int
    var ticks: Int
    /// Calls are refused below this native stack address (0 outside `guardingStack`).
    var stackFloor: UInt
}

/// Where compiled code finds its variables: this call's slots, its cells (captured
/// variables: its own first, then those its closure captured) and the interpreter.
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell>?
    let machine: UnsafeMutablePointer<Machine>
    unowned(unsafe) let interp: Interpreter

    /// Called at every loop iteration and call; asks the session about Ctrl-C every 1024 ticks.
    @inline(__always)
    func tick() throws {
        machine.pointee.ticks &-= 1
        if machine.pointee.ticks <= 0 { try pollInterrupt() }
    }

    @inline(never)
    func pollInterrupt() throws {
        machine.pointee.ticks = 1024
        if interp.session.isInterruptRequested() { throw Diagnostic(.interrupted, at: nil) }
    }

    /// Reserves `count` slots for a callee's frame and nils all but the first `leaving`,
    /// which the caller initialises.
    @inline(__always)
    func pushFrame(_ count: Int, leaving given: Int = 0) throws -> UnsafeMutablePointer<Value> {
        let base = machine.pointee.top
        guard machine.pointee.depth < Interpreter.maxDepth, machine.pointee.stackEnd - base > count,
              nativeStackPosition() > machine.pointee.stackFloor else { throw callTooDeep() }
        // Element by element: the bulk initialise/deinitialise calls go through the runtime's
        // generic array functions, which cost more than a whole small call.
        for i in given..<count { (base + i).initialize(to: .null) }
        machine.pointee.top = base + count
        machine.pointee.depth += 1
        return base
    }

    @inline(never)
    func callTooDeep() -> Diagnostic {
        let depth = machine.pointee.depth
        if depth < Interpreter.maxDepth, nativeStackPosition() <= machine.pointee.stackFloor {
            return Diagnostic(.stackExhausted(depth: depth), at: nil)
        }
        return Diagnostic(.recursionLimit(depth: Interpreter.maxDepth), at: nil)
    }

    @inline(__always)
    func popFrame(_ base: UnsafeMutablePointer<Value>, _ count: Int) {
        for i in 0..<count { Frame.release(base + i) }
        machine.pointee.top = base
        machine.pointee.depth -= 1
    }

    /// Deinitialises one slot; numbers, booleans and nil (most slots) need nothing done,
    /// which is checked inline instead of calling the enum's outlined destroy.
    @inline(__always)
    static func release(_ slot: UnsafeMutablePointer<Value>) {
        switch slot.pointee {
        case .null, .bool, .number: return
        default: _ = slot.move()
        }
    }

    /// The frame of a callee whose slots start at `base`.
    func callee(_ base: UnsafeMutablePointer<Value>, cells: UnsafeMutablePointer<Cell>?) -> Frame {
        Frame(slots: base, cells: cells, machine: machine, interp: interp)
    }

    var context: CallContext { CallContext(interp: interp) }
}

/// A variable shared between a function and the closures it created.
final class Cell {
    var value: Value
    init(_ value: Value) { self.value = value }

    deinit {
        guard value.holdsNestedValues else { return }
        var held = value
        value = .null
        ValueRelease.release(&held)
    }
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
/// A statement that always completes normally with no value (an assignment).
typealias Run = (Frame) throws -> Void
