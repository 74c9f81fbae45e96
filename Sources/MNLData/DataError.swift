/// Every way reading or writing a data file can fail. Each case names the file, what was
/// expected and what was found (with a byte offset or line and column where it applies), so the
/// binding layer can render one sentence (`message`) or match on the case in tests.
/// Nothing in MNLData traps on file contents, and nothing is returned half-loaded.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case fileNotFound(path: String)
    /// The file exists but could not be read (a directory, no permission, an I/O error).
    case readFailed(path: String, reason: String)
    /// The first bytes are not the magic number of the expected format.
    case badMagic(path: String, format: String, expected: String, found: String)
    /// A gzip (or raw deflate) stream that is damaged; `offset` is the compressed byte offset
    /// where zlib gave up.
    case corruptCompressed(path: String, offset: Int, reason: String)
    /// A gzip (or raw deflate) stream that stops before its end marker: the file was cut short.
    case truncatedCompressed(path: String, decompressedBytes: Int)
    /// The header says the data needs `expectedBytes` but the file holds `foundBytes`.
    case sizeMismatch(path: String, format: String, expectedBytes: Int, foundBytes: Int)
    /// A header asks for a size that overflows or exceeds the machine's memory; refused.
    case tooLarge(path: String, what: String)
    /// An IDX element-type byte that is not one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E.
    case unsupportedIDXType(path: String, code: UInt8)
    /// MNIST-style images and labels files that disagree on the number of examples.
    case countMismatch(path: String, images: Int, labels: Int)
    /// A whole dataset directory that is missing or incomplete; `hint` says how to get it.
    case datasetNotFound(name: String, directory: String, missing: [String], hint: String)
    /// A CSV row whose number of fields differs from the header's (line is 1-based).
    case raggedRow(path: String, line: Int, expectedFields: Int, foundFields: Int)
    /// A cell that is not a number, in a numeric column.
    case nonNumericCell(path: String, line: Int, column: String, text: String)
    /// An empty (or NA/NaN) cell while the missing-value policy is `.error`.
    case missingValue(path: String, line: Int, column: String)
    /// A CSV file that cannot be parsed at all (empty, unterminated quote).
    case badCSV(path: String, line: Int, reason: String)
    /// A `.npy` header that is not what NumPy's format specification describes.
    case badNPYHeader(path: String, reason: String)
    /// A `.npy` dtype (descr) that MNLData cannot represent.
    case unsupportedNPYDType(path: String, descr: String)
    /// A damaged or unsupported zip archive (`.npz`).
    case badZip(path: String, reason: String)
    /// A named member that is not in an archive or dictionary.
    case memberNotFound(path: String, member: String)
    /// A safetensors header that is not valid (bad length, bad JSON, bad dtype, bad offsets).
    case badSafetensorsHeader(path: String, reason: String)
    /// A value that this writer cannot store (wrong rank, dtype not supported by the format).
    case unsupportedValue(path: String, reason: String)
    /// Writing failed; the previous contents of `path` (if any) are left untouched.
    case writeFailed(path: String, reason: String)
    /// A text format (CSV) whose file, once decompressed, holds binary data (NUL bytes).
    case notText(path: String, format: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let p), .readFailed(let p, _), .badMagic(let p, _, _, _),
             .corruptCompressed(let p, _, _), .truncatedCompressed(let p, _),
             .sizeMismatch(let p, _, _, _), .tooLarge(let p, _), .unsupportedIDXType(let p, _),
             .countMismatch(let p, _, _), .raggedRow(let p, _, _, _), .nonNumericCell(let p, _, _, _),
             .missingValue(let p, _, _), .badCSV(let p, _, _), .badNPYHeader(let p, _),
             .unsupportedNPYDType(let p, _), .badZip(let p, _), .memberNotFound(let p, _),
             .badSafetensorsHeader(let p, _), .unsupportedValue(let p, _), .writeFailed(let p, _),
             .notText(let p, _):
            return p
        case .datasetNotFound(_, let d, _, _):
            return d
        }
    }

    /// One sentence that names the file, for users.
    public var message: String {
        switch self {
        case .fileNotFound(let p):
            return "\(p): no such file."
        case .readFailed(let p, let r):
            return "\(p): cannot read the file (\(r))."
        case .badMagic(let p, let f, let e, let found):
            return "\(p): not a \(f) file (expected magic \(e), found \(found))."
        case .corruptCompressed(let p, let o, let r):
            return "\(p): the compressed data is corrupt at byte \(o) (\(r))."
        case .truncatedCompressed(let p, let n):
            return "\(p): the compressed data ends early (after \(n) decompressed bytes); the file is truncated."
        case .sizeMismatch(let p, let f, let e, let found):
            return "\(p): the \(f) header describes \(e) bytes of data but the file holds \(found)."
        case .tooLarge(let p, let w):
            return "\(p): refusing \(w): it needs more memory than the memory limit leaves free (see memory_limit())."
        case .unsupportedIDXType(let p, let c):
            return "\(p): unsupported IDX element type 0x\(String(c, radix: 16, uppercase: true)) (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E)."
        case .countMismatch(let p, let i, let l):
            return "\(p): \(i) images but \(l) labels."
        case .datasetNotFound(let n, let d, let m, let h):
            let what = m.isEmpty ? "" : " (missing \(m.joined(separator: ", ")))"
            return "\(n) not found in \(d)\(what); \(h)."
        case .raggedRow(let p, let l, let e, let f):
            return "\(p):\(l): expected \(e) fields, found \(f)."
        case .nonNumericCell(let p, let l, let c, let t):
            return "\(p):\(l): column '\(c)' holds '\(t)', which is not a number."
        case .missingValue(let p, let l, let c):
            return "\(p):\(l): column '\(c)' has a missing value (use missing: \"nan\" or \"drop\")."
        case .badCSV(let p, let l, let r):
            return "\(p):\(l): \(r)."
        case .badNPYHeader(let p, let r):
            return "\(p): bad .npy header (\(r))."
        case .unsupportedNPYDType(let p, let d):
            return "\(p): unsupported .npy dtype '\(d)' (supported: f4, f8, i8, i4, i2, i1, u1, u2, u4, b1)."
        case .badZip(let p, let r):
            return "\(p): not a valid zip/.npz archive (\(r))."
        case .memberNotFound(let p, let m):
            return "\(p): no member named '\(m)'."
        case .badSafetensorsHeader(let p, let r):
            return "\(p): bad safetensors header (\(r))."
        case .unsupportedValue(let p, let r):
            return "\(p): cannot save this value (\(r))."
        case .writeFailed(let p, let r):
            return "\(p): could not write the file (\(r)); any previous file is unchanged."
        case .notText(let p, let f):
            return "\(p): not a \(f) text file (it contains binary data)."
        }
    }

    public var description: String { message }
}
