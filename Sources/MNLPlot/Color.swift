/// A colour: a place in the colour cycle (matplotlib's "C0".."C9") or an RGB value.
public enum PlotColor: Equatable, Sendable {
    case cycle(Int)
    case rgb(RGB)

    /// The RGB value, the cycle wrapping around as matplotlib's does.
    public var rgb: RGB {
        switch self {
        case .cycle(let i): RGB.tab10[((i % RGB.tab10.count) + RGB.tab10.count) % RGB.tab10.count]
        case .rgb(let c): c
        }
    }

    /// A colour from its matplotlib spelling: "C3", a base name ("red", "r") or "#rrggbb".
    public init(named name: String) throws(PlotError) {
        let lower = name.lowercased()
        if lower.count == 2, lower.first == "c", let d = lower.last?.wholeNumberValue {
            self = .cycle(d)
        } else if let c = RGB.named[lower] {
            self = .rgb(c)
        } else if lower.hasPrefix("#"), lower.count == 7, let v = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(RGB(UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)))
        } else {
            throw .unknownColor(name)
        }
    }
}

public struct RGB: Equatable, Hashable, Sendable {
    public let r, g, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// matplotlib's default colour cycle (tab10).
    public static let tab10: [RGB] = [
        RGB(0x1f, 0x77, 0xb4), RGB(0xff, 0x7f, 0x0e), RGB(0x2c, 0xa0, 0x2c), RGB(0xd6, 0x27, 0x28), RGB(0x94, 0x67, 0xbd),
        RGB(0x8c, 0x56, 0x4b), RGB(0xe3, 0x77, 0xc2), RGB(0x7f, 0x7f, 0x7f), RGB(0xbc, 0xbd, 0x22), RGB(0x17, 0xbe, 0xcf),
    ]

    /// matplotlib's base colours, by name and one-letter code.
    static let named: [String: RGB] = {
        let base: [(String, String, RGB)] = [
            ("blue", "b", RGB(0, 0, 255)), ("green", "g", RGB(0, 128, 0)), ("red", "r", RGB(255, 0, 0)),
            ("cyan", "c", RGB(0, 191, 191)), ("magenta", "m", RGB(191, 0, 191)), ("yellow", "y", RGB(191, 191, 0)),
            ("black", "k", RGB(0, 0, 0)), ("white", "w", RGB(255, 255, 255)),
        ]
        var table: [String: RGB] = ["orange": RGB(255, 165, 0), "gray": RGB(128, 128, 128), "grey": RGB(128, 128, 128),
                                    "purple": RGB(128, 0, 128), "brown": RGB(165, 42, 42), "pink": RGB(255, 192, 203)]
        for (name, letter, c) in base {
            table[name] = c
            table[letter] = c
        }
        return table
    }()

    /// A sequential colour map from light to dark blue (seaborn's "Blues", which heatmaps
    /// of confusion matrices use); `t` in 0...1.
    public static func blues(_ t: Double) -> RGB {
        let t = t.isFinite ? min(1, max(0, t)) : 0
        let light = (247.0, 251.0, 255.0), dark = (8.0, 48.0, 107.0)
        func mix(_ a: Double, _ b: Double) -> UInt8 { UInt8((a + (b - a) * t).rounded()) }
        return RGB(mix(light.0, dark.0), mix(light.1, dark.1), mix(light.2, dark.2))
    }

    /// Perceived brightness in 0...1, to pick readable text on a coloured cell.
    public var luminance: Double { (0.299 * Double(r) + 0.587 * Double(g) + 0.114 * Double(b)) / 255 }
}
