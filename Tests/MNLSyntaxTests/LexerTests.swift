import MNLSyntax
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String) throws -> [TokenKind] {
        try Lexer.tokenize(SourceFile(name: "t", text: text)).map(\.kind)
    }

    @Test func numbersIdentifiersKeywordsAndOperators() throws {
        #expect(try kinds("x = 1_000 + .5e1 ** 2") == [.identifier("x"), .op(.equal), .number(1000), .op(.plus), .number(5),
                                                      .op(.starStar), .number(2), .endOfInput])
        #expect(try kinds("fn if else for in while not and or nil") ==
                [.keyword(.fn), .keyword(.if), .keyword(.else), .keyword(.for), .keyword(.in), .keyword(.while),
                 .keyword(.not), .keyword(.and), .keyword(.or), .keyword(.nil), .endOfInput])
        #expect(try kinds("a //= b") == [.identifier("a"), .op(.slashSlashEqual), .identifier("b"), .endOfInput])
        #expect(try kinds("0..5") == [.number(0), .op(.dotDot), .number(5), .endOfInput])
        #expect(try kinds("x[...]") == [.identifier("x"), .op(.leftBracket), .op(.ellipsis), .op(.rightBracket), .endOfInput])
        #expect(try kinds("x.T") == [.identifier("x"), .op(.dot), .identifier("T"), .endOfInput])
    }

    @Test func newlinesEndStatementsExceptInsideBracketsAndParentheses() throws {
        #expect(try kinds("a\nb") == [.identifier("a"), .newline, .identifier("b"), .endOfInput])
        #expect(try kinds("f(a,\n b)") == [.identifier("f"), .op(.leftParen), .identifier("a"), .op(.comma), .identifier("b"),
                                          .op(.rightParen), .endOfInput])
        #expect(try kinds("# comment\nx") == [.newline, .identifier("x"), .endOfInput])
        // A function literal inside parentheses has statements again.
        #expect(try kinds("f(fn() {\n1\n})").contains(.newline))
    }

    @Test func stringsKeepTheirRawContents() throws {
        #expect(try kinds("\"a {b} \\n\"") == [.string("a {b} \\n"), .endOfInput])
    }

    @Test func errorsCarryTheirPosition() {
        #expect(throws: Diagnostic.self) { try kinds("x = $") }
        do {
            _ = try Lexer.tokenize(SourceFile(name: "t", text: "x = 1\ny = \"open"))
            Issue.record("should throw")
        } catch {
            #expect(error.kind == .unterminatedString)
            #expect(error.range.map { $0.file.location(of: $0.start).line } == 2)
            // A "..." string ends on its line: the REPL reports it instead of waiting (issue 9).
            #expect(!error.isIncompleteInput)
        }
        do {
            _ = try Lexer.tokenize(SourceFile(name: "t", text: "y = \"\"\"open\nmore"))
            Issue.record("should throw")
        } catch {
            #expect(error.kind == .unterminatedTripleQuotedString)
            #expect(error.isIncompleteInput)
        }
        do {
            _ = try Lexer.tokenize(SourceFile(name: "t", text: "12abc"))
            Issue.record("should throw")
        } catch {
            #expect(error.kind == .invalidNumber("12abc"))
        }
    }
}
