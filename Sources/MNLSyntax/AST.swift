/// The syntax tree. Every node keeps its source range so later stages can point at it.

public struct Expr: Sendable {
    public let kind: ExprKind
    public let range: SourceRange
    /// Levels of tree from this node down to its deepest leaf (a leaf is 1). Every later stage
    /// recurses this deep, so the parser keeps it within `Parser.maxTreeDepth`.
    public let height: Int
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = kind.childHeight + 1
    }
}

public indirect enum ExprKind: Sendable {
    case number(Double)
    case string(String)
    case interpolated([InterpolationPart])
    case bool(Bool)
    case nilLiteral
    case name(String)
    case list([Expr])
    /// `[element for a in xs if c for b in ys]`: clauses nest left to right, as in Python.
    case comprehension(element: Expr, clauses: [ComprehensionClause])
    case record([RecordField])
    case tuple([Expr])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// Python-style chain: `a < b <= c` means `a < b and b <= c`, each operand evaluated once.
    case comparison(first: Expr, rest: [(CompareOperator, Expr)])
    case and(Expr, Expr)
    case or(Expr, Expr)
    case not(Expr)
    case range(Expr, Expr)
    case call(callee: Expr, arguments: [Argument])
    case index(Expr, [IndexItem])
    case member(Expr, name: String, nameRange: SourceRange)
    case function(FunctionDecl)
    /// `if c { } else if d { } else { }`; the value of the taken branch (nil without else).
    case conditional(branches: [(condition: Expr, body: Block)], otherwise: Block?)
    /// `try { } catch e { }`; the value of whichever block completed.
    case tryCatch(body: Block, name: String?, nameRange: SourceRange?, handler: Block)
    /// `super.name` (or `super().name`) inside a method: the parent class's member, bound to self.
    case superMember(name: String, nameRange: SourceRange)
}

public enum InterpolationPart: Sendable {
    case text(String)
    case expression(Expr, format: FormatSpec?)
}

public struct RecordField: Sendable {
    /// A name key (`{lr: 1}`) is the string literal "lr"; `(expr)` keys are any expression.
    public let key: Expr
    public let value: Expr
}

/// One `for pattern in iterable [if condition]...` of a comprehension.
public struct ComprehensionClause: Sendable {
    public let pattern: Pattern
    public let iterable: Expr
    public let conditions: [Expr]

    var height: Int { Swift.max(pattern.height, iterable.height, tallest(conditions, \.height)) }
}

public struct Argument: Sendable {
    /// The keyword for `f(x, lr=0.1)`; nil for positional arguments.
    public let label: String?
    public let value: Expr
}

public enum IndexItem: Sendable {
    case single(Expr)
    /// `start:stop:step`, any part may be omitted.
    case slice(start: Expr?, stop: Expr?, step: Expr?, range: SourceRange)
    /// `...` (NumPy's Ellipsis): as many `:` as the other items leave (issue 10).
    case ellipsis(SourceRange)
}

public enum UnaryOperator: String, Sendable { case negate = "-", plus = "+", invert = "~" }

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matmul = "@"
    case bitAnd = "&", bitOr = "|", bitXor = "^"
}

public enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    /// Membership: `x in xs`, `x not in xs` (comparisons in Python's grammar, so they chain).
    case contains = "in", notContains = "not in"
}

public struct Parameter: Sendable {
    public let name: String
    public let defaultValue: Expr?
    public let range: SourceRange
}

public final class FunctionDecl: Sendable {
    /// nil for an anonymous `fn(x) { ... }`.
    public let name: String?
    public let parameters: [Parameter]
    public let body: Block
    public let range: SourceRange
    /// Levels of tree down to the deepest leaf of the body or of a default value.
    public let height: Int

    public init(name: String?, parameters: [Parameter], body: Block, range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.range = range
        self.height = Swift.max(body.height, tallest(parameters) { $0.defaultValue?.height ?? 0 }) + 1
    }
}

public struct Block: Sendable {
    public let statements: [Stmt]
    public let range: SourceRange
    /// Levels of tree down to the deepest leaf of its statements.
    public let height: Int

    init(statements: [Stmt], range: SourceRange) {
        self.statements = statements
        self.range = range
        self.height = tallest(statements, \.height) + 1
    }
}

/// The left-hand side of `=` and of `for ... in`.
public indirect enum Pattern: Sendable {
    case name(String, SourceRange)
    case index(Expr, [IndexItem], SourceRange)
    case member(Expr, name: String, SourceRange)
    case tuple([Pattern], SourceRange)

    public var range: SourceRange {
        switch self {
        case .name(_, let r), .index(_, _, let r), .member(_, _, let r), .tuple(_, let r): r
        }
    }
}

public struct Stmt: Sendable {
    public let kind: StmtKind
    public let range: SourceRange
    /// Levels of tree down to the deepest leaf (see `Expr.height`).
    public let height: Int
    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = kind.childHeight + 1
    }
}

public enum StmtKind: Sendable {
    case expression(Expr)
    case assign(Pattern, Expr)
    case compoundAssign(BinaryOperator, Pattern, Expr)
    case function(FunctionDecl)
    case forLoop(Pattern, Expr, Block)
    case whileLoop(Expr, Block)
    case breakLoop
    case continueLoop
    case returnValue(Expr?)
    case importFile(String)
    case assert(Expr, message: Expr?)
    case global([String])
    case classDecl(ClassDecl)
    /// `del x[i]` or `del x.field` (a `.index` or `.member` pattern).
    case delete(Pattern)
}

/// A parsed file or REPL input.
public struct Program: Sendable {
    public let file: SourceFile
    public let statements: [Stmt]
}
