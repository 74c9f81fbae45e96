/// The fields of a CSV file's first record (a header, or the first row of data): their bytes
/// end to end and where each ends, so that a line of millions of fields takes two flat
/// buffers rather than an array per field. Both grow only as far as the memory budget allows.
struct FirstRecord {
    var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }
    var fields: Range<Int> { 0..<ends.count }

    /// Closes the field whose bytes were appended since the last one.
    mutating func endField(path: String) throws(DataError) {
        if ends.count == ends.capacity || bytes.count == bytes.capacity {
            let what = "a first line of more than \(ends.count) fields"
            try FirstRecord.check(count: Swift.max(16, ends.capacity * 2), stride: 8, path: path, what)
            try FirstRecord.check(count: Swift.max(16, bytes.capacity * 2), stride: 1, path: path, what)
        }
        ends.append(bytes.count)
    }

    func withField<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[i]])) }
    }

    /// Column names for every field: about 48 bytes each (the string, a copy in the
    /// de-duplication set, an entry in its table).
    func checkNames(path: String) throws(DataError) {
        try FirstRecord.check(count: count, stride: 48, path: path, "names for \(count) columns")
    }

    static func check(count: Int, stride: Int, path: String, _ what: String) throws(DataError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: stride)
        if overflow || bytes > FileIO.memoryLimit { throw .tooLarge(path: path, what: what) }
    }
}
