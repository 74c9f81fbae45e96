#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorKit
import MemoryBudget

/// Raw file access: whole-file reads and atomic writes, with every failure mapped to `DataError`.
enum FileIO {
    /// The most one buffer may take: what the memory budget has left.
    static var memoryLimit: Int { MemoryBudget.limit - min(MemoryBudget.inUse, MemoryBudget.limit) }

    /// The process umask, read without changing it (Linux: /proc/self/status), so that
    /// concurrent saves never race on umask(2).
    static let umaskValue: mode_t = {
        if let f = fopen("/proc/self/status", "r") {
            defer { fclose(f) }
            var line = [CChar](repeating: 0, count: 256)
            while fgets(&line, Int32(line.count), f) != nil {
                let s = String(decoding: line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if s.hasPrefix("Umask:"), let v = mode_t(s.dropFirst(6).trimmingSpaces(), radix: 8) { return v }
            }
        }
        let m = umask(0o022)
        umask(m)
        return m
    }()

    static func errnoText(_ e: Int32) -> String {
        guard let s = strerror(e) else { return "errno \(e)" }
        return String(cString: s)
    }

    /// The whole file as bytes.
    static func read(_ path: String) throws(DataError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT || e == ENOTDIR { throw .fileNotFound(path: path) }
            throw .readFailed(path: path, reason: errnoText(e))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .readFailed(path: path, reason: errnoText(errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .readFailed(path: path, reason: "it is a directory") }
        let size = Int(st.st_size)
        guard size >= 0, size <= memoryLimit else { throw .tooLarge(path: path, what: "a \(size)-byte file") }
        var out = [UInt8](repeating: 0, count: size)
        var filled = 0
        var failure: Int32 = 0
        out.withUnsafeMutableBytes { buf in
            guard let base = buf.baseAddress else { return }
            while filled < size {
                let n = Glibc.read(fd, base + filled, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }  // the file shrank while we read it
                filled += n
            }
        }
        if failure != 0 { throw .readFailed(path: path, reason: errnoText(failure)) }
        if filled < size { out.removeSubrange(filled...) }
        return out
    }

    /// True when `path` names an existing regular file.
    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// True when `path` names an existing directory.
    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

/// Sink handed to an atomic writer's body; it appends bytes to the temporary file.
struct FileSink {
    let fd: Int32
    let path: String
    private(set) var written = 0

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(DataError) {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(fd, p, min(left, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: FileIO.errnoText(errno))
            }
            left -= n
            p += n
            written += n
        }
    }

    mutating func write(_ bytes: [UInt8]) throws(DataError) {
        try withBytes(bytes) { (b) throws(DataError) in try write(b) }
    }

    mutating func write(_ s: String) throws(DataError) {
        try write(Array(s.utf8))
    }
}

/// Atomic saving: every writer in MNLData goes through `AtomicFile.write`. The body writes into
/// a temporary file in the target's directory; on success the file is fsynced and renamed over
/// the target, so a crash, an error or Ctrl-C mid-save never leaves a damaged file in place of a
/// good one. On any failure the temporary file is removed.
enum AtomicFile {
    static func write(to path: String, _ body: (inout FileSink) throws(DataError) -> Void) throws(DataError) {
        let dir: String
        let base: String
        if let slash = path.lastIndex(of: "/") {
            dir = slash == path.startIndex ? "/" : String(path[..<slash])
            base = String(path[path.index(after: slash)...])
        } else {
            dir = "."
            base = path
        }
        guard !base.isEmpty else { throw .writeFailed(path: path, reason: "the path names a directory") }
        if FileIO.isDirectory(path) { throw .writeFailed(path: path, reason: "it is a directory") }
        StaleTemporaries.remove(in: dir, target: base)
        var template = Array((dir == "/" ? "/" : dir + "/").utf8CString.dropLast())
        template += Array("\(StaleTemporaries.prefix(of: base))\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { b -> Int32 in
            guard let base = b.baseAddress else { return -1 }
            return mkstemp(base)
        }
        if fd < 0 {
            let e = errno
            throw .writeFailed(path: path, reason: e == ENOENT ? "the directory \(dir) does not exist" : FileIO.errnoText(e))
        }
        let tmpPath = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do throws(DataError) {
            var sink = FileSink(fd: fd, path: path)
            try body(&sink)
            if fsync(fd) != 0 { throw DataError.writeFailed(path: path, reason: FileIO.errnoText(errno)) }
            // mkstemp creates 0600; give the file the usual permissions (0666 minus umask).
            fchmod(fd, 0o666 & ~FileIO.umaskValue)
            closed = true
            if close(fd) != 0 { throw DataError.writeFailed(path: path, reason: FileIO.errnoText(errno)) }
            if rename(tmpPath, path) != 0 { throw DataError.writeFailed(path: path, reason: FileIO.errnoText(errno)) }
        } catch {
            if !closed { close(fd) }
            unlink(tmpPath)
            throw error
        }
        // Make the rename itself durable.
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}

/// A raw pointer that may cross into `DispatchQueue.concurrentPerform` closures; each worker
/// touches a disjoint range. The one place where MNLData shares buffers across threads.
struct SendablePointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
}

extension Tensor {
    /// The contiguous bytes of this tensor (a copy only if it is a non-contiguous view).
    func withContiguousBytes<R>(path: String, _ body: (UnsafeRawBufferPointer) throws(DataError) -> R) throws(DataError) -> R {
        let t: Tensor
        do { t = try contiguous() } catch { throw .tooLarge(path: path, what: "a contiguous copy of a \(shape) tensor") }
        let bytes = UnsafeRawBufferPointer(start: t.storage.bytes + t.offset * t.dtype.size, count: t.count * t.dtype.size)
        return try body(bytes)
    }
}

/// Allocates a tensor for file `path`, turning allocation failures into `DataError.tooLarge`.
func makeTensor(_ shape: [Int], _ dtype: DType, path: String) throws(DataError) -> Tensor {
    let (n, o) = Tensor.checkedCount(shape)
    let (bytes, o2) = n.multipliedReportingOverflow(by: dtype.size)
    if o || o2 || bytes > FileIO.memoryLimit || shape.contains(where: { $0 < 0 }) {
        throw .tooLarge(path: path, what: "a tensor of shape \(shape)")
    }
    do { return try Tensor(zeros: shape, dtype: dtype) } catch {
        throw .tooLarge(path: path, what: "a tensor of shape \(shape)")
    }
}

/// `withUnsafeBytes` for typed-throwing bodies.
func withBytes<R>(_ a: [UInt8], _ body: (UnsafeRawBufferPointer) throws(DataError) -> R) throws(DataError) -> R {
    let r: Result<R, DataError> = a.withUnsafeBytes { b in Result { () throws(DataError) -> R in try body(b) } }
    return try r.get()
}

/// `withUnsafeMutableBytes` for typed-throwing bodies.
func withMutableBytes<R>(_ a: inout [UInt8], _ body: (UnsafeMutableRawBufferPointer) throws(DataError) -> R) throws(DataError) -> R {
    let r: Result<R, DataError> = a.withUnsafeMutableBytes { b in Result { () throws(DataError) -> R in try body(b) } }
    return try r.get()
}


extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s = s.dropLast() }
        return s
    }
}
