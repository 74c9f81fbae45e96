/// An image as numbers, before any colour is chosen: `height` rows of `width` pixels,
/// row-major, each pixel one value (grey, shown through a colour map) or three (RGB).
public struct Raster: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (red, green, blue).
    public let channels: Int
    public let values: [Double]

    /// Nil when the sizes disagree with `values.count` or `channels` is not 1 or 3.
    public init?(width: Int, height: Int, channels: Int = 1, values: [Double]) {
        guard width > 0, height > 0, channels == 1 || channels == 3,
              width.multipliedReportingOverflow(by: height).partialValue * channels == values.count else { return nil }
        self.width = width
        self.height = height
        self.channels = channels
        self.values = values
    }
}

/// Which values map to the darkest and the brightest colour (matplotlib's vmin and vmax).
/// Values outside are clipped; NaN shows as the darkest.
public struct Scaling: Equatable, Sendable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// The range of the finite values of `raster`, or the part of it not fixed by `vmin` and
    /// `vmax`. RGB rasters are not stretched to their range, as matplotlib does not: their
    /// values are fractions 0...1, or 0...255 as soon as one exceeds 1 (bytes).
    public static func fitting(_ raster: Raster, vmin: Double? = nil, vmax: Double? = nil) -> Scaling {
        if let vmin, let vmax { return Scaling(low: vmin, high: vmax) }
        var low = Double.infinity, high = -Double.infinity
        for v in raster.values where v.isFinite {
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        if !low.isFinite { (low, high) = (0, 1) }  // nothing finite: everything shows dark
        if raster.channels == 3 { (low, high) = (0, high > 1 ? 255 : 1) }
        return Scaling(low: vmin ?? low, high: vmax ?? high)
    }

    /// `v` as a fraction 0...1 of the range; a range of one value maps everything to 0, as
    /// matplotlib's Normalize does.
    @inline(__always) public func level(_ v: Double) -> Double {
        guard !v.isNaN else { return 0 }
        let span = high - low
        guard span > 0, span.isFinite else { return v > low ? 1 : 0 }
        return Swift.min(1, Swift.max(0, (v - low) / span))
    }
}
