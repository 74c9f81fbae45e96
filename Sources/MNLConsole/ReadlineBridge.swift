#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline
import Synchronization

/// A completion provider shared with readline's C callback. readline calls the callback
/// only on the thread that called `readline()`, the thread that owns the provider.
final class CompletionProviderBox: @unchecked Sendable {
    let provider: ReadlineLineReader.CompletionProvider
    init(_ provider: @escaping ReadlineLineReader.CompletionProvider) { self.provider = provider }
}

/// The state readline's C callbacks reach (they cannot capture context).
enum ReadlineBridge {
    /// Set when Ctrl-C ended the current `readline()` call.
    static let promptInterrupted = Atomic<Bool>(false)
    static let provider = Mutex<CompletionProviderBox?>(nil)

    static func setProvider(_ provider: ReadlineLineReader.CompletionProvider?) {
        let box = provider.map { CompletionProviderBox($0) }
        self.provider.withLock { $0 = box }
    }

    /// Waits for a key with `poll`, checking the interrupt flag at least every 100 ms. On
    /// Ctrl-C it echoes `^C` and answers newline until readline returns; `readLine`
    /// then discards the line.
    static func nextKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
        guard let stream else { return EOF }
        let newline: Int32 = 10
        let fd = fileno(stream)
        while true {
            if promptInterrupted.load(ordering: .relaxed) { return newline }
            if InterruptSignal.process.consume() {
                promptInterrupted.store(true, ordering: .relaxed)
                rl_echo_signal_char(SIGINT)
                return newline
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 100)
            if ready > 0 || (ready < 0 && errno != EINTR) { return rl_getc(stream) }
            if rl_pending_signal() != 0 { rl_check_signals() }  // e.g. SIGWINCH: resize now
        }
    }

    /// Builds readline's match list: the common prefix first, then the candidates.
    static func complete(word: String) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        mnl_rl_completion_begin()
        guard let box = provider.withLock({ $0 }), let buffer = mnl_rl_line_buffer() else { return nil }
        let (line, cursor) = lineAndCursor(buffer)
        let isPath = ReplCompletion.pathWord(before: String(line.prefix(cursor))) != nil
        let candidates = CompletionCandidates.normalize(box.provider(line, cursor), word: word, isPath: isPath)
        guard !candidates.isEmpty else { return nil }
        if isPath { mnl_rl_candidates_are_paths() }
        let entries = [CompletionCandidates.commonPrefix(candidates)] + (candidates.count > 1 ? candidates : [])
        return cStringArray(entries)
    }

    /// The line being edited and the cursor's offset in Characters.
    private static func lineAndCursor(_ buffer: UnsafePointer<CChar>) -> (String, Int) {
        let point = Int(max(0, mnl_rl_point()))
        let line = String(cString: buffer)
        let cursor = String(decoding: UnsafeBufferPointer(start: UnsafeRawPointer(buffer)
            .assumingMemoryBound(to: UInt8.self), count: min(point, strlen(buffer))), as: UTF8.self).count
        return (line, cursor)
    }

    /// readline's word breaks for this position: a path's (spaces and quotes only) inside a
    /// string or after `:load`/`:save`; nil for the usual ones.
    static func wordBreaks() -> UnsafeMutablePointer<CChar>? {
        guard let buffer = mnl_rl_line_buffer() else { return nil }
        let (line, cursor) = lineAndCursor(buffer)
        return ReplCompletion.pathWord(before: String(line.prefix(cursor))) != nil ? mnl_rl_path_breaks() : nil
    }

    /// A malloc'd NULL-terminated array of strdup'd strings; readline frees both.
    private static func cStringArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (strings.count + 1)
        guard let raw = malloc(size) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { array[index] = strdup(string) }
        array[strings.count] = nil
        return array
    }
}

/// readline's key reader (`rl_getc_function`).
let readlineNextKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
    ReadlineBridge.nextKey(stream)
}

/// readline's word-break hook (`rl_completion_word_break_hook`).
let readlineWordBreaks: @convention(c) () -> UnsafeMutablePointer<CChar>? = {
    ReadlineBridge.wordBreaks()
}

/// readline's completion function (`rl_attempted_completion_function`).
let readlineComplete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
    ReadlineBridge.complete(word: text.map { String(cString: $0) } ?? "")
}
