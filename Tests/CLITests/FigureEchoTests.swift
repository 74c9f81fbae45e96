import Foundation
import MNLTestSupport
import Testing

/// At the prompt an expression that yields a figure draws it at the terminal's width, as a
/// notebook cell does; an assignment draws nothing.
@Suite(.serialized) struct FigureEchoTests {
    @Test func aFigureDrawsAtTheTerminalsWidth() throws {
        let home = try TemporaryDirectory()
        let repl = try ReplSession(home: home, columns: 40)
        #expect(try repl.enter("f = bar([\"a\", \"b\"], [1, 2])") == "")
        let drawn = try repl.enter("f").replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        let lines = drawn.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 17)  // TextRenderer.suggestedHeight at 40 columns
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines.last?.contains("a") == true && lines.last?.contains("b") == true)
        #expect(try repl.quit() == .exited(0))
    }
}
