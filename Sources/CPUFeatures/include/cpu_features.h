#ifndef MNL_CPU_FEATURES_H
#define MNL_CPU_FEATURES_H

/// What the CPU and the operating system let programs use, read from CPUID and XGETBV
/// (never from the model number). All zero on processors other than x86-64.
typedef struct {
    int is_x86;       ///< 1 on x86-64
    int vendor_amd;   ///< 1 on AMD (and Hygon) processors
    int avx;          ///< AVX, with the OS saving YMM state
    int avx2;         ///< AVX2, with the OS saving YMM state
    int fma;          ///< FMA3
    int avx512;       ///< AVX-512 F, CD, DQ, BW and VL (OpenBLAS's SkylakeX set), with the OS saving ZMM state
    int avx512_bf16;  ///< AVX512_BF16 (OpenBLAS's Cooperlake set)
} mnl_cpu_features;

/// Reads the features of the CPU this process runs on.
mnl_cpu_features mnl_read_cpu_features(void);

#endif
