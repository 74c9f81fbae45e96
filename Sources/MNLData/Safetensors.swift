import TensorKit

/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N,
/// N bytes of JSON `{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
/// "__metadata__": {"key": "value"}}`, then the raw little-endian data, offsets relative to it.
public enum Safetensors {
    /// Loads every tensor and the optional `__metadata__` (string → string).
    /// F32, F64, F16, BF16, I64, I32, U8 and BOOL keep their dtype; I16, I8, U16, U32 become int64.
    /// The header is validated as the reference implementation does: offsets inside the data,
    /// sizes matching dtype × shape, tensors packed without gaps or overlaps.
    public static func load(_ path: String) throws(DataError) -> (tensors: TensorDictionary, metadata: [String: String]) {
        let raw = try FileIO.read(path)
        return try withBytes(raw) { (b) throws(DataError) in try decode(b, path: path) }
    }

    /// Saves `tensors` (and `metadata` as `__metadata__`) atomically. Tensors are stored in
    /// name order; the header is padded with spaces to a multiple of 8 bytes.
    public static func save(_ tensors: TensorDictionary, metadata: [String: String] = [:], to path: String) throws(DataError) {
        let bytes = try encode(tensors, metadata: metadata, path: path)
        try AtomicFile.write(to: path) { (sink) throws(DataError) in try sink.write(bytes) }
    }

    static func code(_ d: DType) -> String {
        switch d {
        case .float32: "F32"
        case .float64: "F64"
        case .int64: "I64"
        case .int32: "I32"
        case .float16: "F16"
        case .bfloat16: "BF16"
        case .uint8: "U8"
        case .bool: "BOOL"
        }
    }

    public static func encode(_ tensors: TensorDictionary, metadata: [String: String], path: String) throws(DataError) -> [UInt8] {
        var json = "{"
        var parts: [String] = []
        if !metadata.isEmpty {
            let items = metadata.keys.sorted().map { "\(JSON.quote($0)):\(JSON.quote(metadata[$0] ?? ""))" }
            parts.append("\"__metadata__\":{" + items.joined(separator: ",") + "}")
        }
        let names = tensors.names.sorted()
        var offset = 0
        for name in names {
            guard name != "__metadata__" else { throw .unsupportedValue(path: path, reason: "'__metadata__' is reserved") }
            guard let t = tensors[name] else { continue }
            let n = t.count * t.dtype.size
            parts.append("\(JSON.quote(name)):{\"dtype\":\"\(code(t.dtype))\",\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(offset + n)]}")
            offset += n
        }
        json += parts.joined(separator: ",") + "}"
        var header = Array(json.utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        let n = UInt64(header.count)
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(k)))) }
        out += header
        for name in names {
            guard let t = tensors[name] else { continue }
            try t.withContiguousBytes(path: path) { (b) throws(DataError) in out.append(contentsOf: b) }
        }
        return out
    }

    public static func decode(_ b: UnsafeRawBufferPointer, path: String) throws(DataError) -> (tensors: TensorDictionary, metadata: [String: String]) {
        func bad(_ r: String) -> DataError { .badSafetensorsHeader(path: path, reason: r) }
        guard b.count >= 8 else { throw bad("the file is \(b.count) bytes, shorter than the 8-byte header length") }
        var n: UInt64 = 0
        for k in 0..<8 { n |= UInt64(b[k]) << (8 * UInt64(k)) }
        guard n <= UInt64(b.count - 8) else { throw bad("the header length \(n) exceeds the file size \(b.count)") }
        guard n <= 100_000_000 else { throw bad("the header length \(n) is above the 100 MB limit") }
        let headerEnd = 8 + Int(n)
        let root: JSON
        do {
            var parser = JSON.Parser(UnsafeRawBufferPointer(rebasing: b[8..<headerEnd]))
            root = try parser.parseDocument()
        } catch {
            throw bad("invalid JSON: \(error.reason)")
        }
        guard case .object(let entries) = root else { throw bad("the header is not a JSON object") }
        let dataStart = headerEnd
        let dataSize = b.count - dataStart
        var metadata: [String: String] = [:]
        struct Entry { let name: String; let kind: ElementKind; let shape: [Int]; let begin: Int; let end: Int }
        var list: [Entry] = []
        for (name, value) in entries {
            if name == "__metadata__" {
                guard case .object(let m) = value else { throw bad("__metadata__ is not an object") }
                for (k, v) in m {
                    guard case .string(let s) = v else { throw bad("__metadata__ value for '\(k)' is not a string") }
                    metadata[k] = s
                }
                continue
            }
            guard case .object(let fields) = value,
                  case .string(let dt)? = fields.first(where: { $0.0 == "dtype" })?.1,
                  case .array(let shapeValues)? = fields.first(where: { $0.0 == "shape" })?.1,
                  case .array(let offs)? = fields.first(where: { $0.0 == "data_offsets" })?.1, offs.count == 2,
                  case .int(let begin) = offs[0], case .int(let end) = offs[1]
            else { throw bad("tensor '\(name)' lacks a valid dtype, shape or data_offsets") }
            var shape: [Int] = []
            for s in shapeValues {
                guard case .int(let d) = s, d >= 0 else { throw bad("tensor '\(name)' has a bad shape") }
                shape.append(d)
            }
            let kind: ElementKind
            switch dt {
            case "F32": kind = ElementKind(.float, 4)
            case "F64": kind = ElementKind(.float, 8)
            case "F16": kind = ElementKind(.float, 2)
            case "BF16": kind = ElementKind(.bfloat, 2)
            case "I64": kind = ElementKind(.signed, 8)
            case "I32": kind = ElementKind(.signed, 4)
            case "I16": kind = ElementKind(.signed, 2)
            case "I8": kind = ElementKind(.signed, 1)
            case "U8": kind = ElementKind(.unsigned, 1)
            case "U16": kind = ElementKind(.unsigned, 2)
            case "U32": kind = ElementKind(.unsigned, 4)
            case "BOOL": kind = ElementKind(.bool, 1)
            default: throw bad("tensor '\(name)' has unsupported dtype \(dt) (supported: F32, F64, F16, BF16, I64, I32, I16, I8, U8, U16, U32, BOOL)")
            }
            let (count, o1) = Tensor.checkedCount(shape)
            let (bytes, o2) = count.multipliedReportingOverflow(by: kind.size)
            guard !o1, !o2, begin >= 0, begin <= end, end <= dataSize else {
                throw bad("tensor '\(name)' has data_offsets [\(begin), \(end)] outside the \(dataSize) data bytes")
            }
            guard end - begin == bytes else {
                throw bad("tensor '\(name)' of shape \(shape) and dtype \(dt) needs \(bytes) bytes, data_offsets give \(end - begin)")
            }
            list.append(Entry(name: name, kind: kind, shape: shape, begin: begin, end: end))
        }
        // Packed without gaps or overlaps, covering the whole data section.
        var expect = 0
        for e in list.sorted(by: { ($0.begin, $0.end) < ($1.begin, $1.end) }) {
            guard e.begin == expect else { throw bad("tensor '\(e.name)' starts at \(e.begin), expected \(expect) (gap or overlap)") }
            expect = e.end
        }
        guard expect == dataSize else {
            throw .sizeMismatch(path: path, format: "safetensors", expectedBytes: expect, foundBytes: dataSize)
        }
        var out = TensorDictionary()
        for e in list {
            let t = try makeTensor(e.shape, e.kind.dtype, path: path)
            if let base = b.baseAddress { e.kind.convert(from: base + dataStart + e.begin, count: t.count, into: t.storage.bytes) }
            out[e.name] = t
        }
        return (out, metadata)
    }
}

extension ElementKind {
    init(_ kind: Kind, _ size: Int) {
        self.kind = kind
        self.size = size
        self.bigEndian = false
    }
}

/// A small JSON value and parser (RFC 8259) for safetensors headers, with a nesting limit.
enum JSON: Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String)
    case array([JSON]), object([(String, JSON)])

    static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.double(let x), .double(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    static func quote(_ s: String) -> String {
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    r += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r + "\""
    }

    struct Failure: Error { let reason: String }

    struct Parser {
        let b: UnsafeRawBufferPointer
        var i = 0
        var depth = 0

        init(_ b: UnsafeRawBufferPointer) { self.b = b }

        mutating func parseDocument() throws(Failure) -> JSON {
            let v = try value()
            space()
            guard i == b.count else { throw Failure(reason: "unexpected text at byte \(i)") }
            return v
        }

        mutating func space() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }

        mutating func value() throws(Failure) -> JSON {
            space()
            guard i < b.count else { throw Failure(reason: "the header ends early") }
            switch b[i] {
            case UInt8(ascii: "{"):
                depth += 1
                defer { depth -= 1 }
                guard depth <= 64 else { throw Failure(reason: "nested too deeply") }
                i += 1
                var items: [(String, JSON)] = []
                space()
                if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(items) }
                while true {
                    space()
                    guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Failure(reason: "expected a key at byte \(i)") }
                    let k = try string()
                    space()
                    guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Failure(reason: "expected ':' at byte \(i)") }
                    i += 1
                    items.append((k, try value()))
                    space()
                    guard i < b.count else { throw Failure(reason: "the header ends inside an object") }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard b[i] == UInt8(ascii: "}") else { throw Failure(reason: "expected ',' or '}' at byte \(i)") }
                    i += 1
                    return .object(items)
                }
            case UInt8(ascii: "["):
                depth += 1
                defer { depth -= 1 }
                guard depth <= 64 else { throw Failure(reason: "nested too deeply") }
                i += 1
                var items: [JSON] = []
                space()
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    items.append(try value())
                    space()
                    guard i < b.count else { throw Failure(reason: "the header ends inside an array") }
                    if b[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard b[i] == UInt8(ascii: "]") else { throw Failure(reason: "expected ',' or ']' at byte \(i)") }
                    i += 1
                    return .array(items)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try word("true"); return .bool(true)
            case UInt8(ascii: "f"): try word("false"); return .bool(false)
            case UInt8(ascii: "n"): try word("null"); return .null
            default:
                return try number()
            }
        }

        mutating func word(_ w: String) throws(Failure) {
            for c in w.utf8 {
                guard i < b.count, b[i] == c else { throw Failure(reason: "unexpected text at byte \(i)") }
                i += 1
            }
        }

        mutating func number() throws(Failure) -> JSON {
            let start = i
            if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
            var isInt = true
            while i < b.count {
                let c = b[i]
                if c >= 0x30 && c <= 0x39 { i += 1; continue }
                if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                    isInt = false; i += 1; continue
                }
                break
            }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            if isInt, let v = Int(text) { return .int(v) }
            if isInt, !text.isEmpty, text != "-" { throw Failure(reason: "the integer \(text) is too large") }
            guard let d = Double(text), !text.isEmpty else { throw Failure(reason: "unexpected text at byte \(start)") }
            return .double(d)
        }

        mutating func string() throws(Failure) -> String {
            i += 1  // opening quote
            var out: [UInt8] = []
            while true {
                guard i < b.count else { throw Failure(reason: "an unterminated string") }
                let c = b[i]
                i += 1
                if c == UInt8(ascii: "\"") { break }
                if c != UInt8(ascii: "\\") { out.append(c); continue }
                guard i < b.count else { throw Failure(reason: "an unterminated string") }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard i + 4 <= b.count, let v = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: b[i..<(i + 4)]), as: UTF8.self), radix: 16)
                    else { throw Failure(reason: "a bad \\u escape") }
                    i += 4
                    var scalar = v
                    if (0xD800..<0xDC00).contains(v), i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u"),
                       let lo = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: b[(i + 2)..<(i + 6)]), as: UTF8.self), radix: 16),
                       (0xDC00..<0xE000).contains(lo) {
                        scalar = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                        i += 6
                    }
                    out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(e)  // \" \\ \/
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
