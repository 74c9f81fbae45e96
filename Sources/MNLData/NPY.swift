import TensorKit

/// NumPy's `.npy` format (numpy/lib/format.py): magic `\x93NUMPY`, version, a header length,
/// a Python-literal dict `{'descr': ..., 'fortran_order': ..., 'shape': (...), }` padded so the
/// data starts on a 64-byte boundary, then the raw elements.
public enum NPY {
    /// Loads a `.npy` file: versions 1.0, 2.0 and 3.0; C or Fortran order; little or big endian;
    /// dtypes f4, f8, f2, i8, i4 (kept), i2, i1, u2, u4 (→ int64), u1 (uint8), b1 (bool).
    public static func load(_ path: String) throws(DataError) -> Tensor {
        let raw = try FileIO.read(path)
        return try withBytes(raw) { (b) throws(DataError) in try decode(b, path: path) }
    }

    /// Saves `tensor` as `.npy` exactly as `numpy.save` does (version 1.0 header, C order,
    /// little endian), atomically.
    public static func save(_ tensor: Tensor, to path: String) throws(DataError) {
        let bytes = try encode(tensor, path: path)
        try AtomicFile.write(to: path) { (sink) throws(DataError) in try sink.write(bytes) }
    }

    /// The NumPy descr for a dtype, as `numpy.save` writes it.
    public static func descr(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "<f4"
        case .float64: "<f8"
        case .int64: "<i8"
        case .int32: "<i4"
        case .uint8: "|u1"
        case .float16: "<f2"
        case .bfloat16: "<V2"  // ml_dtypes' raw spelling; `encode` refuses bfloat16 before this
        case .bool: "|b1"
        }
    }

    /// The header NumPy writes for this dtype and shape (magic through the final newline).
    public static func header(dtype: DType, shape: [Int]) -> [UInt8] {
        let shapeRepr: String
        switch shape.count {
        case 0: shapeRepr = "()"
        case 1: shapeRepr = "(\(shape[0]),)"
        default: shapeRepr = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        var dict = "{'descr': '\(descr(dtype))', 'fortran_order': False, 'shape': \(shapeRepr), }"
        if let first = shape.first {
            // numpy leaves room to grow the first axis in place (GROWTH_AXIS_MAX_DIGITS = 21)
            dict += String(repeating: " ", count: max(0, 21 - String(first).count))
        }
        var h = Array(dict.utf8)
        var prefix: [UInt8] = [0x93] + Array("NUMPY".utf8)
        var hlen = h.count + 1
        if 8 + 2 + hlen + 64 <= 65535 + 10 {
            let pad = 64 - ((8 + 2 + hlen) % 64)
            hlen += pad
            prefix += [1, 0, UInt8(hlen & 0xFF), UInt8(hlen >> 8)]
            h += [UInt8](repeating: 0x20, count: pad)
        } else {
            let pad = 64 - ((8 + 4 + hlen) % 64)
            hlen += pad
            prefix += [2, 0] + (0..<4).map { UInt8(truncatingIfNeeded: hlen >> (8 * $0)) }
            h += [UInt8](repeating: 0x20, count: pad)
        }
        return prefix + h + [0x0A]
    }

    /// The bytes of a `.npy` file holding `tensor`.
    public static func encode(_ tensor: Tensor, path: String) throws(DataError) -> [UInt8] {
        guard tensor.dtype != .bfloat16 else {
            throw .unsupportedValue(path: path, reason: "NumPy has no bfloat16; save .astype(\"f32\") or use safetensors")
        }
        var out = header(dtype: tensor.dtype, shape: tensor.shape)
        try tensor.withContiguousBytes(path: path) { (b) throws(DataError) in
            out.append(contentsOf: b)
        }
        return out
    }

    /// Decodes `.npy` bytes already in memory; `path` only names the file (or member) in errors.
    public static func decode(_ b: UnsafeRawBufferPointer, path: String) throws(DataError) -> Tensor {
        let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
        guard b.count >= 10, Array(b.prefix(6)) == magic else {
            throw .badMagic(path: path, format: ".npy", expected: "93 4e 55 4d 50 59 (\\x93NUMPY)", found: Gzip.hex(b, count: 6))
        }
        let major = b[6]
        let headerStart: Int, headerLen: Int
        switch major {
        case 1:
            headerStart = 10
            headerLen = Int(b[8]) | Int(b[9]) << 8
        case 2, 3:
            guard b.count >= 12 else { throw .badNPYHeader(path: path, reason: "the file ends inside the header length") }
            headerStart = 12
            headerLen = Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24
        default:
            throw .badNPYHeader(path: path, reason: "unknown format version \(major).\(b[7])")
        }
        guard headerLen <= b.count - headerStart else {
            throw .badNPYHeader(path: path, reason: "the header is \(headerLen) bytes but the file ends after \(b.count - headerStart)")
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: b[headerStart..<(headerStart + headerLen)])
        let text: String
        if major == 3 {
            guard let s = String(validating: headerBytes, as: UTF8.self) else {
                throw .badNPYHeader(path: path, reason: "the header is not UTF-8")
            }
            text = s
        } else {
            text = String(headerBytes.map { Character(Unicode.Scalar($0)) })  // latin-1
        }
        let dict: [(String, PyLiteral)]
        do {
            var parser = PyLiteralParser(text)
            guard case .dict(let d) = try parser.parseTop() else {
                throw PyLiteralParser.Failure(reason: "the header is not a dict")
            }
            dict = d
        } catch let e as PyLiteralParser.Failure {
            throw .badNPYHeader(path: path, reason: e.reason)
        } catch {
            throw .badNPYHeader(path: path, reason: "\(error)")
        }
        func value(_ key: String) throws(DataError) -> PyLiteral {
            guard let v = dict.first(where: { $0.0 == key })?.1 else {
                throw .badNPYHeader(path: path, reason: "the header has no '\(key)'")
            }
            return v
        }
        guard case .str(let descr) = try value("descr") else {
            if case .list = try value("descr") { throw .unsupportedNPYDType(path: path, descr: "structured (record) dtype") }
            throw .badNPYHeader(path: path, reason: "'descr' is not a string")
        }
        guard case .bool(let fortran) = try value("fortran_order") else {
            throw .badNPYHeader(path: path, reason: "'fortran_order' is not True or False")
        }
        guard case .tuple(let dims) = try value("shape") else {
            throw .badNPYHeader(path: path, reason: "'shape' is not a tuple")
        }
        var shape: [Int] = []
        for d in dims {
            guard case .int(let n) = d, n >= 0 else { throw .badNPYHeader(path: path, reason: "'shape' holds a negative or non-integer dimension") }
            shape.append(n)
        }
        let kind = try ElementKind(descr: descr, path: path)
        let (count, o1) = Tensor.checkedCount(shape)
        let (need, o2) = count.multipliedReportingOverflow(by: kind.size)
        if o1 || o2 || need > FileIO.memoryLimit { throw .tooLarge(path: path, what: "an array of shape \(shape)") }
        let dataStart = headerStart + headerLen
        let have = b.count - dataStart
        guard have >= need else {
            throw .sizeMismatch(path: path, format: ".npy", expectedBytes: need, foundBytes: have)
        }
        let flat = try makeTensor([count], kind.dtype, path: path)
        if let src = b.baseAddress { kind.convert(from: src + dataStart, count: count, into: flat.storage.bytes) }
        if fortran && shape.count > 1 {
            var strides = [Int](repeating: 1, count: shape.count)
            // Wrapping, as Tensor.contiguousStrides: only an empty array can overflow, and its
            // strides address nothing.
            for i in 1..<shape.count { strides[i] = strides[i - 1] &* max(shape[i - 1], 1) }
            do {
                return try Tensor(storage: flat.storage, shape: shape, strides: strides).contiguous()
            } catch {
                throw .tooLarge(path: path, what: "an array of shape \(shape)")
            }
        }
        return Tensor(storage: flat.storage, shape: shape, strides: Tensor.contiguousStrides(shape))
    }
}

/// How one `.npy` element is stored and what it becomes.
struct ElementKind {
    /// `bfloat` is safetensors' BF16 (NumPy has no such dtype).
    enum Kind { case float, bfloat, signed, unsigned, bool }
    let kind: Kind
    let size: Int
    let bigEndian: Bool

    init(descr: String, path: String) throws(DataError) {
        let chars = Array(descr.utf8)
        guard chars.count >= 3, let order = chars.first else { throw .unsupportedNPYDType(path: path, descr: descr) }
        let code = String(decoding: chars.dropFirst(), as: UTF8.self)
        switch order {
        case UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: "|"): bigEndian = false
        case UInt8(ascii: ">"): bigEndian = true
        default: throw .unsupportedNPYDType(path: path, descr: descr)
        }
        switch code {
        case "f4": kind = .float; size = 4
        case "f8": kind = .float; size = 8
        case "f2": kind = .float; size = 2
        case "i8": kind = .signed; size = 8
        case "i4": kind = .signed; size = 4
        case "i2": kind = .signed; size = 2
        case "i1": kind = .signed; size = 1
        case "u4": kind = .unsigned; size = 4
        case "u2": kind = .unsigned; size = 2
        case "u1": kind = .unsigned; size = 1
        case "b1": kind = .bool; size = 1
        default: throw .unsupportedNPYDType(path: path, descr: descr)
        }
    }

    var dtype: DType {
        switch (kind, size) {
        case (.float, 4): .float32
        case (.float, 2): .float16
        case (.bfloat, _): .bfloat16
        case (.float, _): .float64
        case (.unsigned, 1): .uint8
        case (.signed, 4): .int32
        case (.bool, _): .bool
        default: .int64
        }
    }

    /// Converts `count` stored elements at `src` into `dst` (of `dtype`).
    func convert(from src: UnsafeRawPointer, count: Int, into dst: UnsafeMutableRawPointer) {
        switch (kind, size) {
        case (.bool, _):
            let d = dst.assumingMemoryBound(to: UInt8.self)
            for i in 0..<count { d[i] = src.load(fromByteOffset: i, as: UInt8.self) != 0 ? 1 : 0 }
        case (.unsigned, 1):
            dst.copyMemory(from: src, byteCount: count)
        case (.float, 4), (.signed, 4):
            copy(UInt32.self, src, count, dst)
        case (.float, 2), (.bfloat, _):
            copy(UInt16.self, src, count, dst)
        case (.float, 8), (.signed, 8):
            copy(UInt64.self, src, count, dst)
        case (.signed, 1):
            let d = dst.assumingMemoryBound(to: Int64.self)
            for i in 0..<count { d[i] = Int64(src.load(fromByteOffset: i, as: Int8.self)) }
        case (.signed, 2):
            widen(src, count, dst) { Int64(Int16(bitPattern: $0 as UInt16)) }
        case (.unsigned, 2):
            widen(src, count, dst) { Int64($0 as UInt16) }
        default:  // (.unsigned, 4)
            widen(src, count, dst) { Int64($0 as UInt32) }
        }
    }

    private func copy<U: FixedWidthInteger>(_: U.Type, _ src: UnsafeRawPointer, _ count: Int, _ dst: UnsafeMutableRawPointer) {
        if !bigEndian {
            dst.copyMemory(from: src, byteCount: count * MemoryLayout<U>.size)
            return
        }
        let d = dst.assumingMemoryBound(to: U.self)
        for i in 0..<count { d[i] = U(bigEndian: src.loadUnaligned(fromByteOffset: i * MemoryLayout<U>.size, as: U.self)) }
    }

    private func widen<U: FixedWidthInteger>(_ src: UnsafeRawPointer, _ count: Int, _ dst: UnsafeMutableRawPointer, _ f: (U) -> Int64) {
        let d = dst.assumingMemoryBound(to: Int64.self)
        let big = bigEndian
        for i in 0..<count {
            let raw = src.loadUnaligned(fromByteOffset: i * MemoryLayout<U>.size, as: U.self)
            d[i] = f(big ? U(bigEndian: raw) : U(littleEndian: raw))
        }
    }
}

/// The subset of Python literals that `.npy` headers use.
enum PyLiteral: Equatable {
    case str(String), int(Int), bool(Bool), none
    case tuple([PyLiteral]), list([PyLiteral]), dict([(String, PyLiteral)])

    static func == (a: PyLiteral, b: PyLiteral) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.none, .none): true
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)): x == y
        case (.dict(let x), .dict(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }
}

/// A recursive-descent parser for `PyLiteral`, with a nesting limit so hostile headers cannot
/// exhaust the stack.
struct PyLiteralParser {
    struct Failure: Error { let reason: String }
    let s: [UInt8]
    var i = 0
    var depth = 0

    init(_ text: String) { s = Array(text.utf8) }

    mutating func parseTop() throws -> PyLiteral {
        let v = try parseValue()
        skipSpace()
        guard i == s.count else { throw Failure(reason: "unexpected text after the dict") }
        return v
    }

    mutating func skipSpace() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x0A || s[i] == 0x09 || s[i] == 0x0D { i += 1 }
    }

    mutating func expect(_ c: UInt8) throws {
        skipSpace()
        guard i < s.count, s[i] == c else { throw Failure(reason: "expected '\(Character(Unicode.Scalar(c)))' at character \(i)") }
        i += 1
    }

    mutating func parseValue() throws -> PyLiteral {
        skipSpace()
        guard i < s.count else { throw Failure(reason: "the header ends early") }
        let c = s[i]
        switch c {
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return .str(try parseString())
        case UInt8(ascii: "{"):
            return .dict(try parseSeq(open: c, close: UInt8(ascii: "}")) { p in
                guard case .str(let k) = try p.parseValue() else { throw Failure(reason: "dict keys must be strings") }
                try p.expect(UInt8(ascii: ":"))
                return (k, try p.parseValue())
            })
        case UInt8(ascii: "("):
            return .tuple(try parseSeq(open: c, close: UInt8(ascii: ")")) { p in try p.parseValue() })
        case UInt8(ascii: "["):
            return .list(try parseSeq(open: c, close: UInt8(ascii: "]")) { p in try p.parseValue() })
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            var neg = false
            if c == UInt8(ascii: "-") { neg = true; i += 1 }
            var n = 0
            let start = i
            while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(s[i] - 0x30))
                if o1 || o2 { throw Failure(reason: "an integer too large") }
                n = a
                i += 1
            }
            if i < s.count, s[i] == UInt8(ascii: "L") { i += 1 }  // Python 2 long suffix
            guard i > start else { throw Failure(reason: "a malformed number") }
            return .int(neg ? -n : n)
        default:
            for (word, v) in [("True", PyLiteral.bool(true)), ("False", .bool(false)), ("None", .none)] {
                let w = Array(word.utf8)
                if s.count - i >= w.count, Array(s[i..<(i + w.count)]) == w { i += w.count; return v }
            }
            throw Failure(reason: "unexpected character '\(Character(Unicode.Scalar(c)))' at \(i)")
        }
    }

    mutating func parseString() throws -> String {
        let q = s[i]
        i += 1
        var out: [UInt8] = []
        while i < s.count, s[i] != q {
            if s[i] == UInt8(ascii: "\\"), i + 1 < s.count { i += 1 }
            out.append(s[i])
            i += 1
        }
        guard i < s.count else { throw Failure(reason: "an unterminated string") }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }

    mutating func parseSeq<T>(open: UInt8, close: UInt8, _ item: (inout PyLiteralParser) throws -> T) throws -> [T] {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 32 else { throw Failure(reason: "nested too deeply") }
        i += 1
        var items: [T] = []
        while true {
            skipSpace()
            guard i < s.count else { throw Failure(reason: "the header ends inside a bracket") }
            if s[i] == close { i += 1; return items }
            items.append(try item(&self))
            skipSpace()
            guard i < s.count else { throw Failure(reason: "the header ends inside a bracket") }
            if s[i] == UInt8(ascii: ",") { i += 1; continue }
            guard s[i] == close else { throw Failure(reason: "expected ',' or '\(Character(Unicode.Scalar(close)))' at character \(i)") }
        }
    }
}
