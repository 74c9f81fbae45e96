import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorKit

/// What to do with an empty (or NA/NaN/null...) cell.
public enum MissingPolicy: String, Sendable, CaseIterable {
    /// Stop with `DataError.missingValue` naming the line and column (the default).
    case error
    /// Store NaN, as pandas does.
    case nan
    /// Leave out every row that has a missing cell (pandas' `dropna()`).
    case drop
}

/// Whether the first row holds column names.
public enum HeaderMode: String, Sendable {
    /// A header when any cell of the first row is not a number (default).
    case auto
    /// The first row is always the header.
    case present
    /// There is no header; columns are named `c0, c1, ...`.
    case absent
}

/// Options of `CSV.read`.
public struct CSVReadOptions: Sendable {
    public var header: HeaderMode
    public var missing: MissingPolicy
    /// The field separator (one ASCII byte; ',' by default).
    public var delimiter: UInt8
    /// How many threads may parse row chunks (default: the online cores).
    public var threads: Int

    public init(header: HeaderMode = .auto, missing: MissingPolicy = .error, delimiter: UInt8 = UInt8(ascii: ","),
                threads: Int = 0) {
        self.header = header
        self.missing = missing
        self.delimiter = delimiter
        self.threads = threads
    }
}

/// Reading and writing numeric CSV files (RFC 4180 quoting). Numbers are parsed straight from
/// the bytes, without a String per cell; large files without quotes are parsed in parallel
/// chunks of rows.
public enum CSV {
    /// Reads a numeric CSV file (or `.csv.gz`) into a `Table` of float64 columns.
    public static func read(_ path: String, options: CSVReadOptions = CSVReadOptions()) throws(DataError) -> Table {
        let raw = try FileIO.read(path)
        return try withBytes(raw) { (b) throws(DataError) in
            if Gzip.isGzip(b) {
                let inflated = try Gzip.decompress(b, path: path)
                return try parse(inflated.bytes, path: path, options: options)
            }
            return try parse(b, path: path, options: options)
        }
    }

    /// Parses CSV bytes already in memory; `path` only names the file in errors.
    public static func parse(_ bytes: UnsafeRawBufferPointer, path: String,
                             options: CSVReadOptions = CSVReadOptions()) throws(DataError) -> Table {
        guard let raw = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            throw .badCSV(path: path, line: 1, reason: "the file is empty")
        }
        let end = bytes.count
        // A NUL in the first 64 KiB: an image, an IDX or a zip, not text (after gzip, which
        // `read` has already undone, so `.csv.gz` files read as pandas reads them).
        if memchr(raw, 0, Swift.min(end, 1 << 16)) != nil { throw .notText(path: path, format: "CSV") }
        var p = 0
        if end >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { p = 3 }  // UTF-8 byte-order mark
        let delim = options.delimiter
        var line = 0  // physical lines before p
        // Skip leading blank lines, then read the first record's fields.
        while p < end, raw[p] == 0x0A || raw[p] == 0x0D {
            if raw[p] == 0x0A { line += 1 }
            p += 1
        }
        guard p < end else { throw .badCSV(path: path, line: line + 1, reason: "the file is empty") }
        let firstLine = line
        var q = p
        var first = FirstRecord()
        while true {
            if q < end, raw[q] == 0x22 {
                q += 1
                while true {
                    guard q < end else { throw .badCSV(path: path, line: firstLine + 1, reason: "a quoted field is never closed") }
                    if raw[q] == 0x22 {
                        if q + 1 < end, raw[q + 1] == 0x22 { first.bytes.append(0x22); q += 2; continue }
                        q += 1
                        break
                    }
                    if raw[q] == 0x0A { line += 1 }
                    first.bytes.append(raw[q])
                    q += 1
                }
            }
            while q < end, raw[q] != delim, raw[q] != 0x0A, raw[q] != 0x0D {
                first.bytes.append(raw[q]); q += 1
            }
            try first.endField(path: path)
            if q < end, raw[q] == delim { q += 1; continue }
            if q < end, raw[q] == 0x0D { q += 1 }
            if q < end, raw[q] == 0x0A { q += 1 }
            line += 1
            break
        }
        let isHeader: Bool
        switch options.header {
        case .present: isHeader = true
        case .absent: isHeader = false
        case .auto:
            isHeader = first.fields.contains { i in
                if case .bad = first.withField(i, { classify($0) }) { return true }
                return false
            }
        }
        let ncols = first.count
        // A name per column, each at least a String's size, and the lookup set beside them.
        try first.checkNames(path: path)
        var names: [String]
        let dataStart: Int
        let linesBefore: Int
        if isHeader {
            names = first.fields.map { i in
                let s = first.withField(i) { String(decoding: $0, as: UTF8.self) }
                return s.isEmpty ? "Unnamed: \(i)" : s
            }
            // pandas-style de-duplication: a, a.1, a.2 (linear time, whatever the header width)
            var taken = Set(names)
            var nextSuffix: [String: Int] = [:]
            var firstSeen = Set<String>()
            for i in names.indices {
                let n = names[i]
                if firstSeen.insert(n).inserted { continue }
                var k = nextSuffix[n] ?? 1
                while taken.contains("\(n).\(k)") { k += 1 }
                names[i] = "\(n).\(k)"
                taken.insert(names[i])
                nextSuffix[n] = k + 1
            }
            dataStart = q
            linesBefore = line
        } else {
            names = (0..<ncols).map { "c\($0)" }
            dataStart = p
            linesBefore = firstLine
        }
        return try parseBody(raw, start: dataStart, end: end, ncols: ncols, names: names, linesBefore: linesBefore,
                             path: path, options: options)
    }

    // MARK: - the body, in parallel chunks

    private enum Failure {
        case ragged(line: Int, found: Int)
        case nonNumeric(line: Int, column: Int, text: String)
        case missing(line: Int, column: Int)
        case unterminated(line: Int)
        case textAfterQuote(line: Int)
    }

    private struct ChunkResult {
        var rows = 0
        var failure: Failure?
    }

    private static func parseBody(_ raw: UnsafePointer<UInt8>, start: Int, end: Int, ncols: Int, names: [String],
                                  linesBefore: Int, path: String, options: CSVReadOptions) throws(DataError) -> Table {
        let size = end - start
        let hasQuotes = size > 0 && memchr(raw + start, 0x22, size) != nil
        // Files with quotes are parsed in one piece (a newline may sit inside a quoted field);
        // others in about two chunks per worker so that uneven chunks balance out.
        let workers = options.threads > 0 ? options.threads : max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        var nChunks = 1
        if !hasQuotes && workers > 1 && size > (1 << 20) {
            nChunks = min(workers * 2, max(1, size >> 20))
        }
        // Chunk boundaries just after a newline.
        var bounds = [start]
        for k in 1..<nChunks {
            var b = start + size / nChunks * k
            if b <= bounds[bounds.count - 1] { continue }
            guard let nl = memchr(raw + b, 0x0A, end - b) else { break }
            b = UnsafePointer<UInt8>(nl.assumingMemoryBound(to: UInt8.self)) - raw + 1
            if b >= end { break }
            if b > bounds[bounds.count - 1] { bounds.append(b) }
        }
        bounds.append(end)
        let chunkBounds = bounds
        nChunks = chunkBounds.count - 1
        // Pass 1: newlines per chunk (an upper bound on its rows, and its line count).
        var newlines = [Int](repeating: 0, count: nChunks)
        let rawS = SendablePointer(p: UnsafeMutablePointer(mutating: raw))
        newlines.withUnsafeMutableBufferPointer { nl in
            guard let nlBase = nl.baseAddress else { return }
            let out = SendablePointer(p: nlBase)
            DispatchQueue.concurrentPerform(iterations: nChunks) { k in
                var c = 0
                var p = UnsafeRawPointer(rawS.p + chunkBounds[k])
                let stop = UnsafeRawPointer(rawS.p + chunkBounds[k + 1])
                while p < stop, let hit = memchr(p, 0x0A, stop - p) {
                    c += 1
                    p = UnsafeRawPointer(hit) + 1
                }
                out.p[k] = c
            }
        }
        // Rows a chunk can hold: one per newline, and no more than its bytes allow (a row of
        // `ncols` cells takes at least `ncols` bytes), so a hostile file cannot ask for more
        // memory than about 8 bytes per byte of input.
        var rowBase = [Int](repeating: 0, count: nChunks + 1)
        var rowCap = [Int](repeating: 0, count: nChunks)
        for k in 0..<nChunks {
            rowCap[k] = min(newlines[k] + 1, (chunkBounds[k + 1] - chunkBounds[k]) / max(ncols, 1) + 1)
            rowBase[k + 1] = rowBase[k] + rowCap[k]
        }
        let caps = rowCap
        let capacityRows = rowBase[nChunks]
        let bases = rowBase
        let (cells, o) = capacityRows.multipliedReportingOverflow(by: max(ncols, 1))
        if o { throw .tooLarge(path: path, what: "a table of \(capacityRows) rows") }
        let table = try makeTensor([cells], .float64, path: path)
        let out = SendablePointer(p: table.storage.pointer(Double.self))
        var results = [ChunkResult](repeating: ChunkResult(), count: nChunks)
        let policy = options.missing
        let delim = options.delimiter
        results.withUnsafeMutableBufferPointer { rb in
            guard let rbBase = rb.baseAddress else { return }
            let res = SendablePointer(p: rbBase)
            DispatchQueue.concurrentPerform(iterations: nChunks) { k in
                res.p[k] = parseChunk(UnsafePointer(rawS.p), from: chunkBounds[k], to: chunkBounds[k + 1], ncols: ncols,
                                      out: out.p + bases[k] * ncols, capacity: caps[k], policy: policy, delim: delim,
                                      quotes: hasQuotes)
            }
        }
        // The first failure in file order wins; its line is made absolute.
        var linesSoFar = linesBefore
        for k in 0..<nChunks {
            if let f = results[k].failure {
                func name(_ c: Int) -> String { c < names.count ? names[c] : "c\(c)" }
                switch f {
                case .ragged(let l, let n):
                    throw .raggedRow(path: path, line: linesSoFar + l + 1, expectedFields: ncols, foundFields: n)
                case .nonNumeric(let l, let c, let t):
                    throw .nonNumericCell(path: path, line: linesSoFar + l + 1, column: name(c), text: t)
                case .missing(let l, let c):
                    throw .missingValue(path: path, line: linesSoFar + l + 1, column: name(c))
                case .unterminated(let l):
                    throw .badCSV(path: path, line: linesSoFar + l + 1, reason: "a quoted field is never closed")
                case .textAfterQuote(let l):
                    throw .badCSV(path: path, line: linesSoFar + l + 1, reason: "text follows a closing quote")
                }
            }
            linesSoFar += newlines[k]
        }
        // Close the gaps left by each chunk's unused rows.
        var rows = 0
        for k in 0..<nChunks {
            let n = results[k].rows
            if rows != rowBase[k], n > 0 {
                (out.p + rows * ncols).update(from: out.p + rowBase[k] * ncols, count: n * ncols)
            }
            rows += n
        }
        let data = Tensor(storage: table.storage, shape: [rows, ncols], strides: [ncols, 1])
        return try Table(data: data, columnNames: names, source: path)
    }

    /// Parses the records in raw[from..<to] into `out` (row-major, `ncols` per row).
    private static func parseChunk(_ raw: UnsafePointer<UInt8>, from: Int, to end: Int, ncols: Int,
                                   out: UnsafeMutablePointer<Double>, capacity: Int, policy: MissingPolicy,
                                   delim: UInt8, quotes: Bool) -> ChunkResult {
        var r = ChunkResult()
        var p = from
        var line = 0
        var scratch: [UInt8] = []
        while p < end {
            let c0 = raw[p]
            if c0 == 0x0A { p += 1; line += 1; continue }             // blank line
            if c0 == 0x0D { p += 1; continue }
            let recordLine = line
            // Cannot happen for well-formed rows (see `rowCap`); a safety net for the bound.
            guard r.rows < capacity else { r.failure = .ragged(line: recordLine, found: 0); return r }
            let rowOut = out + r.rows * ncols
            var col = 0
            var rowHasMissing = false
            while true {
                var value = Double.nan
                var kind: CellKind
                if quotes, p < end, raw[p] == 0x22 {
                    // RFC 4180 quoted field: "" is a quote; newlines may appear inside.
                    scratch.removeAll(keepingCapacity: true)
                    p += 1
                    var closed = false
                    while p < end {
                        let c = raw[p]
                        if c == 0x22 {
                            if p + 1 < end, raw[p + 1] == 0x22 { scratch.append(0x22); p += 2; continue }
                            p += 1
                            closed = true
                            break
                        }
                        if c == 0x0A { line += 1 }
                        scratch.append(c)
                        p += 1
                    }
                    if !closed { r.failure = .unterminated(line: recordLine); return r }
                    if p < end, raw[p] != delim, raw[p] != 0x0A, raw[p] != 0x0D {
                        r.failure = .textAfterQuote(line: recordLine); return r
                    }
                    kind = scratch.withUnsafeBufferPointer { classify(UnsafeRawBufferPointer($0)) }
                } else if let v = fastNumber(raw, &p, end, delim) {
                    kind = .number(v)
                } else {
                    let s = p
                    while p < end, raw[p] != delim, raw[p] != 0x0A, raw[p] != 0x0D { p += 1 }
                    kind = classify(UnsafeRawBufferPointer(start: raw + s, count: p - s))
                }
                switch kind {
                case .number(let v): value = v
                case .missing:
                    if policy == .error && col < ncols { r.failure = .missing(line: recordLine, column: col); return r }
                    rowHasMissing = true
                case .bad(let text):
                    if col < ncols { r.failure = .nonNumeric(line: recordLine, column: col, text: text); return r }
                }
                if col < ncols { rowOut[col] = value }
                col += 1
                if p < end, raw[p] == delim { p += 1; continue }
                if p < end, raw[p] == 0x0D { p += 1 }
                if p < end, raw[p] == 0x0A { p += 1 }
                line += 1
                break
            }
            if col != ncols { r.failure = .ragged(line: recordLine, found: col); return r }
            if !(rowHasMissing && policy == .drop) { r.rows += 1 }
        }
        return r
    }
}
