import Foundation
import TensorKit

/// Prints tensors the way NumPy's `str()` does: aligned columns, floats with up to `precision`
/// fractional digits and trailing zeros trimmed (`1.`, `2.5`), scientific notation when the
/// magnitudes call for it, `...` summarisation above `threshold` elements with `edgeItems`
/// items kept at each end of every axis, then a last line `shape (2, 3) float32`.
public struct TensorFormatter: Sendable {
    public var precision: Int
    public var threshold: Int
    public var edgeItems: Int
    public var lineWidth: Int

    public init(precision: Int = 8, threshold: Int = 1000, edgeItems: Int = 3, lineWidth: Int = 75) {
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.lineWidth = lineWidth
    }

    /// The NumPy-style body followed by a `shape (…) dtype` line.
    public func format(_ t: Tensor) -> String {
        body(t) + "\n" + "shape \(TensorFormatter.shapeString(t.shape)) \(t.dtype)"
    }

    /// One line for variable listings: `(60000, 784) float32  179.4 MiB`.
    public func summary(_ t: Tensor) -> String {
        "\(TensorFormatter.shapeString(t.shape)) \(t.dtype)  \(TensorFormatter.byteString(t.nbytes))"
    }

    /// `(2, 3)`, `(5,)` or `()` as Python writes shapes.
    public static func shapeString(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    static func byteString(_ n: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var v = Double(n), u = 0
        while v >= 1024 && u < units.count - 1 { v /= 1024; u += 1 }
        return u == 0 ? "\(n) B" : String(format: "%.1f %@", v, units[u])
    }

    /// NumPy's `str()` of the tensor, without the shape line.
    public func body(_ t: Tensor) -> String {
        let summarise = t.count > threshold
        // Row-major flat indices of the elements that will be shown.
        let shown = shownIndices(t.shape, summarise: summarise)
        // Only the shown elements are read, so printing a 60000×784 tensor stays cheap.
        let cells = t.dtype == .int64 || t.dtype == .int32 || t.dtype == .uint8
            ? rightAligned(shown.map { String((try? t.int64(atFlatIndex: $0)) ?? 0) })  // exact, even near 2^63
            : formatCells(shown.map { (try? t.value(atFlatIndex: $0)) ?? 0 }, dtype: t.dtype)
        var cellOf = [Int: String]()
        for (i, c) in zip(shown, cells) { cellOf[i] = c }
        if t.ndim == 0 { return cells.first ?? "" }
        if t.count == 0 { return "[]" }
        let strides = Tensor.contiguousStrides(t.shape)
        return block(t.shape, strides, axis: 0, base: 0, indent: 1, summarise: summarise, cellOf)
    }

    private func axisPositions(_ n: Int, summarise: Bool) -> [Int?] {
        if summarise && n > 2 * edgeItems {
            return (0..<edgeItems).map { Optional($0) } + [nil] + ((n - edgeItems)..<n).map { Optional($0) }
        }
        return (0..<n).map { Optional($0) }
    }

    private func shownIndices(_ shape: [Int], summarise: Bool) -> [Int] {
        if shape.isEmpty { return [0] }
        if shape.contains(0) { return [] }
        let strides = Tensor.contiguousStrides(shape)
        var out: [Int] = []
        func walk(_ axis: Int, _ base: Int) {
            if axis == shape.count { out.append(base); return }
            for p in axisPositions(shape[axis], summarise: summarise) {
                if let p { walk(axis + 1, base + p * strides[axis]) }
            }
        }
        walk(0, 0)
        return out
    }

    private func block(_ shape: [Int], _ strides: [Int], axis: Int, base: Int, indent: Int,
                       summarise: Bool, _ cellOf: [Int: String]) -> String {
        let positions = axisPositions(shape[axis], summarise: summarise)
        if axis == shape.count - 1 {
            // Innermost axis: cells separated by spaces, wrapped at the line width.
            let items = positions.map { p in p.map { cellOf[base + $0 * strides[axis]] ?? "" } ?? "..." }
            var lines: [String] = []
            var line = "["
            for (k, item) in items.enumerated() {
                let piece = (k == 0 ? "" : " ") + item
                if line.count + piece.count + 1 > lineWidth && k > 0 {
                    while line.hasSuffix(" ") { line.removeLast() }
                    lines.append(line)
                    line = String(repeating: " ", count: indent) + item
                } else {
                    line += piece
                }
            }
            lines.append(line + "]")
            return lines.joined(separator: "\n")
        }
        let blankLines = String(repeating: "\n", count: shape.count - axis - 1)
        var parts: [String] = []
        for p in positions {
            if let p {
                parts.append(block(shape, strides, axis: axis + 1, base: base + p * strides[axis], indent: indent + 1,
                                   summarise: summarise, cellOf))
            } else {
                parts.append("...")
            }
        }
        let pad = String(repeating: " ", count: indent)
        return "[" + parts.enumerated().map { k, s in k == 0 ? s : pad + s }.joined(separator: blankLines) + "]"
    }

    /// The shown values as right-aligned cells of one width.
    func formatCells(_ values: [Double], dtype: DType) -> [String] {
        var cells: [String]
        switch dtype {
        case .bool: cells = values.map { $0 != 0 ? " True" : "False" }  // NumPy: always 5 wide
        case .int64, .int32, .uint8: cells = values.map { String($0.asInt64) }  // body() formats ints exactly instead
        case .float32, .float64, .float16, .bfloat16: cells = formatFloats(values, dtype: dtype)
        }
        return rightAligned(cells)
    }

    /// Cells padded on the left to one width.
    private func rightAligned(_ cells: [String]) -> [String] {
        let width = cells.map(\.count).max() ?? 0
        return cells.map { String(repeating: " ", count: width - $0.count) + $0 }
    }

    /// NumPy 2's cutoff for scientific notation: 10 to the dtype's decimal precision, at most
    /// 1e8 (float16 1e3, float32 1e6, float64 1e8; bfloat16, which NumPy lacks, 1e2).
    static func scientificCutoff(_ dtype: DType) -> Double {
        switch dtype {
        case .float16: 1e3
        case .bfloat16: 1e2
        case .float32: 1e6
        case .float64, .int64, .int32, .uint8, .bool: 1e8
        }
    }

    private func formatFloats(_ values: [Double], dtype: DType) -> [String] {
        let finite = values.filter { $0.isFinite }
        let mags = finite.map { Swift.abs($0) }.filter { $0 != 0 }
        let maxv = mags.max() ?? 0, minv = mags.min() ?? 0
        let scientific = maxv >= TensorFormatter.scientificCutoff(dtype) || (minv > 0 && minv < 1e-4) || (minv > 0 && maxv / minv > 1e3)
        func special(_ v: Double) -> String? {
            v.isNaN ? "nan" : (v.isInfinite ? (v > 0 ? "inf" : "-inf") : nil)
        }
        if scientific {
            // Mantissas share one count of fractional digits (zero padded), as NumPy.
            let parts = values.map { v -> (String, Int)? in
                special(v) != nil ? nil : scientificParts(v, dtype: dtype)
            }
            let frac = parts.compactMap { $0 }.map { fractionDigits($0.0) }.max() ?? 0
            // Exponents share one width too, at least two digits (`1.e-45`, `5.e-324 1.e+000`).
            let expWidth = parts.compactMap { $0 }.map { String(Swift.abs($0.1)).count }.max() ?? 2
            return zip(values, parts).map { v, p in
                guard let p else { return special(v) ?? "" }
                let digits = String(Swift.abs(p.1))
                let exponent = (p.1 < 0 ? "-" : "+") + String(repeating: "0", count: Swift.max(2, expWidth) - digits.count) + digits
                return padFraction(p.0, to: frac, with: "0") + "e" + exponent
            }
        }
        let texts = values.map { v -> String? in
            if special(v) != nil { return nil }
            return positional(v, dtype: dtype)
        }
        let frac = texts.compactMap { $0 }.map(fractionDigits).max() ?? 0
        return zip(values, texts).map { v, t in t.map { padFraction($0, to: frac, with: " ") } ?? special(v) ?? "" }
    }

    /// Mantissa and exponent (`"2.5"`, -1) of the shortest digits that read back as `v`
    /// (in the tensor's dtype, so a float32 0.1 is `1.e-01`, not the double's
    /// `1.00000001e-01`), rounded to `precision` fractional digits when longer, as NumPy.
    private func scientificParts(_ v: Double, dtype: DType) -> (String, Int) {
        if let shortest = ShortestDigits(TensorFormatter.shortestText(v, dtype)), shortest.digits.count - 1 <= precision {
            let d = shortest.digits
            return ((v < 0 ? "-" : "") + String(d.first ?? "0") + "." + String(d.dropFirst()), shortest.exponent)
        }
        let pieces = String(format: "%.\(precision)e", v).split(separator: "e")
        var mantissa = String(pieces[0])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        return (mantissa, pieces.count > 1 ? Int(pieces[1]) ?? 0 : 0)
    }

    /// The shortest text that reads back as `v` (in the tensor's dtype), rounded to at most
    /// `precision` fractional digits, written `1.` for whole numbers.
    private func positional(_ v: Double, dtype: DType) -> String {
        var s = TensorFormatter.shortestText(v, dtype)
        if s.contains("e") || fractionDigits(s) > precision {
            s = String(format: "%.\(precision)f", v)
        }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
        } else {
            s += "."
        }
        if s == "-0." && v == 0 { return "-0." }
        return s
    }

    private func fractionDigits(_ s: String) -> Int {
        guard let dot = s.firstIndex(of: ".") else { return 0 }
        return s.distance(from: dot, to: s.endIndex) - 1
    }

    private func padFraction(_ s: String, to digits: Int, with pad: Character) -> String {
        let have = fractionDigits(s)
        return s + String(repeating: pad, count: Swift.max(0, digits - have))
    }

    /// Swift's description of the shortest decimal that reads back as `v` in `dtype` (`0.1`
    /// for float32's and float16's nearest values to 0.1, as NumPy prints them).
    public static func shortestText(_ v: Double, _ dtype: DType) -> String {
        switch dtype {
        case .float32: return "\(Float(v))"
        case .float16, .bfloat16:
            guard v.isFinite else { return "\(v)" }
            let same: (Double) -> Bool = dtype == .float16
                ? { Float16Bits(fromDouble: $0).float == Float(v) } : { BFloat16Bits(fromDouble: $0).float == Float(v) }
            for digits in 1...9 {
                if let d = Double(String(format: "%.\(digits)g", v)), same(d) { return "\(d)" }
            }
            return "\(v)"
        case .float64, .int64, .int32, .uint8, .bool: return "\(v)"
        }
    }
}
