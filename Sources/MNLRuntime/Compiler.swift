import MNLSyntax

/// Turns the resolved form into nested Swift closures. The closures capture only what they
/// need (slot numbers, pointers to global slots, other closures), never the compiler.
final class Compiler {
    let resolution: Resolution
    let globals: GlobalTable
    let file: SourceFile
    /// The function being compiled; nil at the top level.
    var scope: FunctionScope?
    /// True while compiling the general code of an arithmetic tree that has a numeric form
    /// (see `numericFirst`).
    var compilingNumericFallback = false
    /// The classes whose methods are being compiled, innermost last (for `super`).
    var classBoxes: [ClassBox] = []

    init(resolution: Resolution, globals: GlobalTable, file: SourceFile) {
        self.resolution = resolution
        self.globals = globals
        self.file = file
    }

    func compileProgram(_ program: Program) -> CompiledProgram {
        let statements = program.statements.map(statement)
        var endsWithExpression = false
        if let last = program.statements.last, case .expression = last.kind { endsWithExpression = true }
        return CompiledProgram(statements: statements, endsWithExpression: endsWithExpression)
    }

    /// A block as one closure. Statements are nested as a balanced tree (never deeper than
    /// log2(n)) and compiled straight into their parent closure: a closure taken back out of
    /// an array or optional would be called through a reabstraction thunk on every run.
    func block(_ b: Block) -> Exec { sequence(b.statements[...]) }

    func sequence(_ list: ArraySlice<Stmt>) -> Exec {
        guard let first = list.first else { return { _ in .normal(.null) } }
        if list.count == 1 { return statement(first) }
        if list.allSatisfy(\.isAssignment) {
            let run = assignments(list)
            return { f in
                try run(f)
                return .normal(.null)
            }
        }
        let mid = Compiler.split(list)
        let a = sequence(list[..<mid]), b = sequence(list[mid...])
        return { f in
            let c = try a(f)
            if case .normal = c { return try b(f) }
            return c
        }
    }

    /// Consecutive assignments as one closure tree with no completions in between.
    func assignments(_ list: ArraySlice<Stmt>) -> Run {
        if list.count == 1, let s = list.first, case .assign(let target, let value) = s.kind { return assignment(target, value) }
        let mid = list.startIndex + list.count / 2
        let a = assignments(list[..<mid]), b = assignments(list[mid...])
        return { f in
            try a(f)
            try b(f)
        }
    }

    /// Where to split a block in two: near the middle, but not inside a run of assignments
    /// (which then runs as one closure tree).
    static func split(_ list: ArraySlice<Stmt>) -> Int {
        let middle = list.startIndex + list.count / 2
        func insideRun(_ i: Int) -> Bool { list[i - 1].isAssignment && list[i].isAssignment }
        var down = middle, up = middle
        while down > list.startIndex + 1, insideRun(down) { down -= 1 }
        while up < list.endIndex - 1, insideRun(up) { up += 1 }
        if !insideRun(down) { return down }
        return insideRun(up) ? middle : up
    }

    // MARK: - Variables

    func ref(at range: SourceRange) -> VariableRef? { resolution.names[range.start] }

    /// Code that reads a variable.
    func read(_ ref: VariableRef, name: String, range: SourceRange) -> Code {
        switch ref {
        case .local(let v) where v.isCaptured:
            let c = v.cell
            return { f in f.cells.unsafelyUnwrapped[c].value }
        case .local(let v):
            let s = v.slot
            return { f in f.slots[s] }
        case .captured(let i):
            let c = (scope?.ownCellCount ?? 0) + i
            return { f in f.cells.unsafelyUnwrapped[c].value }
        case .global(let i):
            let p = globals.values + i, defined = globals.defined + i, table = globals
            return { _ in
                let v = p.pointee
                if case .null = v, !defined.pointee {
                    throw Diagnostic(.undefinedVariable(name: name, suggestion: closestVariable(to: name, among: table.definedNames)),
                                     at: range)
                }
                return v
            }
        }
    }

    /// Code that stores a value into a variable.
    func write(_ ref: VariableRef) -> (Frame, Value) -> Void {
        switch ref {
        case .local(let v) where v.isCaptured:
            let c = v.cell
            return { f, x in f.cells.unsafelyUnwrapped[c].value = x }
        case .local(let v):
            let s = v.slot
            return { f, x in f.slots[s] = x }
        case .captured(let i):
            let c = (scope?.ownCellCount ?? 0) + i
            return { f, x in f.cells.unsafelyUnwrapped[c].value = x }
        case .global(let i):
            let p = globals.values + i, defined = globals.defined + i
            return { _, x in
                p.pointee = x
                defined.pointee = true
            }
        }
    }

    /// The cell index, in the current frame, of a variable a new closure captures.
    func cellIndex(of source: VariableRef) -> Int {
        switch source {
        case .local(let v): v.cell
        case .captured(let j): (scope?.ownCellCount ?? 0) + j
        case .global: -1
        }
    }
}

/// The truth of a condition's value (`if`, `while`, `not`, `and`, `or`, filters, `assert`); an
/// error (a tensor of several elements is ambiguous) carries the condition's range.
@inline(__always)
func truth(_ v: Value, at range: SourceRange) throws -> Bool {
    switch v {
    case .bool(let b): return b
    case .number(let n): return n != 0
    default: return try located(range) { try v.truthValue() }
    }
}

/// Attaches `range` to errors that carry none (errors from builtins and operators).
@inline(__always)
func located<T>(_ range: SourceRange, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch var d as Diagnostic {
        if d.range == nil { d.range = range }
        throw d
    }
}

extension Stmt {
    var isAssignment: Bool { if case .assign = kind { true } else { false } }
}
