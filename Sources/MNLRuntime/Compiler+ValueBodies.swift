import MNLSyntax

/// Function bodies that are one expression, such as
/// `fn fib(n) { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }`, compiled as code that
/// returns the value: no statement closure and no `Completion` between the call and the
/// expression, and an `if` fused with a numeric comparison into one closure.
extension Compiler {
    /// A value-form body as a statement, for the calls that run `CompiledFunction.body`.
    static func statementForm(_ value: ValueFunction) -> Exec {
        let run = value.run
        return { f in .normal(try run(f)) }
    }

    /// The value form of a block made of one expression statement whose expression is a
    /// plain expression or an `if` whose every branch is such a block; nil otherwise
    /// (statements, `return`, `break`, `try`, empty branches), which keeps the general form.
    /// The code comes wrapped in a struct: one taken out of an optional directly would be
    /// called through a reabstraction thunk.
    func valueBody(_ b: Block) -> ValueFunction? {
        guard b.statements.count == 1, case .expression(let e) = b.statements[0].kind else { return nil }
        switch e.kind {
        case .conditional(let branches, let otherwise):
            var next: Code = { _ in .null }
            if let otherwise {
                guard let code = valueBody(otherwise) else { return nil }
                next = code.run
            }
            for (condition, body) in branches.reversed() {
                guard let run = valueBody(body) else { return nil }
                next = branch(condition, run.run, next)
            }
            return ValueFunction(run: next)
        case .tryCatch: return nil
        default: return ValueFunction(run: expression(e))
        }
    }

    /// `if condition { yes } else { no }` as a value. A comparison of numeric operands
    /// compares doubles in the same closure that picks the branch.
    func branch(_ condition: Expr, _ yes: @escaping Code, _ no: @escaping Code) -> Code {
        if case .comparison(let first, let rest) = condition.kind, rest.count == 1, let (op, second) = rest.first,
           op != .contains, op != .notContains, let l = numeric(first), let r = numeric(second) {
            let general = expression(condition)
            switch op {
            case .less: return NumberOperand.specialise(l, r, NumberBranch<LessCmp>(general: general, range: condition.range, yes: yes, no: no)).run
            case .lessEqual: return NumberOperand.specialise(l, r, NumberBranch<LessEqualCmp>(general: general, range: condition.range, yes: yes, no: no)).run
            case .greater: return NumberOperand.specialise(l, r, NumberBranch<GreaterCmp>(general: general, range: condition.range, yes: yes, no: no)).run
            case .greaterEqual:
                return NumberOperand.specialise(l, r, NumberBranch<GreaterEqualCmp>(general: general, range: condition.range, yes: yes, no: no)).run
            case .equal: return NumberOperand.specialise(l, r, NumberBranch<EqualCmp>(general: general, range: condition.range, yes: yes, no: no)).run
            case .notEqual: return NumberOperand.specialise(l, r, NumberBranch<NotEqualCmp>(general: general, range: condition.range, yes: yes, no: no)).run
            case .contains, .notContains: break
            }
        }
        let test = self.condition(condition)
        return { f in try test(f) ? try yes(f) : try no(f) }
    }
}

struct ValueFunction {
    let run: Code
}

/// An `if` on a comparison of two numeric operands, as a value; the general comparison
/// (and its truth) when either operand is not a number.
struct NumberBranch<Op: NumberComparison>: NumberPairBuilder {
    let general: Code
    let range: SourceRange
    let yes: Code
    let no: Code

    func build<L: NumberLoader, R: NumberLoader>(_ l: L, _ r: R) -> ValueFunction {
        let general = general, range = range, yes = yes, no = no
        return ValueFunction { f in
            let taken: Bool
            if let a = l.number(f), let b = r.number(f) {
                taken = Op.apply(a, b)
            } else {
                taken = try truth(try general(f), at: range)
            }
            return taken ? try yes(f) : try no(f)
        }
    }
}
