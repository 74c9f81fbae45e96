import Foundation
import MNLSyntax

extension CoreBuiltins {
    static var math: [Builtin] {
        [
            unaryMath("abs", doc: "The absolute value; elementwise on tensors.", example: "abs(-3)") { Swift.abs($0) },
            unaryMath("sqrt", doc: "The square root (nan for negative numbers, as in NumPy); elementwise on tensors.",
                      example: "sqrt(16)") { Foundation.sqrt($0) },
            unaryMath("exp", doc: "e raised to x; elementwise on tensors.", example: "exp(0)") { Foundation.exp($0) },
            unaryMath("log", doc: "The natural logarithm (-inf at 0, nan below); elementwise on tensors.",
                      example: "log(exp(2))") { Foundation.log($0) },
            unaryMath("floor", doc: "The largest integer not above x; elementwise on tensors.", example: "floor(2.7)") { $0.rounded(.down) },
            Builtin("round", [.required("x"), .optional("digits", defaultText: "0"), .keywords("options")], topic: "math",
                    doc: "x rounded to digits decimals, halves to even as in Python and NumPy; elementwise on tensors.",
                    example: "round(2.675, 2)") { a, ctx in
                if let v = try forward("round", a, ctx) { return v }
                let x = try a.number(0), d = try a.int(1, default: 0)
                guard Swift.abs(d) < 300 else { throw a.invalid("digits must be between -300 and 300") }
                // Like Python, round the exact binary value: round(2.675, 2) is 2.67.
                if d > 0, x.isFinite, let exact = Double(String(format: "%.\(Swift.min(d, 17))f", x)) { return .number(exact) }
                let scale = Foundation.pow(10.0, Double(d))
                return .number((x * scale).rounded(.toNearestOrEven) / scale)
            },
            extremum("min", doc: "The smallest of the arguments, or of one iterable; on a tensor, its minimum (axis=, keepdims= as in NumPy).",
                     example: "min(3, 1, 2)", pick: <),
            extremum("max", doc: "The largest of the arguments, or of one iterable; on a tensor, its maximum (axis=, keepdims= as in NumPy).",
                     example: "max([3, 1, 2])", pick: >),
            Builtin("sum", [.variadic("values"), .keywords("options")], topic: "math",
                    doc: "The sum of an iterable of numbers (start=0); on a tensor, the sum over all elements or over axis= (keepdims= as in NumPy).",
                    example: "sum([1, 2, 3])", fast1: { v, ctx in try forward1("sum", v, ctx) }) { a, ctx in
                if let v = try forward("sum", a, ctx) { return v }
                guard a.allPositional.count == 1 else { throw a.invalid("expects one iterable") }
                var total = 0.0
                for v in try Iteration.values(a.allPositional[0], ctx) {
                    guard let n = v.numeric else { throw a.bad(0, expected: "iterable of numbers", got: v) }
                    total += n
                }
                return .number(total)
            },
        ]
    }

    /// `min`/`max`: over the arguments, or over one iterable.
    static func extremum(_ name: String, doc: String, example: String, pick: @escaping (Double, Double) -> Bool) -> Builtin {
        Builtin(name, [.variadic("values"), .keywords("options")], topic: "math", doc: doc, example: example,
                fast1: { v, ctx in try forward1(name, v, ctx) }) { a, ctx in
            if let v = try forward(name, a, ctx) { return v }
            let values = a.allPositional.count == 1 ? try Iteration.values(a.allPositional[0], ctx) : a.allPositional
            guard var best = values.first else { throw a.invalid("\(name)() of an empty sequence") }
            for v in values.dropFirst() {
                guard let order = try Operators.ordering(v, best) else {
                    throw Diagnostic(.unsupportedOperands(op: name, lhs: v.typeName, rhs: best.typeName), at: nil)
                }
                if pick(Double(order), 0) { best = v }
            }
            return best
        }
    }
}
