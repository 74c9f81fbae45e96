// CPU feature detection for mnist-repl: CPUID leaves 1 and 7 plus XGETBV, which says whether
// the operating system saves the YMM/ZMM registers (a CPU flag alone is not enough).
#include "cpu_features.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <string.h>

static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

mnl_cpu_features mnl_read_cpu_features(void) {
    mnl_cpu_features f;
    memset(&f, 0, sizeof f);
    f.is_x86 = 1;
    unsigned int a, b, c, d;
    if (!__get_cpuid(0, &a, &b, &c, &d)) return f;
    unsigned int max_leaf = a;
    // "AuthenticAMD" / "HygonGenuine": EBX holds the first four characters.
    f.vendor_amd = (b == 0x68747541u /* "Auth" */ || b == 0x6f677948u /* "Hygo" */);
    if (!__get_cpuid(1, &a, &b, &c, &d)) return f;
    int osxsave = (c >> 27) & 1, cpu_avx = (c >> 28) & 1;
    f.fma = (c >> 12) & 1;
    unsigned long long xcr0 = osxsave ? read_xcr0() : 0;
    int ymm_saved = (xcr0 & 0x6) == 0x6;            // SSE and AVX state
    int zmm_saved = ymm_saved && (xcr0 & 0xE0) == 0xE0;  // opmask, ZMM_Hi256, Hi16_ZMM
    f.avx = cpu_avx && ymm_saved;
    if (max_leaf < 7) return f;
    __cpuid_count(7, 0, a, b, c, d);
    f.avx2 = f.avx && ((b >> 5) & 1);
    int avx512f = (b >> 16) & 1, avx512dq = (b >> 17) & 1, avx512cd = (b >> 28) & 1;
    int avx512bw = (b >> 30) & 1, avx512vl = (b >> 31) & 1;
    f.avx512 = zmm_saved && avx512f && avx512dq && avx512cd && avx512bw && avx512vl;
    unsigned int sub_leaves = a;
    if (sub_leaves >= 1) {
        __cpuid_count(7, 1, a, b, c, d);
        f.avx512_bf16 = f.avx512 && ((a >> 5) & 1);
    }
    return f;
}

#else

mnl_cpu_features mnl_read_cpu_features(void) {
    mnl_cpu_features f = {0, 0, 0, 0, 0, 0, 0};
    return f;
}

#endif
