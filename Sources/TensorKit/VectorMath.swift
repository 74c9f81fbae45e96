import CVectorMath

/// Run-time dispatch of the hot elementwise kernels to AVX-512 or AVX2 code (CVectorMath, with
/// SLEEF's vector exp/log/tanh). The Swift kernels are compiled for the portable x86-64 baseline
/// (4 floats wide); on a CPU with AVX2 or AVX-512 the contiguous loops of these ops run 8 or 16
/// wide instead. Below AVX2, or off x86-64, every call returns false and the Swift loop runs.
enum VectorMath {
    /// The vector level the kernels use: the CPU's (3 = AVX-512, 2 = AVX2 with FMA).
    static let level = Int32(CPUFeatureSet.current.vectorLevel)

    /// The values of CVectorMath's MNL_VEC_ function constants.
    enum Unary: Int32 {
        case exp = 0, log = 1, tanh = 2, sigmoid = 3
        case sin = 4, cos = 5, tan = 6, asin = 7, acos = 8, atan = 9
        case log1p = 12, expm1 = 13, log2 = 14, log10 = 15  // 10, 11: no kernel (sinh, cosh)
    }
    enum Arithmetic: Int32 { case add = 0, sub = 1, mul = 2, div = 3 }

    /// y[i] = f(x[i]) for i < n, for float32 and float64; false when no vector kernel ran.
    @inline(__always)
    static func unary<T>(_ f: Unary, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ n: Int,
                         level: Int32 = level) -> Bool {
        guard level >= 2 else { return false }
        if T.self == Float.self {
            return mnl_vec_unary_f32(level, f.rawValue, raw(x, Float.self), raw(y, Float.self), n) != 0
        }
        if T.self == Double.self {
            return mnl_vec_unary_f64(level, f.rawValue, raw(x, Double.self), raw(y, Double.self), n) != 0
        }
        return false
    }

    /// y[i] = a[i·sa] op b[i·sb] for i < n, where the strides are 1 (array) or 0 (scalar);
    /// false when no vector kernel ran (another type, a partial overlap, or a low level).
    @inline(__always)
    static func arithmetic<T>(_ op: Arithmetic, _ a: UnsafePointer<T>, _ sa: Int, _ b: UnsafePointer<T>, _ sb: Int,
                              _ y: UnsafeMutablePointer<T>, _ n: Int, level: Int32 = level) -> Bool {
        guard level >= 2 else { return false }
        if T.self == Float.self {
            return mnl_vec_binary_f32(level, op.rawValue, raw(a, Float.self), sa, raw(b, Float.self), sb,
                                      raw(y, Float.self), n) != 0
        }
        if T.self == Double.self {
            return mnl_vec_binary_f64(level, op.rawValue, raw(a, Double.self), sa, raw(b, Double.self), sb,
                                      raw(y, Double.self), n) != 0
        }
        return false
    }

    /// y[i] = x[i] truncated to int64 (the minimum for NaN and out of range, as
    /// `saturatingInt64`), for float32 and float64 sources; false when no vector kernel ran.
    @inline(__always)
    static func truncateToInt64<T>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<Int64>, _ n: Int,
                                   level: Int32 = level) -> Bool {
        guard level >= 3 else { return false }
        let out = UnsafeMutableRawPointer(y).assumingMemoryBound(to: CLongLong.self)
        if T.self == Float.self { return mnl_vec_f32_to_i64(level, raw(x, Float.self), out, n) != 0 }
        if T.self == Double.self { return mnl_vec_f64_to_i64(level, raw(x, Double.self), out, n) != 0 }
        return false
    }

    /// The first position of the largest (or smallest) of `n > 0` contiguous values, or of the
    /// first NaN; nil when no vector kernel ran.
    @inline(__always)
    static func argExtreme<T>(_ x: UnsafePointer<T>, _ n: Int, max: Bool, level: Int32 = level) -> Int? {
        guard level >= 2 else { return nil }
        let r: Int
        if T.self == Float.self {
            r = mnl_vec_argextreme_f32(level, raw(x, Float.self), n, max ? 1 : 0)
        } else if T.self == Double.self {
            r = mnl_vec_argextreme_f64(level, raw(x, Double.self), n, max ? 1 : 0)
        } else {
            return nil
        }
        return r >= 0 ? r : nil
    }

    @inline(__always) private static func raw<T, U>(_ p: UnsafePointer<T>, _: U.Type) -> UnsafePointer<U> {
        UnsafeRawPointer(p).assumingMemoryBound(to: U.self)
    }
    @inline(__always) private static func raw<T, U>(_ p: UnsafeMutablePointer<T>, _: U.Type) -> UnsafeMutablePointer<U> {
        UnsafeMutableRawPointer(p).assumingMemoryBound(to: U.self)
    }
}
