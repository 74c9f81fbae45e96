/// Cell parsing for `CSV`: numbers straight from the bytes, pandas' missing-value spellings.
extension CSV {
    enum CellKind {
        case number(Double)
        case missing
        case bad(String)
    }

    /// pandas' default NA strings.
    static let missingTokens: Set<String> = ["", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
                                             "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a",
                                             "nan", "null"]

    /// Classifies one field's bytes (quotes already removed): a number, missing, or bad.
    static func classify(_ b: UnsafeRawBufferPointer) -> CellKind {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        if lo == hi { return .missing }
        if let base = b.baseAddress?.assumingMemoryBound(to: UInt8.self) {
            var p = lo
            if let v = fastNumber(base, &p, hi, 0x2C), p == hi { return .number(v) }
        }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        if missingTokens.contains(s) { return .missing }
        // Python/pandas spellings of infinity; Double(String) accepts these too.
        let first = b[lo] == 0x2B || b[lo] == 0x2D ? (lo + 1 < hi ? b[lo + 1] : 0) : b[lo]
        let isDigitOrDot = (first >= 0x30 && first <= 0x39) || first == 0x2E
        let lower = s.lowercased()
        let isInf = ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"].contains(lower)
        if isDigitOrDot || isInf, !lower.contains("x"), let v = Double(s) { return .number(v) }
        return .bad(s.count > 40 ? String(s.prefix(40)) + "..." : s)
    }

    private static let pow10: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// Parses a decimal number at raw[p...] that ends at a delimiter, CR, LF or `end`, advancing
    /// `p`; nil (and `p` unchanged) for anything else. Exact: Clinger's fast path (mantissa below
    /// 2^53, power of ten up to 22); other spellings return nil and go through `classify`.
    @inline(__always)
    static func fastNumber(_ raw: UnsafePointer<UInt8>, _ pp: inout Int, _ end: Int, _ delim: UInt8) -> Double? {
        var p = pp
        var neg = false
        if p < end {
            if raw[p] == 0x2D { neg = true; p += 1 } else if raw[p] == 0x2B { p += 1 }
        }
        var mant: UInt64 = 0
        var digits = 0
        while p < end {
            let d = raw[p] &- 0x30
            if d > 9 { break }
            mant = mant &* 10 &+ UInt64(d)
            digits += 1
            p += 1
        }
        var exp10 = 0
        if p < end, raw[p] == 0x2E {
            p += 1
            while p < end {
                let d = raw[p] &- 0x30
                if d > 9 { break }
                mant = mant &* 10 &+ UInt64(d)
                digits += 1
                exp10 -= 1
                p += 1
            }
        }
        if digits == 0 || digits > 19 { return nil }
        if p < end, raw[p] | 0x20 == 0x65 {  // e or E
            p += 1
            var eneg = false
            if p < end {
                if raw[p] == 0x2D { eneg = true; p += 1 } else if raw[p] == 0x2B { p += 1 }
            }
            var e = 0
            var edigits = 0
            while p < end {
                let d = raw[p] &- 0x30
                if d > 9 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                edigits += 1
                p += 1
            }
            if edigits == 0 { return nil }
            exp10 += eneg ? -e : e
        }
        if p < end {
            let c = raw[p]
            if c != delim && c != 0x0A && c != 0x0D { return nil }
        }
        var v: Double
        if mant == 0 {
            v = 0
        } else if mant < (1 << 53) && exp10 >= -22 && exp10 <= 22 {
            v = Double(mant)
            if exp10 > 0 { v *= pow10[exp10] } else if exp10 < 0 { v /= pow10[-exp10] }
        } else {
            return nil
        }
        pp = p
        return neg ? -v : v
    }
}
