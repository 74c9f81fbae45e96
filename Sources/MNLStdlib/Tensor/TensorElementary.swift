import Foundation
import MNLRuntime
import MNLSyntax
import TensorKit

/// NumPy's elementary functions (issue 10): logarithms, trigonometry, trunc, arctan2 and
/// nan_to_num. Like exp and log, each takes a number (giving a number) or a list or tensor
/// (giving a tensor; integers give float32, the rule of exp here, where NumPy gives float64).
/// NumPy has no methods of these names, so they are functions only.
enum TensorElementary {
    static var builtins: [any TensorLibraryEntry] {
        typealias N = NumericBuiltins
        return [
            N.unary("log1p", .log1p, doc: "log(1 + x), accurate for x near 0.", example: "log1p(tensor([0, 1e-10, 1]))") { Foundation.log1p($0) },
            N.unary("expm1", .expm1, doc: "exp(x) - 1, accurate for x near 0.", example: "expm1(tensor([0, 1e-10, 1]))") { Foundation.expm1($0) },
            N.unary("log2", .log2, doc: "The base-2 logarithm (-inf at 0, nan below).", example: "log2(tensor([1, 8, 0.5]))") { Foundation.log2($0) },
            N.unary("log10", .log10, doc: "The base-10 logarithm (-inf at 0, nan below).", example: "log10(tensor([1, 1000, 0.01]))") { Foundation.log10($0) },
            N.unary("sin", .sin, doc: "The sine of an angle in radians.", example: "sin(tensor([0, pi / 2]))") { Foundation.sin($0) },
            N.unary("cos", .cos, doc: "The cosine of an angle in radians.", example: "cos(tensor([0, pi]))") { Foundation.cos($0) },
            N.unary("tan", .tan, doc: "The tangent of an angle in radians.", example: "tan(tensor([0, pi / 4]))") { Foundation.tan($0) },
            N.unary("arcsin", .arcsin, doc: "The inverse sine, in [-pi/2, pi/2] (nan outside [-1, 1]).",
                    example: "arcsin(tensor([0, 1, 2]))") { Foundation.asin($0) },
            N.unary("arccos", .arccos, doc: "The inverse cosine, in [0, pi] (nan outside [-1, 1]).",
                    example: "arccos(tensor([1, 0, -1]))") { Foundation.acos($0) },
            N.unary("arctan", .arctan, doc: "The inverse tangent, in (-pi/2, pi/2).", example: "arctan(tensor([0, 1]))") { Foundation.atan($0) },
            N.unary("sinh", .sinh, doc: "The hyperbolic sine, (e^x - e^-x) / 2.", example: "sinh(tensor([0, 1]))") { Foundation.sinh($0) },
            N.unary("cosh", .cosh, doc: "The hyperbolic cosine, (e^x + e^-x) / 2.", example: "cosh(tensor([0, 1]))") { Foundation.cosh($0) },
            N.unary("trunc", .trunc, doc: "Each value with its fraction dropped (rounded toward 0); integers stay integers.",
                    example: "trunc(tensor([1.7, -1.7, 2]))") { Foundation.trunc($0) },
            arctan2,
            nanToNum,
        ]
    }

    /// `arctan2(y, x)`: two numbers give a number, anything else a tensor (with broadcasting).
    static var arctan2: Builtin {
        Builtin("arctan2", [.required("y"), .required("x")], topic: "math",
                doc: "The angle of the point (x, y) from the positive x axis, in (-pi, pi], elementwise with broadcasting (note: y comes first).",
                example: "arctan2(tensor([1, 1, -1]), tensor([1, -1, 0]))") { a, _ in
            if case .number(let y) = try a.value(0), case .number(let x) = try a.value(1) { return .number(Foundation.atan2(y, x)) }
            let y = try a.tensor(0), x = try a.tensor(1)
            return try bridging { .tensor(try Tensor.arctan2(y, x)) }
        }
    }

    /// `nan_to_num(x, nan=0.0, posinf=nil, neginf=nil)`: a copy with NaN and the infinities replaced.
    static var nanToNum: Builtin {
        Builtin("nan_to_num", [.required("x"), .optional("nan", defaultText: "0.0"), .optional("posinf", defaultText: "nil"),
                               .optional("neginf", defaultText: "nil")], topic: "tensor",
                doc: "A copy of x with NaN replaced by nan=, +inf by posinf= and -inf by neginf= (nil: the dtype's largest and most negative finite values, as in NumPy).",
                example: "nan_to_num(tensor([0, 1, -1]) / 0, posinf=9)") { a, _ in
            let x = try a.tensor(0)
            let nan = try a.number(1, default: 0)
            let posinf = try a[2].map { _ in try a.number(2) }, neginf = try a[3].map { _ in try a.number(3) }
            return try bridging { .tensor(try x.nanToNum(nan: nan, posinf: posinf, neginf: neginf)) }
        }
    }
}
