/// Plain UTF-8 text files: a script's log, a results table, a report. Reads are whole-file;
/// writes and appends both go through `AtomicFile`, so a crash, an error or Ctrl-C in the
/// middle leaves either the old file or the new one, never a half-written one.
public enum TextFile {
    /// The file's text. Bytes that are not UTF-8 are an error naming the first bad offset
    /// (a binary file opened by mistake), not a string full of replacement characters.
    public static func read(_ path: String) throws(DataError) -> String {
        let bytes = try FileIO.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .readFailed(path: path, reason: "it is not UTF-8 text: byte \(firstInvalidOffset(bytes)) is not part of a character")
        }
        return text
    }

    /// Replaces the file's contents with `text` (creating the file).
    public static func write(_ text: String, to path: String) throws(DataError) {
        try AtomicFile.write(to: path) { (sink: inout FileSink) throws(DataError) in try sink.write(text) }
    }

    /// Adds `text` at the end of the file (creating it). The whole new file is written
    /// beside the old one and renamed over it, so an interrupted append never loses or
    /// damages what was already there; the cost is a copy of the file per call.
    public static func append(_ text: String, to path: String) throws(DataError) {
        let old: [UInt8]
        if FileIO.isFile(path) { old = try FileIO.read(path) } else { old = [] }
        try AtomicFile.write(to: path) { (sink: inout FileSink) throws(DataError) in
            try sink.write(old)
            try sink.write(text)
        }
    }

    /// The offset of the first byte where `bytes` stops being valid UTF-8 (only called once
    /// the whole file has been found invalid).
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error, .emptyInput: return offset
            }
        }
    }
}
