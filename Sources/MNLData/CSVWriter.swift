import TensorKit

extension CSV {
    /// Writes `table` as CSV (with its column names as the header row when `header` is true),
    /// atomically. Numbers are written as pandas writes them: integers as integers, floats in
    /// the shortest form that reads back exactly (`1.0`, `0.1`, `1e-05`), NaN as an empty cell.
    public static func write(_ table: Table, to path: String, header: Bool = true) throws(DataError) {
        try write(table.data, to: path, columnNames: header ? table.columnNames : nil)
    }

    /// Writes a 2-D tensor (or a 1-D tensor as one column) as CSV, atomically. With
    /// `columnNames`, they form the header row; without, no header is written (like `np.savetxt`).
    public static func write(_ tensor: Tensor, to path: String, columnNames: [String]? = nil) throws(DataError) {
        let t: Tensor
        switch tensor.ndim {
        case 2: t = tensor
        case 1: t = Tensor(storage: tensor.storage, shape: [tensor.shape[0], 1], strides: [tensor.strides[0], 1], offset: tensor.offset)
        default: throw .unsupportedValue(path: path, reason: "CSV needs a 1-D or 2-D tensor, got shape \(tensor.shape)")
        }
        let rows = t.shape[0], cols = t.shape[1]
        if let names = columnNames, names.count != cols {
            throw .unsupportedValue(path: path, reason: "\(names.count) column names for \(cols) columns")
        }
        try AtomicFile.write(to: path) { (sink) throws(DataError) in
            var buf: [UInt8] = []
            buf.reserveCapacity(1 << 20)
            if let names = columnNames {
                buf += names.map(quoteIfNeeded).joined(separator: ",").utf8
                buf.append(0x0A)
            }
            for r in 0..<rows {
                for c in 0..<cols {
                    if c > 0 { buf.append(0x2C) }
                    let i = t.offset + r * t.strides[0] + c * t.strides[1]
                    switch t.dtype {
                    case .float64: appendDouble(t.storage.pointer(Double.self)[i], &buf)
                    case .float32: appendFloat(t.storage.pointer(Float.self)[i], &buf)
                    case .float16: appendFloat(t.storage.pointer(Float16Bits.self)[i].float, &buf)
                    case .bfloat16: appendFloat(t.storage.pointer(BFloat16Bits.self)[i].float, &buf)
                    case .int64: appendInt(t.storage.pointer(Int64.self)[i], &buf)
                    case .int32: appendInt(Int64(t.storage.pointer(Int32.self)[i]), &buf)
                    case .uint8: appendInt(Int64(t.storage.pointer(UInt8.self)[i]), &buf)
                    case .bool: buf.append(t.storage.pointer(Bool.self)[i] ? 0x31 : 0x30)
                    }
                }
                buf.append(0x0A)
                if buf.count >= 1 << 20 {
                    try sink.write(buf)
                    buf.removeAll(keepingCapacity: true)
                }
            }
            try sink.write(buf)
        }
    }

    static func quoteIfNeeded(_ s: String) -> String {
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            var r = "\""
            for ch in s {
                if ch == "\"" { r += "\"\"" } else { r.append(ch) }
            }
            return r + "\""
        }
        return s
    }

    @inline(__always)
    static func appendInt(_ v: Int64, _ buf: inout [UInt8]) {
        if v == 0 { buf.append(0x30); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var m = v.magnitude
        withUnsafeMutableBytes(of: &digits) { d in
            while m > 0 { d[n] = UInt8(m % 10) + 0x30; m /= 10; n += 1 }
        }
        if v < 0 { buf.append(0x2D) }
        withUnsafeBytes(of: &digits) { d in
            var k = n - 1
            while k >= 0 { buf.append(d[k]); k -= 1 }
        }
    }

    static func appendDouble(_ v: Double, _ buf: inout [UInt8]) {
        if v.isNaN { return }
        if v.isInfinite { buf += (v < 0 ? "-inf" : "inf").utf8; return }
        if v == v.rounded(), abs(v) < 1e15 {
            if v == 0 && v.sign == .minus { buf += "-0.0".utf8; return }
            appendInt(Int64(v), &buf)
            buf += ".0".utf8
            return
        }
        buf += v.description.utf8
    }

    static func appendFloat(_ v: Float, _ buf: inout [UInt8]) {
        if v.isNaN { return }
        if v.isInfinite { buf += (v < 0 ? "-inf" : "inf").utf8; return }
        if v == v.rounded(), abs(v) < 1e7 {
            if v == 0 && v.sign == .minus { buf += "-0.0".utf8; return }
            appendInt(Int64(v), &buf)
            buf += ".0".utf8
            return
        }
        buf += v.description.utf8
    }
}
