import MNLSyntax

/// A function's compiled form, shared by every closure made from one `fn`.
final class CompiledFunction {
    let name: String
    let parameters: [String]
    /// Default-value code per parameter (nil for required ones), run in the callee's frame.
    let defaults: [Code?]
    let slotCount: Int
    let ownCellCount: Int
    let cellCount: Int
    /// The argument count of calls that may take the direct path (all parameters given,
    /// no cells to set up); -1 when every call needs the general path.
    let directArity: Int
    /// Captured parameters: (slot, cell) pairs copied into cells on entry.
    let capturedParameters: [(slot: Int, cell: Int)]
    /// Immutable, so calls use it without retaining its context.
    let body: Exec
    /// The body as one expression (`Compiler.valueBody`), which the direct path runs instead
    /// of `body` when `isExpression`.
    let value: Code
    let isExpression: Bool
    let range: SourceRange
    /// The doc string (a string literal opening the body), for `help`.
    let doc: String?
    /// Parameter positions by name, for keyword arguments to long parameter lists (a short
    /// list is searched instead); keeps a call with n keywords linear in n.
    private let parameterIndex: [String: Int]?

    init(name: String, parameters: [String], scope: FunctionScope, range: SourceRange, defaults: [Code?], body: @escaping Exec,
         value: ValueFunction?, doc: String? = nil) {
        self.name = name
        self.doc = doc
        self.parameters = parameters
        self.slotCount = scope.slotCount
        self.ownCellCount = scope.ownCellCount
        self.cellCount = scope.cellCount
        self.directArity = scope.cellCount == 0 ? parameters.count : -1
        self.capturedParameters = scope.localOrder.filter { $0.isParameter && $0.isCaptured }.map { ($0.slot, $0.cell) }
        self.range = range
        self.defaults = defaults
        self.body = body
        if let value { self.value = value.run } else { self.value = { _ in .null } }
        self.isExpression = value != nil
        let indexed = parameters.count > 16
        self.parameterIndex = indexed ? Dictionary(parameters.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) : nil
    }

    /// The position of the parameter called `name`.
    func position(ofParameter name: String) -> Int? {
        if let parameterIndex { return parameterIndex[name] }
        return parameters.firstIndex(of: name)
    }

    var signature: String { "\(name)(\(parameters.joined(separator: ", ")))" }
}

/// A user function value: compiled code plus the cells it captured.
public final class Closure {
    let function: CompiledFunction
    /// Only `ValueRelease` writes it, emptying a closure that is being freed.
    @exclusivity(unchecked) private(set) var captured: [Cell]

    init(function: CompiledFunction, captured: [Cell]) {
        self.function = function
        self.captured = captured
    }

    public var name: String { function.name }
    public var signature: String { function.signature }

    /// Empties the captured cells that only this closure holds, moving their deeply nested
    /// values to `pending`; cells shared with a running frame or another closure keep their values.
    func surrenderCells(into pending: inout [Value]) {
        var cells = captured
        captured = []
        for i in cells.indices where isKnownUniquelyReferenced(&cells[i]) {
            let v = cells[i].value
            cells[i].value = .null
            if v.holdsNestedValues { pending.append(v) }
        }
    }

    /// See `Value.holdsNestedValues`.
    var capturesNestedValues: Bool {
        captured.count > ValueRelease.quickLookLimit || captured.contains { $0.value.ownsValues }
    }
}

extension Frame {
    /// Runs `closure` whose arguments are already in `base[0..<given]` (the rest of the
    /// frame is nil). Fills in defaults, sets up cells, runs the body, pops the frame.
    @inline(__always)
    func invoke(_ closure: Closure, frame base: UnsafeMutablePointer<Value>, given: Int) throws -> Value {
        let fn = closure.function
        defer { popFrame(base, fn.slotCount) }
        try tick()
        if fn.cellCount == 0 && given == fn.parameters.count {
            switch try fn.body(callee(base, cells: nil)) {
            case .normal(let v), .returned(let v): return v
            case .breakLoop, .continueLoop: return .null
            }
        }
        return try invokeGeneral(closure, base, given)
    }

    func invokeGeneral(_ closure: Closure, _ base: UnsafeMutablePointer<Value>, _ given: Int) throws -> Value {
        let fn = closure.function
        var cells: UnsafeMutablePointer<Cell>?
        if fn.cellCount > 0 { cells = Frame.makeCells(fn, closure, base) }
        defer { if let cells { cells.deinitialize(count: fn.cellCount); cells.deallocate() } }
        let frame = callee(base, cells: cells)
        if given < fn.parameters.count { try Frame.fillDefaults(fn, frame, from: given) }
        switch try fn.body(frame) {
        case .normal(let v), .returned(let v): return v
        case .breakLoop, .continueLoop: return .null
        }
    }

    static func makeCells(_ fn: CompiledFunction, _ closure: Closure, _ base: UnsafeMutablePointer<Value>)
        -> UnsafeMutablePointer<Cell> {
        let cells = UnsafeMutablePointer<Cell>.allocate(capacity: fn.cellCount)
        for i in 0..<fn.ownCellCount { (cells + i).initialize(to: Cell(.null)) }
        for (i, c) in closure.captured.enumerated() { (cells + fn.ownCellCount + i).initialize(to: c) }
        for (slot, cell) in fn.capturedParameters { cells[cell].value = base[slot] }
        return cells
    }

    static func fillDefaults(_ fn: CompiledFunction, _ frame: Frame, from given: Int) throws {
        for i in given..<fn.parameters.count {
            guard case .null = frame.slots[i] else { continue }
            guard let code = fn.defaults[i] else {
                throw Diagnostic(.missingArgument(function: fn.name, name: fn.parameters[i]), at: nil)
            }
            let v = try code(frame)
            frame.slots[i] = v
            for (slot, cell) in fn.capturedParameters where slot == i { frame.cells?[cell].value = v }
        }
    }

}

extension Interpreter {
    /// A frame for calls made from builtins (no caller slots).
    var bareFrame: Frame { Frame(slots: stackBase, cells: nil, machine: machine, interp: self) }

    /// Calls any callable value with evaluated arguments (the general path, used by builtins
    /// such as `map` and by calls with keyword arguments).
    func call(_ callee: Value, _ positional: [Value], _ keywords: [(String, Value)]) throws -> Value {
        switch callee {
        case .closure(let c): return try callClosure(c, positional, keywords)
        case .builtin(let b):
            let args = try Arguments(function: b.name, binding: b.builtin.binding, receiver: b.receiver,
                                     positional: positional, keywords: keywords)
            try bareFrame.tick()
            do { return try b.builtin.body(args, CallContext(interp: self)) } catch let d as Diagnostic { throw d.attributed(to: b.name) }
        case .native(let o):
            guard o.isCallable else { throw Diagnostic(.notCallable(type: o.typeName), at: nil) }
            let args = try Arguments(function: o.typeName, binding: ParameterBinding.nativeCall, receiver: nil,
                                     positional: positional, keywords: keywords)
            return try o.call(args, CallContext(interp: self)) ?? .null
        case .classType(let k): return try construct(k, positional, keywords)
        case .boundMethod(let m): return try callMethod(m.method, .instance(m.receiver), positional, keywords)
        default:
            throw Diagnostic(.notCallable(type: callee.typeName), at: nil)
        }
    }

    func callClosure(_ c: Closure, _ positional: [Value], _ keywords: [(String, Value)]) throws -> Value {
        let fn = c.function
        guard positional.count <= fn.parameters.count else {
            throw Diagnostic(.argumentCount(function: fn.name, expected: "at most \(fn.parameters.count) arguments",
                                            got: positional.count), at: nil)
        }
        let frame = bareFrame
        let base = try frame.pushFrame(fn.slotCount)
        var given = positional.count
        for (i, v) in positional.enumerated() { base[i] = v }
        var filled = [Bool](repeating: false, count: fn.parameters.count)
        for i in 0..<positional.count { filled[i] = true }
        for (k, v) in keywords {
            guard let i = fn.position(ofParameter: k) else {
                frame.popFrame(base, fn.slotCount)
                throw Diagnostic(.unknownKeyword(function: fn.name, name: k, suggestion: closestName(to: k, among: fn.parameters)), at: nil)
            }
            guard !filled[i] else {
                frame.popFrame(base, fn.slotCount)
                throw Diagnostic(.duplicateArgument(function: fn.name, name: k), at: nil)
            }
            base[i] = v
            filled[i] = true
        }
        if let missing = filled.indices.first(where: { !filled[$0] && fn.defaults[$0] == nil }) {
            frame.popFrame(base, fn.slotCount)
            throw Diagnostic(.missingArgument(function: fn.name, name: fn.parameters[missing]), at: nil)
        }
        if filled.contains(false) { given = filled.firstIndex(of: false) ?? given }
        return try frame.invoke(c, frame: base, given: given)
    }
}
