import Foundation

/// The arithmetic every renderer shares: the ranges an axes shows, where a data value falls
/// as a fraction of the plot area (0 at the left or bottom, 1 at the right or top), and the
/// ticks. A renderer only turns fractions into its own units (braille dots, Cairo points).
public struct AxesGeometry: Sendable {
    /// The shown ranges, in scale space (log10 of the values on a log axis).
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let xscale: Scale
    public let yscale: Scale
    public let xTicks: Ticks
    public let yTicks: Ticks

    /// The geometry of `axes` with at most the given numbers of ticks (a renderer knows how
    /// many labels fit; category names are shorter than numbers, so they have their own
    /// limit). Nil for an axes without data (nothing to map) or a heatmap.
    public init?(_ axes: Axes, maxXTicks: Int, maxYTicks: Int, maxCategories: Int? = nil) {
        var xs = Extent(), ys = Extent()
        var categories: [String]?
        for s in axes.series {
            switch s {
            case .line(let l): xs.add(l.x, axes.xscale); ys.add(l.y, axes.yscale)
            case .scatter(let p): xs.add(p.x, axes.xscale); ys.add(p.y, axes.yscale)
            case .bars(let b):
                xs.add(b.left, axes.xscale)
                xs.add(zip(b.left, b.width).map { $0 + $1 }, axes.xscale)
                ys.add(b.height, axes.yscale)
                // Bars grow from zero, so zero is in view on a linear axis.
                if axes.yscale == .linear { ys.add([0], .linear) }
                if let c = b.categories { categories = c }
            case .heatmap: return nil
            }
        }
        guard let xr = Self.range(axes.xlim, xs, axes.xscale), let yr = Self.range(axes.ylim, ys, axes.yscale) else { return nil }
        xRange = xr
        yRange = yr
        xscale = axes.xscale
        yscale = axes.yscale
        if let categories, axes.xscale == .linear {
            xTicks = Self.categoryTicks(categories, in: xr, maxCount: maxCategories ?? maxXTicks)
        } else {
            xTicks = Self.ticks(xr, axes.xscale, maxXTicks)
        }
        yTicks = Self.ticks(yr, axes.yscale, maxYTicks)
    }

    /// Where `x` falls across the plot area; nil for a value a log axis cannot show.
    public func xFraction(_ x: Double) -> Double? { Self.fraction(x, xRange, xscale) }
    public func yFraction(_ y: Double) -> Double? { Self.fraction(y, yRange, yscale) }

    static func fraction(_ v: Double, _ range: ClosedRange<Double>, _ scale: Scale) -> Double? {
        guard let s = scaled(v, scale) else { return nil }
        return (s - range.lowerBound) / (range.upperBound - range.lowerBound)
    }

    /// A value in scale space; nil when it cannot be shown (NaN, or ≤ 0 on a log axis).
    static func scaled(_ v: Double, _ scale: Scale) -> Double? {
        guard v.isFinite else { return nil }
        switch scale {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : nil
        }
    }

    /// The limits when set, else the data's extent; a single value gets a unit around it.
    static func range(_ limits: ClosedRange<Double>?, _ extent: Extent, _ scale: Scale) -> ClosedRange<Double>? {
        if let limits, let lo = scaled(limits.lowerBound, scale), let hi = scaled(limits.upperBound, scale), lo < hi,
           (hi - lo).isFinite {
            return lo...hi
        }
        guard let lo = extent.low, let hi = extent.high else { return nil }
        guard hi - lo > 0, (hi - lo).isFinite else { return (lo - 0.5)...(lo + 0.5) }
        return lo...hi
    }

    static func ticks(_ r: ClosedRange<Double>, _ scale: Scale, _ maxCount: Int) -> Ticks {
        switch scale {
        case .linear: return Ticks.nice(r.lowerBound, r.upperBound, maxCount: maxCount)
        case .log: return Ticks.logarithmic(pow(10, r.lowerBound), pow(10, r.upperBound), maxCount: maxCount)
        }
    }

    /// Category names at 0, 1, 2... (those inside the range), every k-th when too many.
    static func categoryTicks(_ names: [String], in r: ClosedRange<Double>, maxCount: Int) -> Ticks {
        let every = max(1, (names.count + max(1, maxCount) - 1) / max(1, maxCount))
        let shown = names.indices.filter { $0 % every == 0 && r.contains(Double($0)) }
        return Ticks(values: shown.map(Double.init), labels: shown.map { names[$0] })
    }
}

/// The smallest and largest showable values seen, in scale space.
struct Extent {
    var low: Double?
    var high: Double?

    mutating func add(_ values: [Double], _ scale: Scale) {
        for v in values {
            guard let s = AxesGeometry.scaled(v, scale) else { continue }
            low = min(low ?? s, s)
            high = max(high ?? s, s)
        }
    }
}

/// Where each axes of a figure goes, as fractions of the whole (0,0 at the top left).
public struct FigureLayout {
    public struct Frame: Equatable, Sendable {
        public let x, y, width, height: Double
    }

    /// The frame of the axes at `index` in a `rows` × `cols` grid.
    public static func frame(index: Int, rows: Int, cols: Int) -> Frame {
        let r = index / max(1, cols), c = index % max(1, cols)
        return Frame(x: Double(c) / Double(cols), y: Double(r) / Double(rows), width: 1 / Double(cols), height: 1 / Double(rows))
    }
}
