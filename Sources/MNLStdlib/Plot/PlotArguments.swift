import MNLPlot
import MNLRuntime
import MNLSyntax
import TensorKit

extension PlotError: LibraryError {
    /// `hist: bins must be between 1 and 10000, got 0`: the library's facts, named after the
    /// builtin the user called.
    public func message(calledAs function: String?) -> String { function.map { "\($0): " + message } ?? message }
}

/// Runs MNLPlot code, turning its errors into the language's (named at the call boundary).
func plotting<T>(_ body: () throws(PlotError) -> T) throws -> T {
    do { return try body() } catch { throw Diagnostic(.library(LibraryFailure(error)), at: nil) }
}

/// The arguments of a plotting call, read by parameter position whether the call was a
/// function (`plot(y)`) or a method (`f.plot(y)`, whose receiver comes first).
struct PlotArguments {
    let a: Arguments
    /// Where the first parameter after any receiver is.
    let base: Int

    func given(_ i: Int) -> Bool { a[base + i] != nil }

    /// A 1-D sequence of numbers from a tensor or a list.
    func numbers(_ i: Int) throws -> [Double] {
        let v = try a.value(base + i)
        let t = try TensorConversion.tensor(v, argument: a.function, position: i + 1)
        guard t.ndim <= 1 else {
            throw a.invalid("\(a.parameterNames[base + i]) must be 1-D, got a tensor of shape \(DiagnosticKind.shapeText(t.shape))")
        }
        return t.toDoubles()
    }

    /// Optional numbers: nil when the argument was not given.
    func optionalNumbers(_ i: Int) throws -> [Double]? { given(i) ? try numbers(i) : nil }

    /// A 2-D matrix (a tensor or a list of lists), row by row.
    func matrix(_ i: Int) throws -> [[Double]] {
        let v = try a.value(base + i)
        let t = try TensorConversion.tensor(v, argument: a.function, position: i + 1)
        guard t.ndim == 2 else {
            throw a.invalid("\(a.parameterNames[base + i]) must be 2-D, got a tensor of shape \(DiagnosticKind.shapeText(t.shape))")
        }
        let flat = t.toDoubles(), columns = t.shape[1]
        return (0..<t.shape[0]).map { Array(flat[($0 * columns)..<(($0 + 1) * columns)]) }
    }

    /// Integer class labels (`c=labels`), one per point.
    func classes(_ i: Int) throws -> [Int]? {
        guard given(i) else { return nil }
        return try numbers(i).map { n in
            guard n.isFinite, n == n.rounded(), abs(n) < 1e9 else { throw a.invalid("c must hold integer class labels, got \(n)") }
            return Int(n)
        }
    }

    /// Labels from a list, tuple or tensor: strings as they are, numbers as `str` shows them.
    func labels(_ i: Int) throws -> [String]? {
        guard let v = a[base + i] else { return nil }
        switch v {
        case .list(let l): return l.items.map(Self.label)
        case .tuple(let t): return t.items.map(Self.label)
        case .native(let o) where o is TensorObject: return try numbers(i).map { Self.label(.number($0)) }
        default: throw a.bad(base + i, expected: "list of labels", got: v)
        }
    }

    static func label(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return v.rendered()
    }

    func string(_ i: Int) throws -> String? { given(i) ? try a.string(base + i) : nil }
    func bool(_ i: Int, default d: Bool) throws -> Bool { try a.bool(base + i, default: d) }
    func int(_ i: Int, default d: Int) throws -> Int { try a.int(base + i, default: d) }

    func color(_ i: Int) throws -> PlotColor? {
        guard let name = try string(i) else { return nil }
        return try plotting { () throws(PlotError) in try PlotColor(named: name) }
    }

    func style(_ i: Int) throws -> LineStyle {
        guard let text = try string(i) else { return .solid }
        guard let style = LineStyle(rawValue: text) else {
            throw a.invalid("style must be one of \(LineStyle.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), got '\(text)'")
        }
        return style
    }
}
