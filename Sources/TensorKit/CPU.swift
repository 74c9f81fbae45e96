import CPUFeatures

/// The vector instructions this CPU offers (and the operating system enables), read from
/// CPUID once per process. BLAS core selection and the elementwise kernels both ask here.
public struct CPUFeatureSet: Sendable, Equatable, CustomStringConvertible {
    public var isX86: Bool
    public var isAMD: Bool
    public var avx: Bool
    public var avx2: Bool
    public var fma: Bool
    /// AVX-512 F, CD, DQ, BW and VL: what OpenBLAS's SkylakeX kernels need.
    public var avx512: Bool
    /// AVX512_BF16 on top of `avx512` (OpenBLAS's Cooperlake).
    public var avx512bf16: Bool

    public init(isX86: Bool = true, isAMD: Bool = false, avx: Bool = false, avx2: Bool = false, fma: Bool = false,
                avx512: Bool = false, avx512bf16: Bool = false) {
        self.isX86 = isX86
        self.isAMD = isAMD
        self.avx = avx
        self.avx2 = avx2
        self.fma = fma
        self.avx512 = avx512
        self.avx512bf16 = avx512bf16
    }

    /// The features of the CPU this process runs on.
    public static let current: CPUFeatureSet = {
        let f = mnl_read_cpu_features()
        return CPUFeatureSet(isX86: f.is_x86 != 0, isAMD: f.vendor_amd != 0, avx: f.avx != 0, avx2: f.avx2 != 0,
                             fma: f.fma != 0, avx512: f.avx512 != 0, avx512bf16: f.avx512_bf16 != 0)
    }()

    /// The widest vector level: 3 for AVX-512, 2 for AVX2 with FMA, 1 for AVX, 0 below.
    public var vectorLevel: Int {
        if avx512 && avx2 && fma { return 3 }
        if avx2 && fma { return 2 }
        return avx ? 1 : 0
    }

    public var description: String {
        guard isX86 else { return "not x86-64" }
        let names = [(avx512bf16, "avx512_bf16"), (avx512, "avx512"), (avx2, "avx2"), (fma, "fma"), (avx, "avx")]
        let list = names.filter(\.0).map(\.1)
        return list.isEmpty ? "sse only" : list.joined(separator: " ")
    }
}
