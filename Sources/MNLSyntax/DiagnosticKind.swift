import Foundation

/// Every error the language can report, as data. Each stage (lexer, parser, resolver,
/// evaluator, builtins) produces one of these; `DiagnosticRenderer` is the only place that
/// turns them into text. Tests assert on kinds.
public enum DiagnosticKind: Equatable, Sendable {
    // Lexing and parsing
    case unexpectedCharacter(String)
    case unterminatedString
    case invalidEscape(String)
    case invalidNumber(String)
    case unexpectedToken(found: String, expected: String)
    /// The input stopped inside an open construct; the REPL answers with a continuation prompt.
    case unexpectedEndOfInput(expected: String)
    case invalidAssignmentTarget
    case nestingTooDeep(limit: Int)
    /// The syntax tree is taller than `Parser.maxTreeDepth`: usually a very long chain.
    case expressionTooDeep(limit: Int)
    case invalidFormatSpec(String)
    case positionalAfterKeyword
    case duplicateParameter(String)

    // Resolving
    case undefinedVariable(name: String, suggestion: String?)
    case outsideLoop(keyword: String)
    case returnOutsideFunction
    case globalOutsideFunction
    case tooManyVariables(limit: Int)

    // Running
    case unsupportedOperands(op: String, lhs: String, rhs: String)
    case unsupportedOperand(op: String, operand: String)
    case notCallable(type: String)
    case argumentCount(function: String, expected: String, got: Int)
    case unknownKeyword(function: String, name: String, suggestion: String? = nil)
    case duplicateArgument(function: String, name: String)
    case missingArgument(function: String, name: String)
    /// `bad argument #2 to 'sum' (tensor expected, got string)`; position 0 = keyword `name`.
    case badArgument(function: String, position: Int, name: String, expected: String, got: String)
    case invalidValue(function: String, message: String)
    case indexOutOfRange(index: Int, axis: Int?, size: Int)
    case noSuchMember(type: String, name: String, suggestion: String?)
    case notIndexable(type: String)
    case notAssignable(type: String)
    case notIterable(type: String)
    case unpackMismatch(expected: Int, got: Int)
    case divisionByZero
    case numberTooLarge(function: String)
    /// A number used where an integer is needed (`what`: "repeat count", "argument #1 to 'zeros'").
    case notAnInteger(what: String, value: String)
    case integerOutOfRange(what: String, value: String, limit: Int)
    case assertionFailed(message: String)
    case userError(message: String)
    case recursionLimit(depth: Int)
    /// `==`, `<` or `sort` on lists, records or tuples nested deeper than `limit` (or on
    /// two distinct lists that contain themselves, which would nest without end).
    case valueTooDeep(operation: String, limit: Int)
    /// Calls nested `depth` deep used up the native stack before the recursion limit (each
    /// call's expressions were deep).
    case stackExhausted(depth: Int)
    case interrupted
    case shapeMismatch(op: String, lhs: [Int], rhs: [Int])
    case axisOutOfRange(axis: Int, ndim: Int)
    /// `bytes` were asked for while `inUse` of the `limit` were held (Int.max: an impossible size).
    case outOfMemory(bytes: Int, inUse: Int, limit: Int)
    case fileError(path: String, message: String)
    case importCycle(path: String)

    // MARK: natives (native class declarations)
    /// `t.shape = (2, 3)`: a property without a setter.
    case readOnlyMember(type: String, name: String)
    /// `opt.lr = "fast"`: a settable property given a value of the wrong type.
    case badMemberValue(type: String, name: String, expected: String, got: String)
    /// A library's own error (TensorError, DataError...), rendered with its own wording.
    case library(LibraryFailure)
    // MARK: REPL
    /// `exit(status)` or `quit(status)`: not an error but a request to end the script or the
    /// REPL; `try` does not catch it.
    case exitRequested(status: Int)
    // MARK: classes
    /// A misuse of classes (see ClassError.swift).
    case classError(ClassError)
    // MARK: dicts, operators, Python habits (issue 9)
    /// `key` is written as the program would (`'lr'`, `3`, `(1, 2)`); the suggestion is a string key.
    case keyNotFound(key: String, suggestion: String?)
    /// A list, tensor, record or nan used as a record key.
    case unhashableKey(type: String)
    /// Python spellings: `None`, `elif`, `def`, ... with the mnl spelling.
    case pythonSpelling(python: String, mnl: String)
    /// A Python construct with no one-word equivalent: what it is, and how to write it here.
    case pythonConstruct(what: String, write: String)
    /// `import numpy as np`, `from math import pi`.
    case pythonImport(module: String)
    /// `&`, `|`, `^` or `~` on a number that is not an integer.
    case notAnIntegerForBitwise(op: String, value: String)
    case unterminatedTripleQuotedString
    /// `del x`: only elements and fields can be deleted.
    case invalidDeleteTarget
    /// `del t[i]` on a value that has no deletion (a tuple, string, tensor).
    case notDeletable(type: String)
    // MARK: gradients (issue 12: grad, value_and_grad)
    /// A builtin or operator with no gradient rule met a traced tensor inside `grad`.
    case notDifferentiable(operation: String)
    /// `x[i] = v` or `x += v` inside `grad` on a traced tensor, or storing a traced value.
    case storeInsideGrad(operation: String)
    /// The differentiated function returned something other than a number or one element.
    case gradientOfNonScalar(function: String, got: String)
    /// An argument at `argnums` that has no gradient (an integer tensor, a string).
    case gradientArgument(function: String, position: Int, problem: String)
    /// `grad` called while another differentiation runs.
    case nestedGradient(function: String)
}

extension DiagnosticKind {
    /// The one-sentence message, without position.
    public var message: String {
        switch self {
        case .unexpectedCharacter(let c): "unexpected character '\(c)'"
        case .unterminatedString: "unterminated string (missing closing '\"' on this line; text over several lines goes in \"\"\"...\"\"\")"
        case .invalidEscape(let e): "invalid escape sequence '\\\(e)' in string"
        case .invalidNumber(let n): "invalid number '\(n)'"
        case .unexpectedToken(let found, let expected): "expected \(expected), found \(found)"
        case .unexpectedEndOfInput(let expected): "unexpected end of input (expected \(expected))"
        case .invalidAssignmentTarget: "cannot assign to this expression (expected a name, x[i], x.field or (a, b))"
        case .nestingTooDeep(let limit): "expression nested too deeply (more than \(limit) levels)"
        case .expressionTooDeep(let limit):
            "expression too deep (more than \(limit) levels; each operator, call, index or '.' in a chain adds one): split it into several statements"
        case .invalidFormatSpec(let s): "invalid format spec '\(s)' (expected something like '.4f', '>8', '.2e', 'd' or '%')"
        case .positionalAfterKeyword: "positional argument follows keyword argument"
        case .duplicateParameter(let p): "duplicate parameter '\(p)'"
        case .undefinedVariable(let name, let suggestion):
            "undefined variable '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .outsideLoop(let k): "'\(k)' outside a loop"
        case .returnOutsideFunction: "'return' outside a function"
        case .globalOutsideFunction: "'global' is only meaningful inside a function"
        case .tooManyVariables(let limit): "too many variables (the limit is \(limit))"
        case .unsupportedOperands(let op, let l, let r): "unsupported operand types for '\(op)': \(l) and \(r)"
        case .unsupportedOperand(let op, let t): "unsupported operand type for '\(op)': \(t)"
        case .notCallable(let t): "a \(t) is not callable"
        case .argumentCount(let f, let e, let g): "'\(f)' takes \(e), got \(g)"
        case .unknownKeyword(let f, let n, let s):
            "\(f): unexpected keyword argument '\(n)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .duplicateArgument(let f, let n): "'\(f)' got two values for '\(n)'"
        case .missingArgument(let f, let n): "'\(f)' is missing argument '\(n)'"
        case .badArgument(let f, let pos, let name, let expected, let got):
            pos > 0 ? "bad argument #\(pos) to '\(f)' (\(expected) expected, got \(got))"
                    : "bad argument '\(name)' to '\(f)' (\(expected) expected, got \(got))"
        case .invalidValue(let f, let m): "\(f): \(m)"
        case .indexOutOfRange(let i, let axis, let size):
            axis.map { "index \(i) is out of range for axis \($0) with size \(size)" }
                ?? "index \(i) is out of range for size \(size)"
        case .noSuchMember(let t, let n, let s):
            "\(t) has no member '\(n)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .notIndexable(let t): "a \(t) cannot be indexed"
        case .notAssignable(let t): "a \(t) does not support item assignment"
        case .notIterable(let t): "a \(t) is not iterable"
        case .unpackMismatch(let e, let g): "cannot unpack \(g) values into \(e) names"
        case .divisionByZero: "division by zero"
        case .numberTooLarge(let f): "number too large for '\(f)'"
        case .notAnInteger(let what, let value): "\(what) must be an integer, not \(value)"
        case .integerOutOfRange(let what, let value, let limit): "\(what) is \(value), outside the integer range ±\(limit)"
        case .assertionFailed(let m): "assertion failed" + (m.isEmpty ? "" : ": \(m)")
        case .userError(let m): m
        case .recursionLimit(let d): "maximum recursion depth (\(d)) exceeded"
        case .valueTooDeep(let op, let limit):
            "values nested too deeply to \(op) (more than \(limit) levels, or a list or record that contains itself)"
        case .stackExhausted(let d): "recursion too deep: \(d) nested calls of deeply nested expressions used up the stack"
        case .interrupted: "interrupted"
        case .exitRequested(let status): "exit(\(status))"
        case .shapeMismatch(let op, let l, let r):
            "cannot broadcast \(DiagnosticKind.shapeText(l)) with \(DiagnosticKind.shapeText(r)) in '\(op)'"
        case .axisOutOfRange(let a, let n): "axis \(a) is out of bounds for a tensor of dimension \(n)"
        case .outOfMemory(let bytes, let inUse, let limit): DiagnosticKind.outOfMemoryText(bytes, inUse, limit)
        case .fileError(let p, let m): "\(p): \(m)"
        case .importCycle(let p): "import cycle: '\(p)' is already being imported"
        case .readOnlyMember(let t, let n): "\(t) member '\(n)' is read-only"
        case .badMemberValue(let t, let n, let e, let g): "bad value for '\(n)' of \(t) (\(e) expected, got \(g))"
        case .library(let f): f.message
        case .classError(let e): e.message
        case .keyNotFound(let k, let s): "key \(k) not found" + (s.map { " (did you mean '\($0)'?)" } ?? "")
        case .unhashableKey(let t):
            t == "nan" ? "nan cannot be a record key" : "a \(t) cannot be a record key (keys are numbers, strings, bools and tuples of them)"
        case .pythonSpelling(let python, let mnl): "'\(python)' is spelled '\(mnl)' here"
        case .pythonConstruct(let what, let write): "\(what): write \(write)"
        case .pythonImport(let m):
            "there is no module '\(m)' to import: NumPy's and math's functions are builtins here (zeros, randn, sum, exp, pi); 'import' runs a script: import \"file.mnl\""
        case .notAnIntegerForBitwise(let op, let v): "'\(op)' needs integers (whole numbers within ±2**53), not \(v)"
        case .unterminatedTripleQuotedString: "unterminated string (missing closing '\"\"\"')"
        case .invalidDeleteTarget: "'del' removes an element or field: write del x[i], del d[key] or del d.field"
        case .notDeletable(let t): "a \(t) does not support deleting elements"
        case .notDifferentiable(let op):
            "'\(op)' is not differentiable inside grad; detach(x) uses the value without its gradient"
        case .storeInsideGrad(let op):
            "\(op) inside grad would lose the gradient; compute a new tensor instead (x = x + v, where(mask, v, x), concat)"
        case .gradientOfNonScalar(let f, let got):
            "\(f): the function must return a number or a one-element tensor to differentiate, got \(got)"
        case .gradientArgument(let f, let pos, let problem): "\(f): argument #\(pos) \(problem)"
        case .nestedGradient(let f): "\(f) inside grad is not supported (first-order gradients only)"
        }
    }

    /// `(60000, 784)`, `(3,)`, `()` as NumPy writes shapes.
    public static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    static func outOfMemoryText(_ bytes: Int, _ inUse: Int, _ limit: Int) -> String {
        if bytes == Int.max { return "cannot allocate an impossibly large amount of memory" }
        let asked = "cannot allocate \(byteText(bytes))"
        if bytes > limit { return "\(asked): more than the memory limit of \(byteText(limit))" }
        if bytes > limit - min(inUse, limit) {
            return "\(asked): \(byteText(inUse)) of the \(byteText(limit)) memory limit is in use"
        }
        return "\(asked): not enough memory"
    }

    static func byteText(_ bytes: Int) -> String {
        if bytes == Int.max { return "an impossibly large amount of memory" }
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = Double(bytes), u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return u == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", v, units[u])
    }
}

extension DiagnosticKind {
    /// The parser's nesting and tree-depth limits, after which it skips the whole statement.
    var isDepthLimit: Bool {
        switch self {
        case .nestingTooDeep, .expressionTooDeep: true
        default: false
        }
    }
}
