/// How a grey level becomes a colour, by matplotlib's names. Only grey rasters use one; RGB
/// rasters carry their own colours.
public enum Colormap: String, CaseIterable, Sendable {
    /// Black (low) to white (high): a digit's white stroke on black, as the course shows it.
    case gray
    /// White to black: ink on paper.
    case gray_r
    /// matplotlib's `binary`, the same as `gray_r`.
    case binary
    /// matplotlib's default: dark purple through teal to yellow (its perceptually uniform map,
    /// interpolated here from 9 of its 256 entries).
    case viridis
    /// Blue, white, red: for signed values such as weights (with vmin = -vmax white is 0).
    case bwr

    /// The names users may give, for error messages.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The colour of `level` (0...1).
    public func colour(_ level: Double) -> RGB {
        switch self {
        case .gray: return RGB(grey: level)
        case .gray_r, .binary: return RGB(grey: 1 - level)
        case .viridis: return Self.interpolate(Self.viridisStops, level)
        case .bwr: return Self.interpolate([RGB(0, 0, 255), RGB(255, 255, 255), RGB(255, 0, 0)], level)
        }
    }

    /// matplotlib's viridis at 0, 1/8, ..., 1.
    private static let viridisStops = [RGB(68, 1, 84), RGB(71, 44, 122), RGB(59, 81, 139), RGB(44, 113, 142), RGB(33, 144, 141),
                                       RGB(39, 173, 129), RGB(92, 200, 99), RGB(170, 220, 50), RGB(253, 231, 37)]

    private static func interpolate(_ stops: [RGB], _ level: Double) -> RGB {
        let x = Swift.min(1, Swift.max(0, level)) * Double(stops.count - 1)
        let i = Swift.min(stops.count - 2, Int(x))
        let t = x - Double(i)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
        return RGB(mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g), mix(stops[i].b, stops[i + 1].b))
    }
}

/// One 8-bit colour.
public struct RGB: Equatable, Hashable, Sendable {
    public let r: UInt8, g: UInt8, b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// The grey of `level` (0 black ... 1 white).
    public init(grey level: Double) {
        let v = UInt8((Swift.min(1, Swift.max(0, level)) * 255).rounded())
        self.init(v, v, v)
    }

    /// Perceived brightness 0...1 (ITU-R BT.601 weights), for the ASCII shades. Summed in
    /// integers so that a grey comes out as exactly its level (51 is 0.2, not 0.19999).
    public var luminance: Double { Double(299 * Int(r) + 587 * Int(g) + 114 * Int(b)) / 255_000 }
}
