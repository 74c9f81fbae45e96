/// Pictures drawn with characters, for terminals and plain text. A pure function of the grid,
/// the width available and the style, so tests compare it with golden text.
public enum TextImage {
    /// Columns between two pictures of a grid.
    static let gap = 2

    /// The grid as lines of text at most `width` columns wide: each picture shrunk by the
    /// smallest whole factor that makes the row fit, its title (wrapped to two lines) under it.
    public static func render(_ grid: ImageGrid, width: Int, style: TextImageStyle) -> [String] {
        if style == .none { return [describe(grid)] }
        let factor = shrinkFactor(grid, width: width)
        let pictures = grid.pictures.map { $0.shrunk(by: factor) }
        let cellWidth = pictures.map(\.width).max() ?? 1
        let cellRows = ((pictures.map(\.height).max() ?? 1) + 1) / 2
        let titleLines = grid.hasTitles ? grid.titles.map { wrap($0, width: cellWidth) } : []
        let titleRows = titleLines.map(\.count).max() ?? 0
        var lines: [String] = []
        for row in 0..<grid.rows {
            let members = Array((row * grid.columns)..<Swift.min(pictures.count, (row + 1) * grid.columns))
            if row > 0 && titleRows > 0 { lines.append("") }
            for cellRow in 0..<cellRows {
                let cells = members.map { cell(pictures[$0], row: cellRow, width: cellWidth, style: style) }
                lines.append(trimmed(cells.joined(separator: String(repeating: " ", count: gap))))
            }
            for t in 0..<titleRows {
                let cells = members.map { i in centred(t < titleLines[i].count ? titleLines[i][t] : "", width: cellWidth) }
                lines.append(trimmed(cells.joined(separator: String(repeating: " ", count: gap))))
            }
        }
        return lines
    }

    /// `image 28×28` or `5×5 grid of 25 images 28×28`, for `MNL_IMAGES=none`.
    public static func describe(_ grid: ImageGrid) -> String {
        let size = "\(grid.cellWidth)×\(grid.cellHeight)"
        if grid.pictures.count == 1 { return "<image \(size)>" }
        return "<\(grid.rows)×\(grid.columns) grid of \(grid.pictures.count) images \(size)>"
    }

    /// The smallest factor by which shrinking every picture lets a row of the grid fit.
    static func shrinkFactor(_ grid: ImageGrid, width: Int) -> Int {
        let available = Swift.max(1, width - gap * (grid.columns - 1))
        var factor = 1
        while factor < grid.cellWidth && (grid.cellWidth + factor - 1) / factor * grid.columns > available { factor += 1 }
        return factor
    }

    /// One text row (two pixel rows) of `picture`, padded to `width` columns.
    static func cell(_ picture: Picture, row: Int, width: Int, style: TextImageStyle) -> String {
        let top = 2 * row, bottom = 2 * row + 1
        guard top < picture.height else { return String(repeating: " ", count: width) }
        let pad = String(repeating: " ", count: width - picture.width)
        switch style {
        case .ascii:
            var s = ""
            for x in 0..<picture.width {
                let a = picture[x, top].luminance
                let b = bottom < picture.height ? picture[x, bottom].luminance : a
                s.append(shade((a + b) / 2))
            }
            return s + pad
        case .trueColour, .colour256:
            return halfBlocks(picture, top: top, style: style) + pad
        case .none:
            return ""
        }
    }

    /// ASCII shades from dark to bright, as brightness on a dark terminal.
    static let shades = Array(" .:-=+*#%@")

    static func shade(_ level: Double) -> Character {
        shades[Swift.min(shades.count - 1, Swift.max(0, Int(level * Double(shades.count))))]
    }

    /// Cells of ▀: the upper pixel is the foreground, the lower the background. A colour is
    /// sent only when it changes along the row, and the row ends with a reset so padding and
    /// titles keep the terminal's own colours.
    static func halfBlocks(_ picture: Picture, top: Int, style: TextImageStyle) -> String {
        let hasBottom = top + 1 < picture.height
        var s = ""
        var fg: RGB?, bg: RGB?
        for x in 0..<picture.width {
            let upper = picture[x, top]
            if upper != fg { s += escape(upper, background: false, style); fg = upper }
            if hasBottom {
                let lower = picture[x, top + 1]
                if lower != bg { s += escape(lower, background: true, style); bg = lower }
            }
            s += "▀"
        }
        return s + "\u{1B}[0m"
    }

    static func escape(_ c: RGB, background: Bool, _ style: TextImageStyle) -> String {
        let layer = background ? 48 : 38
        if style == .trueColour { return "\u{1B}[\(layer);2;\(c.r);\(c.g);\(c.b)m" }
        return "\u{1B}[\(layer);5;\(Palette256.nearest(c))m"
    }

    /// `text` in at most two lines of at most `width` characters, broken at a space: after
    /// a comma when that fits ("Pred: 7, True: 7" under a 14-column digit is "Pred: 7," over
    /// "True: 7"), else where the longer line is shortest; what still does not fit is cut with …
    static func wrap(_ text: String, width: Int) -> [String] {
        guard text.count > width else { return [text] }
        let words = text.split(separator: " ").map(String.init)
        let splits = (1..<Swift.max(1, words.count)).map { i in
            (words[..<i].joined(separator: " "), words[i...].joined(separator: " "))
        }
        let fitting = splits.filter { $0.0.count <= width && $0.1.count <= width }
        if let best = fitting.first(where: { $0.0.hasSuffix(",") }) ?? fitting.min(by: { Swift.max($0.0.count, $0.1.count) < Swift.max($1.0.count, $1.1.count) }) {
            return [best.0, best.1]
        }
        let greedy = splits.last(where: { $0.0.count <= width }) ?? splits.first ?? (text, "")
        return [greedy.0, greedy.1].filter { !$0.isEmpty }.map { $0.count <= width ? $0 : String($0.prefix(Swift.max(0, width - 1))) + "…" }
    }

    static func centred(_ text: String, width: Int) -> String {
        let left = Swift.max(0, (width - text.count) / 2)
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: Swift.max(0, width - left - text.count))
    }

    /// Lines carry no trailing spaces (golden files and copy-paste stay clean).
    static func trimmed(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// The xterm 256-colour palette above the 16 system colours: a 6×6×6 cube and 24 greys.
enum Palette256 {
    static let levels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The palette index whose colour is nearest to `c` (cube or grey ramp).
    static func nearest(_ c: RGB) -> Int {
        let (r, g, b) = (Int(c.r), Int(c.g), Int(c.b))
        func step(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) } ?? 0 }
        let (ri, gi, bi) = (step(r), step(g), step(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance((levels[ri], levels[gi], levels[bi]), (r, g, b))
        let mean = (r + g + b) / 3
        let greyIndex = Swift.min(23, Swift.max(0, (mean - 8 + 5) / 10))
        let grey = 8 + 10 * greyIndex
        return distance((grey, grey, grey), (r, g, b)) < cubeDistance ? 232 + greyIndex : cube
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1) + (a.2 - b.2) * (a.2 - b.2)
    }
}
