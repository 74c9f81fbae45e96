#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files a killed save left behind. `AtomicFile` names its temporary
/// `.NAME.tmp-PID-XXXXXX` beside the target; a process killed by SIGKILL cannot remove it, so
/// the next save to the same target removes those whose process no longer runs. A temporary
/// of a save still under way in another process is left alone.
enum StaleTemporaries {
    /// Files written before the process id was part of the name (`.NAME.tmp-XXXXXX`) count
    /// as stale once they are this old (seconds).
    static let unnamedAge = 600

    static func prefix(of target: String) -> String { ".\(target).tmp-" }

    static func remove(in directory: String, target: String) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let prefix = prefix(of: target)
        while let entry = readdir(dir) {
            // In place: readdir's entry may be shorter than a whole dirent, so copying the
            // struct (or its name array) reads past it (AddressSanitizer's report).
            let name = withUnsafePointer(to: &entry.pointee.d_name) { p in
                p.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: p.pointee)) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix) else { continue }
            let path = (directory == "/" ? "/" : directory + "/") + name
            if isStale(suffix: name.dropFirst(prefix.count), path: path) { unlink(path) }
        }
    }

    /// `PID-XXXXXX`: stale when no process PID exists. `XXXXXX` alone: stale when old.
    static func isStale(suffix: Substring, path: String) -> Bool {
        let parts = suffix.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].count == 6, let pid = pid_t(parts[0]), pid > 0 {
            return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
        }
        guard parts.count == 1, suffix.count == 6 else { return false }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return time(nil) - info.st_mtim.tv_sec > unnamedAge
    }
}
