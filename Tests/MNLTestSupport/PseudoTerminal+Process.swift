#if canImport(Glibc)
import Glibc
#endif

extension PseudoTerminal {
    // MARK: Ending

    /// Waits for the child to exit on its own, reading its output meanwhile so it never
    /// blocks on a full terminal. Throws `.timeout` (the child keeps running; `close` or
    /// `deinit` will kill it).
    public func waitForExit(timeout: Duration = .seconds(5)) throws(PseudoTerminalError) -> ExitStatus {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = reap(blocking: false) { return status }
            guard ContinuousClock.now < deadline else {
                throw .timeout(waitingFor: "process \(pid) to exit", output: output)
            }
            readAvailable(waitingAtMost: .milliseconds(10))
            if outputEnded { usleep(5_000) }
        }
    }

    /// Hangs up (closes the terminal's input side by sending SIGHUP to the session), waits up
    /// to `timeout`, then kills the process group with SIGKILL. Always returns the status.
    @discardableResult
    public func close(timeout: Duration = .seconds(2)) -> ExitStatus {
        if let status = reap(blocking: false) { return status }
        _ = kill(-pid, SIGHUP)
        _ = kill(pid, SIGCONT)
        if let status = try? waitForExit(timeout: timeout) { return status }
        return terminate()
    }

    /// Kills the child's process group with SIGKILL and reaps the child.
    @discardableResult
    public func terminate() -> ExitStatus {
        if let status = reap(blocking: false) { return status }
        _ = kill(-pid, SIGKILL)
        _ = kill(pid, SIGKILL)
        return reap(blocking: true) ?? .signaled(SIGKILL)
    }

    // MARK: Spawning

    /// Opens a pty pair (both ends close-on-exec); returns the master and the slave's path.
    public static func openPair(rows: UInt16, columns: UInt16) throws(PseudoTerminalError) -> (master: Int32, slave: Int32, path: String) {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw .system(call: "openpty", errno: errno) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var buffer = [CChar](repeating: 0, count: 128)
        guard ttyname_r(slave, &buffer, buffer.count) == 0,
              fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) == 0 else {
            let code = errno
            Glibc.close(master)
            Glibc.close(slave)
            throw .system(call: "pty setup", errno: code)
        }
        let path = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (master, slave, path)
    }

    /// posix_spawnp in a new session (POSIX_SPAWN_SETSID), with the pty's slave opened as
    /// fds 0, 1 and 2 (which makes it the controlling terminal) and default signal handling.
    public static func spawn(_ program: String, _ arguments: [String], _ environment: [String: String],
                      slave: String) throws(PseudoTerminalError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGPIPE, SIGTSTP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else { throw .system(call: "posix_spawnp \(program)", errno: result) }
        return pid
    }
}
