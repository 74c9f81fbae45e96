#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import MNLConsole

@Suite struct AtomicFileTests {
    @Test func replacesAnExistingFileAndLeavesNoTemporaryFile() throws {
        let directory = temporaryDirectory()
        let path = directory + "/out.mnl"
        try AtomicFile.write("old\n", to: path)
        try AtomicFile.write("new\n", to: path)
        #expect(try AtomicFile.contents(of: path) == "new\n")
        #expect(try directoryEntries(directory) == ["out.mnl"])
    }

    @Test func temporaryFileLivesNextToTheTarget() {
        #expect(AtomicFile.temporaryPath(for: "/a/b/c.mnl").hasPrefix("/a/b/.c.mnl.tmp-"))
        #expect(AtomicFile.temporaryPath(for: "c.mnl").hasPrefix(".c.mnl.tmp-"))
    }

    @Test func readingAMissingFileOrADirectoryThrows() {
        #expect(throws: FileError.self) { try AtomicFile.contents(of: "/nonexistent/file") }
        #expect(throws: FileError.self) { try AtomicFile.contents(of: "/tmp") }
    }
}

@Suite struct HistoryFileTests {
    @Test func multiLineEntriesSurviveARoundTrip() throws {
        let history = HistoryFile(path: temporaryDirectory() + "/history")
        #expect(try history.load() == [])
        let entries = ["x = 1", "f(1,\n  2)", #"s = "a\nb" \ z"#]
        for entry in entries { try history.append(entry) }
        #expect(try history.load() == entries)
        #expect(try AtomicFile.contents(of: history.path).split(separator: "\n").count == 3)
    }

    @Test func appendingNeverTruncatesAndCompactionKeepsTheNewest() throws {
        let history = HistoryFile(path: temporaryDirectory() + "/history", limit: 2)
        for index in 1...5 { try history.append("e\(index)") }
        #expect(try AtomicFile.contents(of: history.path) == "e1\ne2\ne3\ne4\ne5\n")
        #expect(try history.load() == ["e4", "e5"])
        #expect(try AtomicFile.contents(of: history.path) == "e4\ne5\n")
    }

    @Test func anUnwritablePathThrowsInsteadOfCrashing() throws {
        let history = HistoryFile(path: "/nonexistent-dir/history")
        #expect(throws: FileError.self) { try history.append("x") }
        #expect(try history.load() == [])
    }
}

@Suite struct CompletionCandidatesTests {
    @Test func keepsMatchingWordsAndCutsDottedPrefixes() {
        #expect(CompletionCandidates.normalize(["sum", "shape", "x.size", "mean", "sum"], word: "s")
                == ["shape", "size", "sum"])
        #expect(CompletionCandidates.normalize(["a", "b"], word: "") == ["a", "b"])
    }

    @Test func commonPrefixAndWordAtCursor() {
        #expect(CompletionCandidates.commonPrefix(["shape", "shard"]) == "sha")
        #expect(CompletionCandidates.commonPrefix([]) == "")
        #expect(CompletionCandidates.word(in: "y = model.para", cursor: 14) == "para")
        #expect(CompletionCandidates.word(in: "y = model.", cursor: 10) == "")
        #expect(CompletionCandidates.word(in: "pri(x)", cursor: 3) == "pri")
    }
}

@Suite struct PlainLineReaderTests {
    @Test func readsLinesFromAPipeWithoutEchoingPrompts() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        _ = writeAll(fileDescriptor: fds[1], Array("one\r\ntwo\n\nlast".utf8))
        close(fds[1])
        let output = CapturedReplOutput()
        var reader = PlainLineReader(fileDescriptor: fds[0], output: output, interrupt: .standalone())
        let results = (0..<5).map { _ in reader.readLine(prompt: ">>> ") }
        #expect(results == [.line("one"), .line("two"), .line(""), .line("last"), .endOfInput])
        #expect(output.standardOutput == "")
        close(fds[0])
    }

    @Test func anInterruptWhileWaitingReturnsInterrupted() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let interrupt = InterruptSignal.standalone()
        interrupt.request()
        let output = CapturedReplOutput()
        var reader = PlainLineReader(fileDescriptor: fds[0], echoPrompts: true, output: output, interrupt: interrupt)
        #expect(reader.readLine(prompt: ">>> ") == .interrupted)
        #expect(!interrupt.isRequested)
        #expect(output.standardOutput == ">>> ")
        close(fds[1])
        #expect(reader.readLine(prompt: "... ") == .endOfInput)
        close(fds[0])
    }

    @Test func drivesTheREPLFromAPipe() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        _ = writeAll(fileDescriptor: fds[1], Array("f(1,\n2)\n:vars\n".utf8))
        close(fds[1])
        let output = CapturedReplOutput()
        let reader = PlainLineReader(fileDescriptor: fds[0], output: output, interrupt: .standalone())
        let repl = REPL(reader: reader, engine: FakeEngine(), output: output, interrupt: .standalone())
        repl.run()
        #expect(output.standardOutput == "f(1,\n2)\n(no variables)\n")
        #expect(repl.reader.history == ["f(1,\n2)", ":vars"])
        close(fds[0])
    }
}

@Suite struct InterruptSignalTests {
    @Test func standaloneSignalsAreIndependent() {
        let first = InterruptSignal.standalone()
        let second = InterruptSignal.standalone()
        first.request()
        #expect(first.interruptCheck() && !second.interruptCheck())
        #expect(first.consume() && !first.isRequested)
    }
}
