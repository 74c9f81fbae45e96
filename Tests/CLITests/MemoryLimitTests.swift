import Foundation
import Testing

/// Issue 8 (#10): programs that grow lists, strings and buffers without end stop at the memory
/// budget with a positioned error, never Swift's allocation trap. Each runs in a process of
/// its own with a small `--memory-limit`, so the growth stops early and the limit is exact.
@Suite struct MemoryLimitTests {
    struct Case: CustomStringConvertible, Sendable {
        let limit: String
        let code: String
        let message: String
        var description: String { code }
    }

    static let growth: [Case] = [
        Case(limit: "64M", code: "xs = [1]\nwhile true { xs = xs + xs }", message: "more than the memory limit of 64.0 MiB"),
        Case(limit: "64M", code: "s = \"ab\"\nwhile true { s = s + s }", message: "more than the memory limit of 64.0 MiB"),
        Case(limit: "64M", code: "xs = []\nwhile true { xs.append(1) }", message: "more than the memory limit of 64.0 MiB"),
        Case(limit: "64M", code: "x = 0\nx = [i for i in range(1e10) if i >= 0]", message: "more than the memory limit of 64.0 MiB"),
        Case(limit: "64M", code: "x = 0\nx = list(range(1e12))", message: "cannot allocate 21.8 TiB: more than the memory limit of 64.0 MiB"),
        Case(limit: "256M", code: "x = ones(2e7)\ny = argsort(x)", message: "more than the memory limit of 256.0 MiB"),
        Case(limit: "512M", code: "x = arange(3e7)\ny = unique(x)", message: "memory limit"),
        Case(limit: "16M", code: "x = 1\nx = zeros(1000, 1000, 10)", message: "cannot allocate 38.1 MiB: more than the memory limit of 16.0 MiB"),
    ]

    @Test(arguments: growth)
    func growthStopsAtTheLimitWithAPositionedError(_ c: Case) throws {
        let result = try runMnistRepl(["--memory-limit", c.limit, "-e", c.code], timeout: .seconds(120))
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stderr.hasPrefix("<command line>:2:"), "\(result)")
        #expect(result.stderr.contains("cannot allocate") && result.stderr.contains(c.message), "\(result)")
    }

    @Test func aFirstCSVLineOfMillionsOfFieldsIsRefusedCleanly() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("wide.csv", Array(repeating: "0", count: 4_000_000).joined(separator: ",") + "\n")
        let result = try runMnistRepl(["--memory-limit", "16M", "-e", "t = read_csv(\"\(csv)\", header=\"absent\")"])
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stderr.contains("wide.csv: refusing a first line of more than"), "\(result)")
        let fits = try runMnistRepl(["--memory-limit", "1G", "-e", "t = read_csv(\"\(csv)\", header=\"absent\")\nprint(t.shape, t.c3999999.shape)"])
        #expect(fits.status == 0, "\(fits)")
        #expect(fits.stdout == "(1, 4000000) (1,)\n", "\(fits)")
    }

    @Test func memoryLimitReadsAndSetsTheBudget() throws {
        let result = try runMnistRepl(["-e", """
            memory_limit("1M")
            print(memory_limit().limit)
            memory_limit(2 ** 30)
            print(memory_limit().limit, memory_limit().in_use)
            x = zeros(1000, 1000)
            print(memory_limit().in_use)
            memory_limit("1M")
            y = zeros(10)
            """])
        #expect(result.stdout == "1048576\n1073741824 0\n4000000\n", "\(result)")
        #expect(result.status == 1 && !result.signaled, "\(result)")
        #expect(result.stderr.contains("<command line>:8:5: error: cannot allocate 40 bytes: 3.8 MiB of the 1.0 MiB memory limit is in use"),
                "\(result)")
    }

    @Test func aBadLimitIsAUsageError() throws {
        let result = try runMnistRepl(["--memory-limit", "2Q", "-e", "1"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--memory-limit: '2Q' is not a size"), "\(result)")
        let bad = try runMnistRepl(["-e", "memory_limit(\"lots\")"])
        #expect(bad.status == 1 && bad.stderr.contains("memory_limit: 'lots' is not a size"), "\(bad)")
    }

    /// With `ulimit -v`, the default budget is 60 % of it: the rest of the address space holds
    /// code, stacks and BLAS buffers. Growing a list there ends in the budget's error.
    @Test func anAddressSpaceLimitLowersTheDefault() throws {
        let binary = try Binary.require()
        let script = "ulimit -v 4000000 && exec \"$0\" -e 'print(memory_limit().limit)\nxs = [1]\nwhile true { xs = xs + xs }'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, binary]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(stdout == "\(4_000_000 * 1024 / 5 * 3)\n", "\(stderr)")
        #expect(process.terminationStatus == 1 && process.terminationReason == .exit, "\(stderr)")
        #expect(stderr.contains("<command line>:3:") && stderr.contains("more than the memory limit of 2.3 GiB"), "\(stderr)")
    }
}
