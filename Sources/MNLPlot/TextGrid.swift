/// A rectangle of character cells, each a plain character or a braille pattern, with its
/// colours. Panels draw into grids, grids are pasted side by side, and `lines(_:)` encodes
/// the whole once, so colour escapes never split a character or count towards a width.
struct TextGrid {
    enum Glyph: Equatable {
        case blank
        case char(Character)
        /// Raised dots of a braille cell (bit i as in Unicode's U+2800 block).
        case braille(UInt8)
    }

    struct Cell: Equatable {
        var glyph: Glyph = .blank
        var foreground: RGB?
        var background: RGB?
    }

    let width: Int
    let height: Int
    private(set) var cells: [Cell]

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Writes `text` from column `x` of row `y`, clipped to the grid.
    mutating func put(_ text: String, x: Int, y: Int, foreground: RGB? = nil, background: RGB? = nil) {
        for (i, ch) in text.enumerated() where contains(x + i, y) {
            self[x + i, y] = Cell(glyph: ch == " " ? .blank : .char(ch), foreground: foreground,
                                  background: background)
        }
    }

    /// `text` centred in columns `x..<x+width` of row `y` (cut to fit).
    mutating func center(_ text: String, x: Int, width: Int, y: Int, foreground: RGB? = nil, background: RGB? = nil) {
        let shown = String(text.prefix(max(0, width)))
        put(shown, x: x + (width - shown.count) / 2, y: y, foreground: foreground, background: background)
    }

    /// Raises one braille dot: pixel (px, py) of a grid seen as 2 × 4 dots per cell.
    mutating func dot(px: Int, py: Int, color: RGB) {
        let x = px >> 1, y = py >> 2
        guard contains(x, y) else { return }
        var cell = self[x, y]
        var bits: UInt8 = 0
        if case .braille(let b) = cell.glyph { bits = b }
        cell.glyph = .braille(bits | Self.dotBit(column: px & 1, row: py & 3))
        cell.foreground = color
        self[x, y] = cell
    }

    /// Unicode numbers the dots 1-2-3 down the left column, 4-5-6 down the right, and 7, 8
    /// under them (added later to the standard, hence the odd bits).
    static func dotBit(column: Int, row: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40], right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }

    /// Copies `other` with its top-left corner at (x, y), clipped.
    mutating func paste(_ other: TextGrid, x: Int, y: Int) {
        for oy in 0..<other.height {
            for ox in 0..<other.width where contains(x + ox, y + oy) { self[x + ox, y + oy] = other[ox, oy] }
        }
    }

    /// The rows as text: colour escapes only where colours change, each row reset at its
    /// end, trailing blanks dropped.
    func lines(_ mode: ColorMode) -> [String] {
        (0..<height).map { y in
            var row = (0..<width).map { self[$0, y] }
            while let last = row.last, last.glyph == .blank, last.background == nil || mode == .none { row.removeLast() }
            return encode(row, mode)
        }
    }

    private func encode(_ row: [Cell], _ mode: ColorMode) -> String {
        var text = ""
        var current: (RGB?, RGB?) = (nil, nil)
        for cell in row {
            let wanted = mode == .none ? (nil, nil) : (cell.glyph == .blank ? nil : cell.foreground, cell.background)
            if wanted != current {
                if current != (nil, nil) { text += ColorMode.reset }
                if let f = wanted.0 { text += mode.sequence(f) }
                if let b = wanted.1 { text += mode.sequence(b, background: true) }
                current = wanted
            }
            text += String(Self.character(cell.glyph))
        }
        if current != (nil, nil) { text += ColorMode.reset }
        return text
    }

    static func character(_ g: Glyph) -> Character {
        switch g {
        case .blank: " "
        case .char(let c): c
        case .braille(let bits): Character(Unicode.Scalar(0x2800 + UInt32(bits)) ?? " ")
        }
    }
}
