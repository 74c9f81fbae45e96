import Foundation
import MNLSyntax
import Testing

/// `read_csv` reads `.csv.gz` as pandas does (scikit-learn's and mlxtend's datasets ship so);
/// the language layer once refused it as binary before the reader could inflate it.
@Suite struct CompressedCSVTests {
    @Test func readCSVInflatesGzip() throws {
        let path = NSTemporaryDirectory() + "mnl-compressed-\(getpid()).csv.gz"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Self.gzipStored(Array("a,b\n1,2\n3,4\n".utf8))).write(to: URL(fileURLWithPath: path))
        let outcome = ScriptHarness.run("print(read_csv(\"\(path)\").b.tolist())", name: "gz.mnl")
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
        #expect(outcome.lines == ["[2, 4]"])
    }

    /// A gzip member holding `data` in one stored (uncompressed) deflate block, written out
    /// by RFC 1951/1952 so that the test needs no compressor.
    static func gzipStored(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count < 0xFFFF)
        let n = UInt16(data.count)
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        let block: [UInt8] = [1, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)]
        return header + block + data + littleEndian(crc32(data)) + littleEndian(UInt32(data.count))
    }

    static func littleEndian(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
