import Testing
@testable import TensorKit

/// The start-up choice of OpenBLAS kernels, from CPU features (the re-execution itself is
/// tested end to end in CLITests).
@Suite struct BLASCoreChoiceTests {
    static let avx512 = CPUFeatureSet(avx: true, avx2: true, fma: true, avx512: true, avx512bf16: true)
    static let avx2Intel = CPUFeatureSet(avx: true, avx2: true, fma: true)
    static let avx2AMD = CPUFeatureSet(isAMD: true, avx: true, avx2: true, fma: true)
    static let avxOnly = CPUFeatureSet(avx: true)
    static let sse = CPUFeatureSet()

    @Test(arguments: [
        ("Prescott", avx512, "SkylakeX"), ("Core2", avx512, "SkylakeX"), ("Haswell", avx512, "SkylakeX"),
        ("Nehalem", avx2Intel, "Haswell"), ("Atom", avx2AMD, "Zen"), ("Katmai", avxOnly, "Sandybridge"),
        ("SomethingNew", avx2Intel, "Haswell"),
    ])
    func aGenericOrLesserCoreIsUpgraded(current: String, cpu: CPUFeatureSet, expected: String) {
        #expect(OpenBLASCore.upgrade(from: current, cpu: cpu) == expected)
    }

    @Test(arguments: [
        ("SkylakeX", avx512), ("Cooperlake", avx512), ("COOPERLAKE", avx512), ("Haswell", avx2Intel), ("Zen", avx2AMD),
        ("SkylakeX", avx2Intel), ("Prescott", sse), ("Sandybridge", avxOnly),
    ])
    func aCoreAsGoodAsTheCPUIsKept(current: String, cpu: CPUFeatureSet) {
        #expect(OpenBLASCore.upgrade(from: current, cpu: cpu) == nil)
    }

    @Test func nothingIsChosenOffX86() {
        #expect(OpenBLASCore.upgrade(from: "Prescott", cpu: CPUFeatureSet(isX86: false, avx2: true, fma: true)) == nil)
    }

    /// CPUID and the kernel agree on this machine's vector level (the kernel hides what the
    /// OS does not enable, as our XGETBV check does).
    @Test func cpuidAgreesWithProcCpuinfo() throws {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return }
        let flags = Set(line.split(separator: " ").map(String.init))
        let cpu = CPUFeatureSet.current
        #expect(cpu.avx2 == flags.contains("avx2"))
        #expect(cpu.fma == flags.contains("fma"))
        #expect(cpu.avx512 == ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"].allSatisfy(flags.contains))
        #expect(cpu.avx512bf16 == flags.contains("avx512_bf16"))
    }
}
