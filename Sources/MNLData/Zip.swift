import CZlib
import TensorKit

/// A minimal zip reader and writer, enough for `.npz`: reads stored and deflated members
/// (with zip64 sizes and offsets, as `numpy.savez` writes them), checks every CRC-32, and writes
/// stored members. Every offset and size from the file is bounds-checked before use.
enum Zip {
    struct Member {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    private static func u16(_ b: UnsafeRawBufferPointer, _ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
    private static func u32(_ b: UnsafeRawBufferPointer, _ o: Int) -> Int { u16(b, o) | u16(b, o + 2) << 16 }
    private static func u64(_ b: UnsafeRawBufferPointer, _ o: Int) -> Int? {
        let lo = u32(b, o), hi = u32(b, o + 4)
        return hi >= 0x8000_0000 ? nil : lo | hi << 32
    }

    /// The central directory of the archive held in `b`.
    static func members(_ b: UnsafeRawBufferPointer, path: String) throws(DataError) -> [Member] {
        func bad(_ r: String) -> DataError { .badZip(path: path, reason: r) }
        guard b.count >= 22 else { throw bad(b.isEmpty ? "the file is empty" : "the file is too short to be a zip archive") }
        // End of central directory: signature 50 4b 05 06, searched from the end (comment ≤ 64 KiB).
        var eocd = -1
        var o = b.count - 22
        let lowest = max(0, b.count - 22 - 65535)
        while o >= lowest {
            if b[o] == 0x50, b[o + 1] == 0x4B, b[o + 2] == 5, b[o + 3] == 6 { eocd = o; break }
            o -= 1
        }
        guard eocd >= 0 else {
            if b.count >= 4, b[0] == 0x50, b[1] == 0x4B { throw bad("no end-of-central-directory record; the archive is truncated") }
            throw .badMagic(path: path, format: "zip/.npz", expected: "50 4b 03 04 (PK)", found: Gzip.hex(b, count: 4))
        }
        var entries = u16(b, eocd + 10)
        var cdSize = u32(b, eocd + 12)
        var cdOffset = u32(b, eocd + 16)
        if entries == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            // zip64: the locator sits just before the EOCD record.
            let loc = eocd - 20
            guard loc >= 0, u32(b, loc) == 0x0706_4B50, let rec = u64(b, loc + 8), rec >= 0, rec <= b.count - 56,
                  u32(b, rec) == 0x0606_4B50, let n = u64(b, rec + 32), let s = u64(b, rec + 40), let off = u64(b, rec + 48)
            else { throw bad("a damaged zip64 end-of-central-directory record") }
            entries = n; cdSize = s; cdOffset = off
        }
        guard cdOffset <= b.count, cdSize <= b.count - cdOffset else { throw bad("the central directory lies outside the file") }
        var result: [Member] = []
        var p = cdOffset
        let end = cdOffset + cdSize
        for _ in 0..<min(entries, 1 << 20) {
            guard p <= end - 46, u32(b, p) == 0x0201_4B50 else { throw bad("a damaged central directory entry at byte \(p)") }
            let flags = UInt16(u16(b, p + 8)), method = UInt16(u16(b, p + 10))
            let crc = UInt32(u32(b, p + 16))
            var csize = u32(b, p + 20), size = u32(b, p + 24)
            let nameLen = u16(b, p + 28), extraLen = u16(b, p + 30), commentLen = u16(b, p + 32)
            var local = u32(b, p + 42)
            let nameStart = p + 46
            guard nameStart + nameLen + extraLen + commentLen <= end else { throw bad("a central directory entry runs past its end") }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: b[nameStart..<(nameStart + nameLen)]), as: UTF8.self)
            // zip64 extra field (id 1): the 64-bit values for fields that hold 0xFFFFFFFF.
            var e = nameStart + nameLen
            let extraEnd = e + extraLen
            while e + 4 <= extraEnd {
                let id = u16(b, e), len = u16(b, e + 2)
                guard e + 4 + len <= extraEnd else { break }
                if id == 1 {
                    var f = e + 4
                    func next() throws(DataError) -> Int {
                        guard f + 8 <= e + 4 + len, let v = u64(b, f) else { throw bad("a damaged zip64 extra field for '\(name)'") }
                        f += 8
                        return v
                    }
                    if size == 0xFFFF_FFFF { size = try next() }
                    if csize == 0xFFFF_FFFF { csize = try next() }
                    if local == 0xFFFF_FFFF { local = try next() }
                }
                e += 4 + len
            }
            result.append(Member(name: name, method: method, flags: flags, crc: crc, compressedSize: csize,
                                 size: size, localHeaderOffset: local))
            p = extraEnd + commentLen
        }
        return result
    }

    /// The uncompressed bytes of `m`, CRC-checked.
    static func extract(_ m: Member, from b: UnsafeRawBufferPointer, path: String) throws(DataError) -> ByteBuffer {
        func bad(_ r: String) -> DataError { .badZip(path: path, reason: "member '\(m.name)': \(r)") }
        if m.flags & 1 != 0 { throw bad("encrypted members are not supported") }
        let h = m.localHeaderOffset
        guard h >= 0, h <= b.count - 30, u32(b, h) == 0x0403_4B50 else { throw bad("no local header at byte \(h)") }
        let start = h + 30 + u16(b, h + 26) + u16(b, h + 28)
        guard start <= b.count, m.compressedSize <= b.count - start else {
            throw bad("the data runs past the end of the file (truncated archive)")
        }
        guard m.size <= FileIO.memoryLimit else { throw .tooLarge(path: path, what: "member '\(m.name)' of \(m.size) bytes") }
        let data = UnsafeRawBufferPointer(rebasing: b[start..<(start + m.compressedSize)])
        let out: ByteBuffer
        switch m.method {
        case 0:
            guard m.compressedSize == m.size else { throw bad("stored sizes disagree") }
            out = try ByteBuffer(capacity: m.size)
            if let s = data.baseAddress { out.base.update(from: s.assumingMemoryBound(to: UInt8.self), count: m.size) }
            out.setCount(m.size)
        case 8:
            do { out = try Gzip.inflateRaw(data, expectedSize: m.size, path: path) } catch {
                throw bad(error.message)
            }
            guard out.count == m.size else { throw bad("inflated to \(out.count) bytes, the directory says \(m.size)") }
        default:
            throw bad("compression method \(m.method) is not supported (only stored and deflate)")
        }
        guard crc(out.bytes) == m.crc else { throw bad("CRC-32 mismatch; the data is corrupt") }
        return out
    }

    static func crc(_ b: UnsafeRawBufferPointer) -> UInt32 {
        var c: uLong = crc32(0, nil, 0)
        var off = 0
        while off < b.count, let base = b.baseAddress {
            let n = min(b.count - off, Int(UInt32.max))
            c = crc32(c, (base + off).assumingMemoryBound(to: UInt8.self), uInt(n))
            off += n
        }
        return UInt32(truncatingIfNeeded: c)
    }

    /// Writes a zip of stored members (like `numpy.savez`) into `sink`.
    static func writeStored(_ members: [(name: String, data: [UInt8])], to sink: inout FileSink, path: String) throws(DataError) {
        guard members.count < 0xFFFF else { throw .unsupportedValue(path: path, reason: "more than 65534 arrays in one archive") }
        func le16(_ v: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8)] }
        func le32(_ v: Int) -> [UInt8] { le16(v) + le16(v >> 16) }
        var central: [UInt8] = []
        var offset = 0
        for (name, data) in members {
            let nameBytes = Array(name.utf8)
            guard data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF, nameBytes.count < 0xFFFF else {
                throw .unsupportedValue(path: path, reason: "'\(name)' is too large for a zip without zip64 (4 GiB)")
            }
            let c = Int(data.withUnsafeBytes { crc($0) })
            // version 20, flags 0 (bit 11 = UTF-8 names), stored, DOS time 0:00 1980-01-01
            let common = le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21) + le32(c) + le32(data.count) + le32(data.count)
                + le16(nameBytes.count) + le16(0)
            let local = le32(0x0403_4B50) + common + nameBytes
            central += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
            try sink.write(local)
            try sink.write(data)
            offset += local.count + data.count
        }
        guard offset < 0xFFFF_FFFF else { throw .unsupportedValue(path: path, reason: "the archive would exceed 4 GiB (zip64 writing is not supported)") }
        let eocd = le32(0x0605_4B50) + le16(0) + le16(0) + le16(members.count) + le16(members.count)
            + le32(central.count) + le32(offset) + le16(0)
        try sink.write(central)
        try sink.write(eocd)
    }
}

/// Tensors by name, in a fixed order (file order when loaded, insertion order when built):
/// what `.npz` and safetensors files hold.
public struct TensorDictionary: Sendable {
    public private(set) var names: [String] = []
    private var byName: [String: Tensor] = [:]

    public init() {}

    /// Builds a dictionary from pairs; a repeated name keeps its first position and last value.
    public init(_ pairs: [(String, Tensor)]) {
        for (n, t) in pairs { self[n] = t }
    }

    public var count: Int { names.count }

    public subscript(name: String) -> Tensor? {
        get { byName[name] }
        set {
            if let v = newValue {
                if byName.updateValue(v, forKey: name) == nil { names.append(name) }
            } else if byName.removeValue(forKey: name) != nil {
                names.removeAll { $0 == name }
            }
        }
    }

    /// The pairs in order.
    public var pairs: [(name: String, tensor: Tensor)] { names.compactMap { n in byName[n].map { (n, $0) } } }
}

/// NumPy's `.npz`: a zip archive of `.npy` members named `<key>.npy`.
public enum NPZ {
    /// Loads every `.npy` member (stored as by `numpy.savez` or deflated as by
    /// `numpy.savez_compressed`), keyed by its name without `.npy`, in archive order.
    /// Members that are not `.npy` files are skipped.
    public static func load(_ path: String) throws(DataError) -> TensorDictionary {
        let raw = try FileIO.read(path)
        return try withBytes(raw) { (b) throws(DataError) in try decode(b, path: path) }
    }

    /// Decodes an archive already in memory; `path` only names the file in errors.
    public static func decode(_ b: UnsafeRawBufferPointer, path: String) throws(DataError) -> TensorDictionary {
        var out = TensorDictionary()
        for m in try Zip.members(b, path: path) where m.name.hasSuffix(".npy") {
            let data = try Zip.extract(m, from: b, path: path)
            let key = String(m.name.dropLast(4))
            out[key] = try NPY.decode(data.bytes, path: path + "[" + key + "]")
        }
        return out
    }

    /// Saves the arrays as an uncompressed `.npz` (like `numpy.savez`), atomically.
    public static func save(_ arrays: TensorDictionary, to path: String) throws(DataError) {
        var members: [(name: String, data: [UInt8])] = []
        for (name, t) in arrays.pairs {
            guard !name.isEmpty else { throw .unsupportedValue(path: path, reason: "an array name is empty") }
            members.append((name + ".npy", try NPY.encode(t, path: path)))
        }
        try AtomicFile.write(to: path) { (sink) throws(DataError) in
            try Zip.writeStored(members, to: &sink, path: path)
        }
    }
}
