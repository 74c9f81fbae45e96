import Foundation
import Testing
@testable import MNLData
import TensorKit

@Suite struct CSVTests {
    @Test func readsTheShippedTables() throws {
        let auto = try CSV.read(repoRoot + "/Data/autompg.csv")
        #expect(auto.columnNames == ["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year", "origin", "mpg"])
        #expect(auto.shape == [392, 8])
        #expect(try auto.column("mpg").toArray(Double.self).prefix(3) == [18, 15, 18])
        let iris = try CSV.read(repoRoot + "/Data/iris.csv")
        #expect(iris.shape == [150, 5])
        #expect(try iris.column("species").toArray(Double.self).reduce(0, +) == 150)  // 50 each of 0, 1, 2
        let blobs = try CSV.read(repoRoot + "/Data/three_blobs.csv")
        #expect(blobs.columnNames == ["x1", "x2", "label"])
        #expect(blobs.shape == [150, 3])
        #expect(blobs.tensor.toArray(Double.self).prefix(3) == [2.60509732, 1.22529553, 1])
    }

    @Test func headerDetection() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let noHeader = try CSV.read(try dir.write("a.csv", "1,2\n3,4\n"))
        #expect(noHeader.columnNames == ["c0", "c1"])
        #expect(noHeader.tensor.toArray(Double.self) == [1, 2, 3, 4])
        let withHeader = try CSV.read(try dir.write("b.csv", "x,y\r\n1,2\r\n3,4"))
        #expect(withHeader.columnNames == ["x", "y"])
        #expect(withHeader.shape == [2, 2])
        #expect(try withHeader.column("y").toArray(Double.self) == [2, 4])
        let forced = try CSV.read(dir.file("a.csv"), options: CSVReadOptions(header: .present))
        #expect(forced.columnNames == ["1", "2"] && forced.shape == [1, 2])
        let dup = try CSV.read(try dir.write("d.csv", "a,a,,b\n1,2,3,4\n"))
        #expect(dup.columnNames == ["a", "a.1", "Unnamed: 2", "b"])
    }

    @Test func quotedFieldsFollowRFC4180() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let text = "\"price, in $\",\"say \"\"hi\"\"\",\"multi\nline\"\n\"1.5\",2,\" 3 \"\n4,\"5e1\",-6\n"
        let t = try CSV.read(try dir.write("q.csv", text))
        #expect(t.columnNames == ["price, in $", "say \"hi\"", "multi\nline"])
        #expect(t.tensor.toArray(Double.self) == [1.5, 2, 3, 4, 50, -6])
    }

    @Test func numberSpellings() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let t = try CSV.read(try dir.write("n.csv", "v\n0.1\n-0\n+7\n1e-5\n.5\n5.\n1.7976931348623157e308\n123456789012345678901\ninf\n-Infinity\n4.9e-324\n0.30000000000000004\n"))
        let v = t.tensor.toArray(Double.self)
        #expect(v.count == 12)
        #expect(v == [0.1, -0.0, 7, 1e-5, 0.5, 5, 1.7976931348623157e308, 123456789012345678901.0, .infinity, -.infinity, Double.leastNonzeroMagnitude, 0.30000000000000004])
    }

    @Test func missingValuePolicies() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = try dir.write("m.csv", "a,b\n1,2\n3,\nNA,6\n7,8\n")
        let e = expectDataError { _ = try CSV.read(p) }
        #expect(e == .missingValue(path: p, line: 3, column: "b"))
        #expect(e?.message.contains(p) == true)
        let nan = try CSV.read(p, options: CSVReadOptions(missing: .nan))
        let v = nan.tensor.toArray(Double.self)
        #expect(nan.shape == [4, 2])
        #expect(v[0] == 1 && v[1] == 2 && v[2] == 3 && v[3].isNaN && v[4].isNaN && v[5] == 6 && v[6] == 7 && v[7] == 8)
        let dropped = try CSV.read(p, options: CSVReadOptions(missing: .drop))
        #expect(dropped.shape == [2, 2])
        #expect(dropped.tensor.toArray(Double.self) == [1, 2, 7, 8])
    }

    @Test func raggedRowNamesFileAndLine() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = try dir.write("r.csv", "a,b,c\n1,2,3\n\n4,5\n")
        let e = expectDataError { _ = try CSV.read(p) }
        #expect(e == .raggedRow(path: p, line: 4, expectedFields: 3, foundFields: 2))
        #expect(e?.message.contains(p) == true)
        let p2 = try dir.write("r2.csv", "1,2\n3,4,5\n")
        #expect(expectDataError { _ = try CSV.read(p2) } == .raggedRow(path: p2, line: 2, expectedFields: 2, foundFields: 3))
    }

    @Test func nonNumericCellNamesLineAndColumn() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = try dir.write("x.csv", "height,weight\n1.8,70\n1.7,heavy\n")
        let e = expectDataError { _ = try CSV.read(p) }
        #expect(e == .nonNumericCell(path: p, line: 3, column: "weight", text: "heavy"))
        #expect(e?.message.contains(p) == true)
        #expect(e?.message.contains("weight") == true)
    }

    @Test func badQuotingIsAnError() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = try dir.write("u.csv", "a,b\n1,\"2\n")
        guard case .badCSV(let path, let line, _)? = expectDataError({ _ = try CSV.read(p) }) else {
            Issue.record("expected badCSV"); return
        }
        #expect(path == p && line == 2)
        let empty = try dir.write("e.csv", "")
        guard case .badCSV(let ep, _, _)? = expectDataError({ _ = try CSV.read(empty) }) else { Issue.record("expected badCSV"); return }
        #expect(ep == empty)
    }

    /// A wide header over many short lines must not reserve rows × columns cells up front.
    @Test func hostileShapeIsARaggedRowNotAHugeAllocation() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let p = try dir.write("w.csv", String(repeating: "a,", count: 200_000) + "a\n" + String(repeating: "1\n", count: 300_000))
        #expect(expectDataError { _ = try CSV.read(p) } == .raggedRow(path: p, line: 2, expectedFields: 200_001, foundFields: 1))
    }

    @Test func headerOnlyGivesAnEmptyTable() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let t = try CSV.read(try dir.write("h.csv", "a,b\n"))
        #expect(t.shape == [0, 2] && t.columnNames == ["a", "b"])
    }

    /// Large enough to be split into parallel chunks; errors in a later chunk keep exact line numbers.
    @Test func parallelChunksAgreeWithOneThread() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        var s = "id,x,y\n"
        for i in 0..<60000 { s += "\(i),\(Double(i) * 0.25),\(i % 7)\n" }
        let p = try dir.write("big.csv", s)
        let par = try CSV.read(p, options: CSVReadOptions(threads: 2))
        let one = try CSV.read(p, options: CSVReadOptions(threads: 1))
        #expect(par.shape == [60000, 3])
        #expect(par.tensor.toArray(Double.self) == one.tensor.toArray(Double.self))
        #expect(try par.column("x").toArray(Double.self)[59999] == 59999 * 0.25)
        let bad = try dir.write("bad.csv", s + "1,2,oops\n" + s.dropFirst(7))
        #expect(expectDataError { _ = try CSV.read(bad, options: CSVReadOptions(threads: 2)) }
                == .nonNumericCell(path: bad, line: 60002, column: "y", text: "oops"))
        let dropped = try dir.write("drop.csv", s + "1,,3\n" + s.dropFirst(7))
        let d = try CSV.read(dropped, options: CSVReadOptions(missing: .drop, threads: 2))
        #expect(d.shape == [120000, 3])
        #expect(try d.column("id").toArray(Double.self)[60000] == 0)
    }

    @Test func writerRoundTripsAndQuotesNames() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let data = try Tensor(shape: [2, 3], elements: [1.0, 0.1, -2.5e-7, .nan, 1e20, -0.0])
        let table = try Table(data: data, columnNames: ["a", "b, c", "say \"x\""])
        let p = dir.file("w.csv")
        try CSV.write(table, to: p)
        let text = try String(contentsOfFile: p, encoding: .utf8)
        #expect(text == "a,\"b, c\",\"say \"\"x\"\"\"\n1.0,0.1,-2.5e-07\n,1e+20,-0.0\n")
        let back = try CSV.read(p, options: CSVReadOptions(missing: .nan))
        #expect(back.columnNames == table.columnNames)
        let v = back.tensor.toArray(Double.self)
        #expect(v[0] == 1 && v[1] == 0.1 && v[2] == -2.5e-7 && v[3].isNaN && v[4] == 1e20 && v[5] == 0)
        let ints = try Tensor(shape: [2, 2], elements: [Int64(-3), 0, 42, 7])
        try CSV.write(ints, to: p)
        #expect(try String(contentsOfFile: p, encoding: .utf8) == "-3,0\n42,7\n")
        #expect(try dir.contents() == ["w.csv"])
        let e = expectDataError { try CSV.write(try Tensor(zeros: [2, 2, 2]), to: p) }
        guard case .unsupportedValue(let path, _)? = e else { Issue.record("expected unsupportedValue"); return }
        #expect(path == p)
    }

    @Test func gzippedCSV() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let raw = Array("a,b\n1,2\n".utf8)
        let gz = try raw.withUnsafeBytes { try Gzip.compress($0, path: "t") }
        let p = try dir.write("t.csv.gz", Array(gz.bytes))
        #expect(try CSV.read(p).tensor.toArray(Double.self) == [1, 2])
    }

    /// Binary content is refused as such, found after decompression: a gzipped IDX is not a
    /// CSV file, and says so rather than failing on some cell.
    @Test func binaryContentIsNotText() throws {
        let dir = try TempDir(); defer { dir.cleanup() }
        let idx: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 2, 7, 9]
        let gz = try idx.withUnsafeBytes { try Gzip.compress($0, path: "t") }
        for (name, bytes) in [("plain.idx", idx), ("packed.idx.gz", Array(gz.bytes))] {
            let p = try dir.write(name, bytes)
            #expect(throws: DataError.notText(path: p, format: "CSV")) { try CSV.read(p) }
        }
    }
}
