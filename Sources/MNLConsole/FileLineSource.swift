#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits the bytes of a file descriptor into lines, waiting with `poll` so that Ctrl-C
/// while waiting is noticed (the interrupt flag is checked at least every 100 ms).
struct FileLineSource {
    let fileDescriptor: Int32
    let interrupt: InterruptSignal
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(fileDescriptor: Int32, interrupt: InterruptSignal) {
        self.fileDescriptor = fileDescriptor
        self.interrupt = interrupt
    }

    /// The next line without its newline (a final line without one counts too).
    mutating func nextLine() -> LineReadResult {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                return .line(takeLine(upTo: newline, dropping: 1))
            }
            if atEnd {
                return buffer.isEmpty ? .endOfInput : .line(takeLine(upTo: buffer.count, dropping: 0))
            }
            if interrupt.isRequested {
                interrupt.clear()
                buffer.removeAll()
                return .interrupted
            }
            fill()
        }
    }

    private mutating func takeLine(upTo end: Int, dropping: Int) -> String {
        var bytes = Array(buffer[..<end])
        buffer.removeFirst(end + dropping)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Waits up to 100 ms for input and appends what arrives; sets `atEnd` on EOF or error.
    private mutating func fill() {
        var pfd = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, 100)
        if ready < 0 {
            if errno != EINTR { atEnd = true }
            return
        }
        if ready == 0 { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            atEnd = true
        }
    }
}
