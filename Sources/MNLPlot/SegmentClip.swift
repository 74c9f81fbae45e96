/// Liang–Barsky clipping of line segments, which both renderers (braille dots and Cairo)
/// apply before drawing: a segment with an end far outside (a log axis near 0, a zoomed
/// xlim) becomes the part that shows.
public enum SegmentClip {
    /// The part of segment a–b inside the square `bounds` × `bounds` (fractions of the plot
    /// area), or nil when none is.
    public static func clip(_ a: (Double, Double), _ b: (Double, Double),
                            to bounds: ClosedRange<Double> = 0...1) -> ((Double, Double), (Double, Double))? {
        let (lo, hi) = (bounds.lowerBound, bounds.upperBound)
        var t0 = 0.0, t1 = 1.0
        let dx = b.0 - a.0, dy = b.1 - a.1
        for (p, q) in [(-dx, a.0 - lo), (dx, hi - a.0), (-dy, a.1 - lo), (dy, hi - a.1)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            }
        }
        guard t0 <= t1, t0.isFinite, t1.isFinite else { return nil }
        // Rounding can leave an end a hair outside the square; pull it in.
        func at(_ t: Double) -> (Double, Double) { (min(hi, max(lo, a.0 + t * dx)), min(hi, max(lo, a.1 + t * dy))) }
        return (at(t0), at(t1))
    }
}
