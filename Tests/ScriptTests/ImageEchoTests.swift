import Foundation
import MNLFuzzing
import MNLRuntime
import MNLStdlib
import Testing

/// How an image value shows at the prompt and in print, for each kind of output.
@Suite struct ImageEchoTests {
    func echo(_ code: String, environment: [String: String], isTerminal: Bool, width: Int?) throws -> String {
        let session = Stdlib.makeSession(output: { _ in })
        Stdlib.configureImages(session, environment: environment, isTerminal: isTerminal)
        guard case .success(let value?) = session.run(code, name: "<test>") else {
            Issue.record("\(code) did not yield a value")
            return ""
        }
        return value.echoed(style: EchoStyle(lineWidth: width))
    }

    @Test func aDigitIs28ColumnsBy14RowsOfHalfBlocksInAColourTerminal() throws {
        let text = try echo("imshow(mnist().train.x[0])", environment: ["COLORTERM": "truecolor"], isTerminal: true, width: 100)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 14)
        #expect(lines.allSatisfy { $0.filter { $0 == "▀" }.count == 28 })
        #expect(lines.allSatisfy { $0.hasSuffix("\u{1B}[0m") })
        #expect(text.contains("\u{1B}[38;2;255;255;255m"))  // the stroke's white
    }

    @Test func aNarrowTerminalShrinksTheDigit() throws {
        let text = try echo("imshow(mnist().train.x[0])", environment: ["TERM": "xterm-256color"], isTerminal: true, width: 20)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 7)  // 28 pixels shrunk by 2: 14 columns, 7 rows
        #expect(lines.allSatisfy { $0.filter { $0 == "▀" }.count == 14 && $0.contains("\u{1B}[38;5;") })
    }

    @Test func plainOutputGetsASCIIAndNoneADescription() throws {
        let ascii = try echo("imshow(eye(4))", environment: ["COLORTERM": "truecolor", "NO_COLOR": "1"], isTerminal: true, width: 80)
        #expect(ascii == "++\n  ++")  // each row pair averages a diagonal pixel with black: grey 0.5, shade 5 of 0...9
        let none = try echo("show_images(zeros(3, 28, 28))", environment: ["MNL_IMAGES": "none"], isTerminal: true, width: 80)
        #expect(none == "<2×2 grid of 3 images 28×28>")
    }
}

/// The fuzzer's sandbox refuses every builtin that names a file; an image's save methods go
/// through `savefig`, so they are refused there too and never write.
@Suite struct ImageSandboxTests {
    @Test func imageMethodsCannotWriteWhileFuzzing() throws {
        let path = "/tmp/mnl-sandbox-\(getpid()).png"
        for code in ["imshow(eye(3)).save(\"\(path)\")", "imshow(eye(3)).savefig(\"\(path)\")", "imshow(eye(3))\nsavefig(\"\(path)\")"] {
            #expect(ScriptEntries.run(source: code, in: FuzzContext()) == nil)
            #expect(!FileManager.default.fileExists(atPath: path), "\(code) wrote a file")
        }
    }
}
