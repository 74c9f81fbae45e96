import Foundation
import MNLTestSupport
import Testing

/// Issue 7: Debian's OpenBLAS 0.3.21 does not know recent CPUs and falls back to its generic SSE3
/// kernels (`Prescott`), five times slower. mnist-repl must run kernels that match the CPU.
/// The CPU's abilities come from the kernel's /proc/cpuinfo here, independently of the CPUID
/// code under test. Where the machine itself sets OPENBLAS_CORETYPE (some images pin a core on
/// CPUs where others misbehave), that choice is the user's and must be kept, which the second
/// test checks; the first then has nothing to decide.
@Suite struct BLASCoreTests {
    static let avx512Cores: Set = ["skylakex", "cooperlake", "sapphirerapids"]
    static let avx2Cores: Set = ["haswell", "zen", "excavator"]

    /// The CPU flags of the first processor in /proc/cpuinfo (empty where there is none).
    static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    @Test func gemmRunsOnKernelsThatMatchTheCPU() throws {
        let flags = Self.cpuFlags()
        guard flags.contains("avx2") && flags.contains("fma") else { return }  // nothing better than generic exists
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil else { return }
        let result = try runMnistRepl(["-e", "print(blas_info().core)\nprint(tensor([[1, 2]]) @ tensor([[3], [4]]))"],
                                      unsetting: ["MNL_OPENBLAS_DETECTED", "OPENBLAS_VERBOSE"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let core = lines.first?.lowercased() ?? ""
        let avx512 = ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"].allSatisfy(flags.contains)
        let expected = avx512 ? Self.avx512Cores : Self.avx512Cores.union(Self.avx2Cores)
        #expect(expected.contains(core), "BLAS runs core '\(core)' on a CPU with \(avx512 ? "AVX-512" : "AVX2"): \(result)")
        #expect(lines.dropFirst().first == "[[11.]]", "\(result)")
    }

    @Test func aCoreTheUserChoseIsKept() throws {
        let chosen = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "Prescott"
        let result = try runMnistRepl(["-e", "i = blas_info()\nprint(i.core, i.detected_core)"],
                                      environment: ["OPENBLAS_CORETYPE": chosen], unsetting: ["MNL_OPENBLAS_DETECTED"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.lowercased() == "\(chosen.lowercased()) nil\n", "\(result)")
    }
}
