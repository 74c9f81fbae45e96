#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written or read.
public struct FileError: Error, Equatable, CustomStringConvertible {
    /// The path involved.
    public let path: String
    /// The system's explanation (`strerror`).
    public let reason: String

    public var description: String { "\(path): \(reason)" }

    static func lastError(_ path: String) -> FileError {
        FileError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// Writes every byte, retrying short writes and EINTR. Returns false on error.
func writeAll(fileDescriptor: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            return write(fileDescriptor, base + offset, raw.count - offset)
        }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return false }
        offset += written
    }
    return true
}

/// Writes files atomically: a temporary file in the same directory, flushed to disk, then
/// renamed over the target. Readers see the old file or the new one, never a half-written
/// one; on any error the old file is untouched and the temporary file is removed.
public enum AtomicFile {
    /// Replaces (or creates) `path` with `contents`.
    public static func write(_ contents: String, to path: String) throws(FileError) {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileError.lastError(path) }
        let written = writeAll(fileDescriptor: fd, Array(contents.utf8)) && fsync(fd) == 0
        let failure = written ? nil : FileError.lastError(path)
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else {
            let failure = FileError.lastError(path)
            unlink(temporary)
            throw failure
        }
    }

    /// `dir/.name.tmp-<pid>-<random>`, next to the target so that rename stays atomic.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Reads a whole file as UTF-8 (invalid bytes are repaired).
    public static func contents(of path: String) throws(FileError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError.lastError(path) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError.lastError(path) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
