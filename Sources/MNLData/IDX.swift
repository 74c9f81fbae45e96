import TensorKit

/// The IDX format of the MNIST files (LeCun): a 4-byte magic `00 00 <type> <ndim>`, `ndim`
/// big-endian UInt32 dimensions, then the elements in row-major order, big-endian.
/// Files may be gzip-compressed (detected by content, whatever the name).
public enum IDX {
    /// Reads an IDX file (plain or gzip). uint8 (0x08) stays uint8; int8/int16/int32
    /// (0x09, 0x0B, 0x0C) become int64; float32 (0x0D) stays float32; float64 (0x0E) stays float64.
    public static func read(_ path: String) throws(DataError) -> Tensor {
        let raw = try FileIO.read(path)
        return try withBytes(raw) { (bytes) throws(DataError) -> Tensor in try decode(bytes, path: path) }
    }

    /// Decodes a whole file already in memory, plain or gzip (what `read` does after reading
    /// it); `path` only names the file in errors.
    public static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws(DataError) -> Tensor {
        if Gzip.isGzip(bytes) { return try readGzip(bytes, path: path) }
        return try parse(bytes, path: path)
    }

    /// Parses IDX bytes already in memory; `path` only names the file in errors.
    public static func parse(_ b: UnsafeRawBufferPointer, path: String) throws(DataError) -> Tensor {
        let h = try Header(b, path: path)
        let (total, o) = h.dataBytes.addingReportingOverflow(h.size)
        guard !o, total == b.count else {
            throw .sizeMismatch(path: path, format: "IDX", expectedBytes: h.dataBytes, foundBytes: b.count - h.size)
        }
        let t = try makeTensor(h.shape, h.dtype, path: path)
        if let src = b.baseAddress { fill(t, code: h.code, from: src + h.size, count: h.count) }
        return t
    }

    /// Streams a gzip IDX file: the header first, then the payload straight into the tensor's
    /// storage (uint8) or a staging buffer (other types), then checks that nothing is left over.
    static func readGzip(_ bytes: UnsafeRawBufferPointer, path: String) throws(DataError) -> Tensor {
        let z = try GzipReader(bytes, path: path)
        var head = [UInt8](repeating: 0, count: 4 + 4 * 255)
        let got4 = try withMutableBytes(&head) { (b) throws(DataError) -> Int in
            guard let p = b.baseAddress else { return 0 }
            return try z.read(into: p, count: 4)
        }
        let ndim = Int(head[3])
        let rest = try withMutableBytes(&head) { (b) throws(DataError) -> Int in
            guard let p = b.baseAddress, got4 == 4 else { return 0 }
            return try z.read(into: p + 4, count: 4 * ndim)
        }
        let h = try withBytes(Array(head.prefix(got4 + rest))) { (b) throws(DataError) in try Header(b, path: path) }
        let t = try makeTensor(h.shape, h.dtype, path: path)
        var n = 0
        if h.code == 0x08 {
            n = try z.read(into: t.storage.bytes, count: h.dataBytes)
        } else {
            let staging = try ByteBuffer(capacity: h.dataBytes)
            n = try z.read(into: staging.base, count: h.dataBytes)
            if n == h.dataBytes { fill(t, code: h.code, from: staging.base, count: h.count) }
        }
        let extra = n == h.dataBytes ? try z.skipToEnd() : 0
        guard n == h.dataBytes, extra == 0 else {
            throw .sizeMismatch(path: path, format: "IDX", expectedBytes: h.dataBytes, foundBytes: n + extra)
        }
        return t
    }

    /// The header: magic, element type and dimensions, with overflow-checked sizes.
    struct Header {
        let code: UInt8
        let shape: [Int]
        let dtype: DType
        let count: Int
        let dataBytes: Int
        /// Header length in bytes (4 + 4 * ndim).
        let size: Int

        init(_ b: UnsafeRawBufferPointer, path: String) throws(DataError) {
            guard b.count >= 4, b[0] == 0, b[1] == 0 else {
                throw .badMagic(path: path, format: "IDX", expected: "00 00 <type> <ndim>", found: Gzip.hex(b, count: 4))
            }
            code = b[2]
            let ndim = Int(b[3])
            let elemSize: Int
            switch code {
            case 0x08: elemSize = 1; dtype = .uint8
            case 0x09: elemSize = 1; dtype = .int64
            case 0x0B: elemSize = 2; dtype = .int64
            case 0x0C: elemSize = 4; dtype = .int64
            case 0x0D: elemSize = 4; dtype = .float32
            case 0x0E: elemSize = 8; dtype = .float64
            default: throw .unsupportedIDXType(path: path, code: code)
            }
            size = 4 + 4 * ndim
            guard b.count >= size else {
                throw .sizeMismatch(path: path, format: "IDX", expectedBytes: size, foundBytes: b.count)
            }
            var dims: [Int] = []
            var n = 1, overflow = false
            for i in 0..<ndim {
                let o = 4 + 4 * i
                let d = Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3])
                dims.append(d)
                let (m, ov) = n.multipliedReportingOverflow(by: d)
                overflow = overflow || ov
                n = m
            }
            let (bytes, ov2) = n.multipliedReportingOverflow(by: elemSize)
            if overflow || ov2 { throw .tooLarge(path: path, what: "an IDX array of shape \(dims)") }
            shape = dims
            count = n
            dataBytes = bytes
        }
    }

    /// Converts `count` big-endian elements of IDX type `code` at `src` into `t`'s storage.
    static func fill(_ t: Tensor, code: UInt8, from src: UnsafeRawPointer, count: Int) {
        switch code {
        case 0x08:
            t.storage.bytes.copyMemory(from: src, byteCount: count)
        case 0x09:
            let d = t.storage.pointer(Int64.self)
            for i in 0..<count { d[i] = Int64(Int8(bitPattern: src.load(fromByteOffset: i, as: UInt8.self))) }
        case 0x0B:
            let d = t.storage.pointer(Int64.self)
            for i in 0..<count { d[i] = Int64(Int16(bitPattern: UInt16(bigEndian: src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))) }
        case 0x0C:
            let d = t.storage.pointer(Int64.self)
            for i in 0..<count { d[i] = Int64(Int32(bitPattern: UInt32(bigEndian: src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))) }
        case 0x0D:
            let d = t.storage.bytes.assumingMemoryBound(to: UInt32.self)
            for i in 0..<count { d[i] = UInt32(bigEndian: src.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
        default:  // 0x0E
            let d = t.storage.bytes.assumingMemoryBound(to: UInt64.self)
            for i in 0..<count { d[i] = UInt64(bigEndian: src.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
        }
    }

    /// Writes `tensor` as IDX, gzip-compressed when `path` ends in `.gz`. uint8 is written as
    /// 0x08, float32 as 0x0D, float64 as 0x0E, int64 as 0x0C (int32) when every value fits.
    /// The save is atomic.
    public static func write(_ tensor: Tensor, to path: String) throws(DataError) {
        guard tensor.ndim <= 255 else { throw .unsupportedValue(path: path, reason: "IDX holds at most 255 dimensions") }
        guard tensor.shape.allSatisfy({ $0 <= Int(UInt32.max) }) else {
            throw .unsupportedValue(path: path, reason: "IDX dimensions must be below 2^32")
        }
        let code: UInt8, elemSize: Int
        switch tensor.dtype {
        case .uint8: code = 0x08; elemSize = 1
        case .float32: code = 0x0D; elemSize = 4
        case .float64: code = 0x0E; elemSize = 8
        case .int64, .int32: code = 0x0C; elemSize = 4
        case .bool: throw .unsupportedValue(path: path, reason: "IDX has no bool type; convert to uint8 first")
        case .float16, .bfloat16: throw .unsupportedValue(path: path, reason: "IDX has no 2-byte float type; convert to float32 first")
        }
        var bytes = [UInt8](repeating: 0, count: 4 + 4 * tensor.ndim + tensor.count * elemSize)
        bytes[2] = code
        bytes[3] = UInt8(tensor.ndim)
        for (i, d) in tensor.shape.enumerated() {
            let v = UInt32(d)
            for k in 0..<4 { bytes[4 + 4 * i + k] = UInt8(truncatingIfNeeded: v >> (24 - 8 * UInt32(k))) }
        }
        let header = 4 + 4 * tensor.ndim
        let n = tensor.count
        try tensor.withContiguousBytes(path: path) { (src) throws(DataError) in
            try withMutableBytes(&bytes) { (dst) throws(DataError) in
                guard let s = src.baseAddress, let d = dst.baseAddress.map({ $0 + header }) else { return }
                switch code {
                case 0x08: d.copyMemory(from: s, byteCount: n)
                case _ where code == 0x0D || tensor.dtype == .int32:  // 4-byte elements, byte-swapped
                    for i in 0..<n { d.storeBytes(of: s.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).bigEndian, toByteOffset: 4 * i, as: UInt32.self) }
                case 0x0E:
                    for i in 0..<n { d.storeBytes(of: s.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self).bigEndian, toByteOffset: 8 * i, as: UInt64.self) }
                default:
                    for i in 0..<n {
                        let v = s.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)
                        guard let v32 = Int32(exactly: v) else {
                            throw .unsupportedValue(path: path, reason: "value \(v) does not fit IDX's int32")
                        }
                        d.storeBytes(of: UInt32(bitPattern: v32).bigEndian, toByteOffset: 4 * i, as: UInt32.self)
                    }
                }
            }
        }
        try AtomicFile.write(to: path) { (sink) throws(DataError) in
            if path.hasSuffix(".gz") {
                let gz = try withBytes(bytes) { (b) throws(DataError) in try Gzip.compress(b, path: path) }
                try sink.write(gz.bytes)
            } else {
                try sink.write(bytes)
            }
        }
    }
}
