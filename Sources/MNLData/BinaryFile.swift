/// Files whose bytes another library made (a PNG from Cairo, say), written atomically like
/// every writer here: a crash, an error or Ctrl-C in the middle leaves the old file whole.
public enum BinaryFile {
    /// Replaces the file's contents with `bytes` (creating the file).
    public static func write(_ bytes: [UInt8], to path: String) throws(DataError) {
        try AtomicFile.write(to: path) { (sink: inout FileSink) throws(DataError) in try sink.write(bytes) }
    }
}
