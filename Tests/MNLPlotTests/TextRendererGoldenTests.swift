import Testing
@testable import MNLPlot

/// More text renderings at fixed widths: side-by-side axes with a histogram and a log scale,
/// plain; two line styles with a legend in 256 colours. Snapshots checked by eye when made:
/// bar heights 1-2-3-2-1, one decade per tick on the log axis, palette colours 31 and 208
/// (matplotlib's blue and orange in the 6×6×6 cube) on the braille dots and legend marks.
@Suite struct TextRendererGoldenTests {
    @Test func histogramBesideALogScaleCurve() throws {
        var f = try Figure(rows: 1, cols: 2)
        try f.axes[0].hist([1, 2, 2, 3, 3, 3, 4, 4, 5], bins: 5)
        f.axes[0].title = "hist"
        try f.axes[1].plot(x: nil, y: [1, 10, 100, 1000], label: "growth")
        f.axes[1].yscale = .log
        f.axes[1].title = "log scale"
        #expect(try render(f, width: 60) == Self.histogramAndLog)
    }

    @Test func twoStylesWithALegendIn256Colours() throws {
        var f = try Figure()
        try f.axes[0].plot(x: nil, y: [3, 1, 2], label: "a")
        try f.axes[0].plot(x: nil, y: [1, 2, 3], label: "b", style: .dashed)
        f.axes[0].legend = true
        #expect(try render(f, width: 30, color: .ansi256) == Self.stylesIn256)
    }

    func render(_ f: Figure, width: Int, color: ColorMode = .none) throws -> [String] {
        try TextRenderer.render(f, width: width, height: TextRenderer.suggestedHeight(f, width: width), color: color)
    }

    static let histogramAndLog: [String] = [
        "            hist                         log scale",
        "3 ┤          ██████            1000 ┤                     ⡠⠊",
        "  │          ██████                 │                  ⢀⡠⠊",
        "  │          ██████                 │                ⢀⠔⠁",
        "2 ┤     ▃▃▃▃▃██████▃▃▃▃▃        100 ┤              ⢀⠔⠁",
        "  │     ████████████████            │            ⢀⠔⠁",
        "  │     ████████████████            │          ⢀⠔⠁",
        "  │     ████████████████            │        ⢀⠔⠁",
        "1 ┤▅▅▅▅▅████████████████▅▅▅▅▅    10 ┤      ⢀⠔⠁",
        "  │██████████████████████████       │    ⢀⠔⠁",
        "  │██████████████████████████       │  ⡠⠊⠁",
        "0 ┤██████████████████████████     1 ┤⡠⠊",
        "  └──────┬────────────┬──────       └┬──────────────┬───────",
        "         2            4              0              2",
    ]

    static let stylesIn256: [String] = [
        "3.0 ┤\u{1B}[38;5;31m⠱⡀\u{1B}[0m                     \u{1B}[38;5;208m⠠⠊\u{1B}[0m",
        "    │ \u{1B}[38;5;31m⠱⡀\u{1B}[0m                 \u{1B}[38;5;208m⢀⠔\u{1B}[0m",
        "    │  \u{1B}[38;5;31m⠘⡄\u{1B}[0m                \u{1B}[38;5;208m⠁\u{1B}[0m",
        "2.5 ┤   \u{1B}[38;5;31m⠈⢆\u{1B}[0m           \u{1B}[38;5;208m⢀⠔⠁\u{1B}[0m",
        "    │    \u{1B}[38;5;31m⠈⢆\u{1B}[0m        \u{1B}[38;5;208m⡠\u{1B}[0m",
        "2.0 ┤      \u{1B}[38;5;31m⢣\u{1B}[0m      \u{1B}[38;5;208m⠊\u{1B}[0m          \u{1B}[38;5;31m⡠\u{1B}[0m",
        "    │       \u{1B}[38;5;31m⠱⡀\u{1B}[0m \u{1B}[38;5;208m⠔⠊\u{1B}[0m         \u{1B}[38;5;31m⢀⠔⠊\u{1B}[0m",
        "    │       \u{1B}[38;5;208m⡠⠵\u{1B}[0m\u{1B}[38;5;31m⡀\u{1B}[0m         \u{1B}[38;5;31m⢀⠔⠁\u{1B}[0m",
        "1.5 ┤    \u{1B}[38;5;208m⢀\u{1B}[0m \u{1B}[38;5;208m⠈\u{1B}[0m  \u{1B}[38;5;31m⠘⡄\u{1B}[0m      \u{1B}[38;5;31m⡠⠊⠁\u{1B}[0m",
        "    │   \u{1B}[38;5;208m⠔⠁\u{1B}[0m     \u{1B}[38;5;31m⠈⢆\u{1B}[0m  \u{1B}[38;5;31m⢀⡠⠊\u{1B}[0m",
        "1.0 ┤\u{1B}[38;5;208m⡠⠂\u{1B}[0m         \u{1B}[38;5;31m⠈⢆⠔⠁\u{1B}[0m",
        "    └┬───────────┬───────────┬",
        "     0           1           2",
        "\u{1B}[38;5;31m─\u{1B}[0m a  \u{1B}[38;5;208m─\u{1B}[0m b",
    ]
}
