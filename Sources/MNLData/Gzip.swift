#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// A growable, malloc'd byte buffer: what decompression produces. Freed when released.
public final class ByteBuffer: @unchecked Sendable {
    public private(set) var base: UnsafeMutablePointer<UInt8>
    public private(set) var count: Int
    private(set) var capacity: Int

    init(capacity: Int) throws(DataError) {
        guard let p = malloc(max(capacity, 1)) else { throw .tooLarge(path: "", what: "\(capacity) bytes") }
        base = p.assumingMemoryBound(to: UInt8.self)
        self.capacity = max(capacity, 1)
        count = 0
    }

    deinit { free(base) }

    /// Grows the capacity to at least `needed` bytes (doubling), keeping the contents.
    func reserve(_ needed: Int, path: String) throws(DataError) {
        if needed <= capacity { return }
        var newCap = capacity
        while newCap < needed {
            let (d, o) = newCap.multipliedReportingOverflow(by: 2)
            newCap = o ? Int.max : d
        }
        newCap = min(newCap, max(FileIO.memoryLimit, needed))
        guard needed <= FileIO.memoryLimit, let p = realloc(base, newCap) else {
            throw .tooLarge(path: path, what: "decompressing more than \(capacity) bytes")
        }
        base = p.assumingMemoryBound(to: UInt8.self)
        capacity = newCap
    }

    func setCount(_ n: Int) { count = n }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// gzip and raw-deflate streams through zlib.
public enum Gzip {
    /// True when `bytes` start with the gzip magic 1f 8b.
    public static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Inflates a whole gzip file (one or more members) held in memory. `path` only names the
    /// file in errors. Detects truncated and corrupt streams.
    public static func decompress(_ input: UnsafeRawBufferPointer, path: String) throws(DataError) -> ByteBuffer {
        guard isGzip(input) else {
            throw .badMagic(path: path, format: "gzip", expected: "1f 8b", found: hex(input, count: 2))
        }
        // The trailer's ISIZE (size mod 2^32) is a good first guess for the output size.
        var hint = input.count * 4
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            if isize > 0, isize / 1100 <= input.count { hint = isize + 1 }
        }
        return try inflateAll(input, windowBits: 15 + 16, sizeHint: min(hint, 1 << 32), multiMember: true, path: path)
    }

    /// Inflates a raw deflate stream (a zip member); `expectedSize` from the zip directory.
    static func inflateRaw(_ input: UnsafeRawBufferPointer, expectedSize: Int, path: String) throws(DataError) -> ByteBuffer {
        try inflateAll(input, windowBits: -15, sizeHint: expectedSize + 1, multiMember: false, path: path)
    }

    static func hex(_ b: UnsafeRawBufferPointer, count: Int) -> String {
        if b.isEmpty { return "an empty file" }
        return b.prefix(count).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined(separator: " ")
    }

    private static func inflateAll(_ input: UnsafeRawBufferPointer, windowBits: Int32, sizeHint: Int,
                                   multiMember: Bool, path: String) throws(DataError) -> ByteBuffer {
        let out = try ByteBuffer(capacity: min(max(sizeHint, 1024), FileIO.memoryLimit))
        guard let inBase = input.baseAddress, input.count > 0 else {
            throw .truncatedCompressed(path: path, decompressedBytes: 0)
        }
        var strm = z_stream()
        guard inflateInit2_(&strm, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .tooLarge(path: path, what: "a zlib stream")
        }
        defer { inflateEnd(&strm) }
        var consumed = 0       // input bytes handed to zlib so far
        var produced = 0
        let inPtr = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: UInt8.self))
        while true {
            if strm.avail_in == 0 && consumed < input.count {
                let n = min(input.count - consumed, Int(UInt32.max))
                strm.next_in = inPtr + consumed
                strm.avail_in = UInt32(n)
                consumed += n
            }
            if produced == out.capacity {
                try out.reserve(produced + 1, path: path)
            }
            let room = min(out.capacity - produced, Int(UInt32.max))
            strm.next_out = out.base + produced
            strm.avail_out = UInt32(room)
            let ret = inflate(&strm, Z_NO_FLUSH)
            produced += room - Int(strm.avail_out)
            let position = consumed - Int(strm.avail_in)   // absolute input offset
            switch ret {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let rest = input.count - position
                if multiMember && rest > 0 {
                    let tail = UnsafeRawBufferPointer(rebasing: input[position...])
                    if tail.allSatisfy({ $0 == 0 }) { break }  // zero padding after the last member, as gzip(1) allows
                    guard isGzip(tail) else {
                        throw .corruptCompressed(path: path, offset: position, reason: "trailing bytes after the gzip stream")
                    }
                    inflateReset(&strm)
                    continue
                }
                out.setCount(produced)
                return out
            case Z_BUF_ERROR:
                if strm.avail_in == 0 && consumed >= input.count {
                    throw .truncatedCompressed(path: path, decompressedBytes: produced)
                }
                continue  // output full: grow on the next turn
            case Z_MEM_ERROR:
                throw .tooLarge(path: path, what: "zlib's working memory")
            default:
                let reason = strm.msg.map { String(cString: $0) } ?? "zlib error \(ret)"
                throw .corruptCompressed(path: path, offset: position, reason: reason)
            }
            // reached only by `break` out of the switch: trailing zero padding
            out.setCount(produced)
            return out
        }
    }

    /// Compresses `data` as one gzip member (mtime 0, no name), for writing `.gz` files.
    public static func compress(_ data: UnsafeRawBufferPointer, level: Int32 = 6, path: String) throws(DataError) -> ByteBuffer {
        var strm = z_stream()
        guard deflateInit2_(&strm, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .writeFailed(path: path, reason: "zlib could not start compressing")
        }
        defer { deflateEnd(&strm) }
        let bound = Int(deflateBound(&strm, uLong(min(data.count, Int(UInt32.max)))))
        let out = try ByteBuffer(capacity: max(bound, 64))
        var fed = 0
        var produced = 0
        while true {
            if strm.avail_in == 0 && fed < data.count, let base = data.baseAddress {
                let n = min(data.count - fed, Int(UInt32.max))
                strm.next_in = UnsafeMutablePointer(mutating: (base + fed).assumingMemoryBound(to: UInt8.self))
                strm.avail_in = UInt32(n)
                fed += n
            }
            if produced == out.capacity { try out.reserve(produced + 1, path: path) }
            let room = min(out.capacity - produced, Int(UInt32.max))
            strm.next_out = out.base + produced
            strm.avail_out = UInt32(room)
            let flush = (fed >= data.count && strm.avail_in == 0) ? Z_FINISH : Z_NO_FLUSH
            let ret = deflate(&strm, flush)
            produced += room - Int(strm.avail_out)
            if ret == Z_STREAM_END { break }
            if ret != Z_OK && ret != Z_BUF_ERROR {
                throw .writeFailed(path: path, reason: "zlib error \(ret) while compressing")
            }
        }
        out.setCount(produced)
        return out
    }
}

/// Streams the decompressed bytes of an in-memory gzip file (one or more members), so a reader
/// can inflate straight into its destination.
final class GzipReader {
    private let input: UnsafeRawBufferPointer
    private let path: String
    private let strm: UnsafeMutablePointer<z_stream>
    private var consumed = 0
    private var finished = false
    private var produced = 0

    init(_ input: UnsafeRawBufferPointer, path: String) throws(DataError) {
        guard Gzip.isGzip(input) else {
            throw .badMagic(path: path, format: "gzip", expected: "1f 8b", found: Gzip.hex(input, count: 2))
        }
        self.input = input
        self.path = path
        strm = .allocate(capacity: 1)
        strm.initialize(to: z_stream())
        guard inflateInit2_(strm, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            strm.deallocate()
            throw .tooLarge(path: path, what: "a zlib stream")
        }
    }

    deinit {
        inflateEnd(strm)
        strm.deallocate()
    }

    /// Inflates up to `count` bytes into `dst`; fewer only when the gzip data ends. Throws on
    /// truncated or corrupt data.
    func read(into dst: UnsafeMutableRawPointer, count: Int) throws(DataError) -> Int {
        var filled = 0
        guard let inBase = input.baseAddress else { throw .truncatedCompressed(path: path, decompressedBytes: 0) }
        let inPtr = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: UInt8.self))
        while filled < count && !finished {
            if strm.pointee.avail_in == 0 && consumed < input.count {
                let n = min(input.count - consumed, Int(UInt32.max))
                strm.pointee.next_in = inPtr + consumed
                strm.pointee.avail_in = UInt32(n)
                consumed += n
            }
            let room = min(count - filled, Int(UInt32.max))
            strm.pointee.next_out = (dst + filled).assumingMemoryBound(to: UInt8.self)
            strm.pointee.avail_out = UInt32(room)
            let ret = inflate(strm, Z_NO_FLUSH)
            let got = room - Int(strm.pointee.avail_out)
            filled += got
            produced += got
            let position = consumed - Int(strm.pointee.avail_in)
            switch ret {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let rest = input.count - position
                if rest > 0 {
                    let tail = UnsafeRawBufferPointer(rebasing: input[position...])
                    if tail.allSatisfy({ $0 == 0 }) { finished = true; break }
                    guard Gzip.isGzip(tail) else {
                        throw .corruptCompressed(path: path, offset: position, reason: "trailing bytes after the gzip stream")
                    }
                    inflateReset(strm)
                    continue
                }
                finished = true
            case Z_BUF_ERROR:
                if strm.pointee.avail_in == 0 && consumed >= input.count {
                    throw .truncatedCompressed(path: path, decompressedBytes: produced)
                }
                continue
            case Z_MEM_ERROR:
                throw .tooLarge(path: path, what: "zlib's working memory")
            default:
                let reason = strm.pointee.msg.map { String(cString: $0) } ?? "zlib error \(ret)"
                throw .corruptCompressed(path: path, offset: position, reason: reason)
            }
        }
        return filled
    }

    /// Inflates and discards the rest of the data; returns how many bytes there were.
    func skipToEnd() throws(DataError) -> Int {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let n = try withMutableBytes(&scratch) { (b) throws(DataError) -> Int in
                guard let p = b.baseAddress else { return 0 }
                return try read(into: p, count: b.count)
            }
            total += n
            if n < scratch.count { return total }
        }
    }
}
