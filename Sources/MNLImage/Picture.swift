/// An image as colours: what the renderers draw. Made from a `Raster` with a scaling and a
/// colour map, so every renderer (text or file) shows the same colours.
public struct Picture: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major.
    public let pixels: [RGB]

    public init(width: Int, height: Int, pixels: [RGB]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "picture size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// `raster` coloured: grey values through `colormap`, RGB values scaled channel by channel.
    public init(_ raster: Raster, scaling: Scaling, colormap: Colormap = .gray) {
        var pixels: [RGB] = []
        pixels.reserveCapacity(raster.width * raster.height)
        if raster.channels == 1 {
            for v in raster.values { pixels.append(colormap.colour(scaling.level(v))) }
        } else {
            func byte(_ v: Double) -> UInt8 { UInt8((scaling.level(v) * 255).rounded()) }
            var i = 0
            while i < raster.values.count {
                pixels.append(RGB(byte(raster.values[i]), byte(raster.values[i + 1]), byte(raster.values[i + 2])))
                i += 3
            }
        }
        self.init(width: raster.width, height: raster.height, pixels: pixels)
    }

    @inline(__always) public subscript(x: Int, y: Int) -> RGB { pixels[y * width + x] }

    /// The pixels as packed bytes, red, green, blue (what sixel and the display channel take).
    public var rgbBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * height * 3)
        for p in pixels { bytes += [p.r, p.g, p.b] }
        return bytes
    }

    /// The picture made `factor` times smaller on each side by averaging each factor×factor
    /// block (the last blocks may be partial), for terminals narrower than the picture.
    public func shrunk(by factor: Int) -> Picture {
        guard factor > 1 else { return self }
        let w = (width + factor - 1) / factor, h = (height + factor - 1) / factor
        var out: [RGB] = []
        out.reserveCapacity(w * h)
        for by in 0..<h {
            for bx in 0..<w {
                var (r, g, b, n) = (0, 0, 0, 0)
                for y in (by * factor)..<Swift.min(height, (by + 1) * factor) {
                    for x in (bx * factor)..<Swift.min(width, (bx + 1) * factor) {
                        let p = self[x, y]
                        (r, g, b, n) = (r + Int(p.r), g + Int(p.g), b + Int(p.b), n + 1)
                    }
                }
                out.append(RGB(UInt8((r + n / 2) / n), UInt8((g + n / 2) / n), UInt8((b + n / 2) / n)))
            }
        }
        return Picture(width: w, height: h, pixels: out)
    }
}

/// Pictures laid out in rows of `columns`, each with an optional title under it: the
/// course's 5×5 grid of digits titled "Pred: 7, True: 7". One picture alone is a grid too,
/// so every renderer has a single path.
public struct ImageGrid: Equatable, Sendable {
    public let pictures: [Picture]
    /// One per picture, or empty for none.
    public let titles: [String]
    public let columns: Int

    public init(pictures: [Picture], titles: [String] = [], columns: Int? = nil) {
        precondition(!pictures.isEmpty && (titles.isEmpty || titles.count == pictures.count), "grid contents")
        self.pictures = pictures
        self.titles = titles
        self.columns = Swift.max(1, Swift.min(pictures.count, columns ?? Self.defaultColumns(pictures.count)))
    }

    public init(_ picture: Picture, title: String? = nil) {
        self.init(pictures: [picture], titles: title.map { [$0] } ?? [], columns: 1)
    }

    /// Near-square: 25 pictures in 5 columns, 10 in 4, 3 in 3.
    static func defaultColumns(_ n: Int) -> Int {
        var c = 1
        while c * c < n { c += 1 }
        return c
    }

    public var rows: Int { (pictures.count + columns - 1) / columns }
    public var hasTitles: Bool { titles.contains { !$0.isEmpty } }
    /// The largest picture's size: every cell of the grid is that big.
    public var cellWidth: Int { pictures.map(\.width).max() ?? 0 }
    public var cellHeight: Int { pictures.map(\.height).max() ?? 0 }
}
