import Testing
@testable import MNLPlot

/// Text renderings compared line by line at fixed sizes, plain and in colour. The same
/// figures drawn from a script are in Tests/ScriptTests/Scripts/figures/.
@Suite struct TextRendererTests {
    @Test func lossCurvesWithTitleLabelsAndLegend() throws {
        var f = try Figure()
        try f.axes[0].plot(x: nil, y: [2.0, 1.1, 0.7, 0.5, 0.4, 0.35], label: "train")
        try f.axes[0].plot(x: nil, y: [2.1, 1.3, 1.0, 0.9, 0.95, 1.0], label: "val", color: PlotColor(named: "red"))
        f.axes[0].title = "loss"
        f.axes[0].xlabel = "epoch"
        f.axes[0].legend = true
        #expect(try render(f, width: 40) == Golden.lossCurves)
    }

    @Test func barChartNamesEveryCategory() throws {
        var f = try Figure()
        try f.axes[0].bar(labels: ["a", "b", "c"], values: [1, 3, 2])
        #expect(try render(f, width: 24) == Golden.barChart)
    }

    @Test func heatmapWritesItsCountsPlainAndInColour() throws {
        var f = try Figure()
        try f.axes[0].heatmap([[9, 1], [2, 7]], annotate: true, xticklabels: ["cat", "dog"], yticklabels: ["cat", "dog"])
        #expect(try render(f, width: 20) == Golden.heatmapPlain)
        #expect(try render(f, width: 20, color: .truecolor) == Golden.heatmapTruecolor)
    }

    @Test func scatterColoursEachClass() throws {
        var f = try Figure()
        try f.axes[0].scatter(x: [0, 1, 2, 3], y: [0, 1, 0, 1], classes: [0, 0, 1, 1])
        #expect(try render(f, width: 20, color: .ansi16) == Golden.scatterClasses16)
    }

    @Test func sizesOutsideTheLimitsAreRefused() throws {
        let f = try Figure()
        #expect(throws: PlotError.badSize(width: 5, height: 10)) { try TextRenderer.render(f, width: 5, height: 10, color: .none) }
        #expect(throws: PlotError.badSize(width: 40, height: 100_000)) { try TextRenderer.render(f, width: 40, height: 100_000, color: .none) }
    }

    @Test func anEmptyAxesSaysSoAndEveryRowFitsTheWidth() throws {
        var f = try Figure(rows: 2, cols: 3)
        try f.axes[4].plot(x: [1, 2, 3], y: [1e300, -1e300, .nan])
        try f.axes[5].hist([1, 2, 3, .infinity], bins: 2)
        f.axes[5].xlim = -1e308...1e308
        let lines = try TextRenderer.render(f, width: 60, height: 24, color: .none)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.contains { $0.contains("(no data)") })
    }

    @Test func dashedAndDottedLinesRaiseFewerDots() throws {
        func dots(_ style: LineStyle) throws -> Int {
            var f = try Figure()
            try f.axes[0].plot(x: nil, y: [0, 1, 2, 3], style: style)
            let text = try render(f, width: 30).joined()
            var raised = 0
            for scalar in text.unicodeScalars where (0x2801...0x28FF).contains(scalar.value) {
                raised += (scalar.value - 0x2800).nonzeroBitCount
            }
            return raised
        }
        let solid = try dots(.solid), dashed = try dots(.dashed), dotted = try dots(.dotted)
        #expect(solid > dashed && dashed > dotted && dotted > 0)
    }

    func render(_ f: Figure, width: Int, color: ColorMode = .none) throws -> [String] {
        try TextRenderer.render(f, width: width, height: TextRenderer.suggestedHeight(f, width: width), color: color)
    }
}

enum Golden {
    static let lossCurves: [String] = [
        "                  loss",
        "    │⡱⡀",
        "2.0 ┤⠘⡜⢄",
        "    │ ⠈⢎⢢",
        "    │  ⠈⢆⠱⡀",
        "1.5 ┤    ⢣⠘⢄",
        "    │     ⠱⡈⠢⢄",
        "    │      ⠱⡀ ⠉⠢⢄⡀",
        "1.0 ┤       ⠈⠒⢄  ⠈⠒⠤⠤⣀⣀⣀     ⣀⣀⣀⣀⣀⣀⣀⠤⠤⠤⠤",
        "    │          ⠑⠢⡀      ⠉⠉⠉⠉⠉",
        "    │            ⠈⠑⠤⣀",
        "0.5 ┤                ⠉⠑⠒⠤⣀⣀",
        "    │                      ⠉⠉⠒⠒⠢⠤⠤⠤⠤⣀⣀⣀⣀",
        "    └┬─────────────┬────────────┬───────",
        "     0             2            4",
        "                 epoch",
        "─ train  ─ val",
    ]

    static let barChart: [String] = [
        "3 ┤       ██████",
        "  │       ██████",
        "  │       ██████",
        "2 ┤       ██████  ▅▅▅▅▅▅",
        "  │       ██████  ██████",
        "  │       ██████  ██████",
        "1 ┤▃▃▃▃▃▃ ██████  ██████",
        "  │██████ ██████  ██████",
        "  │██████ ██████  ██████",
        "0 ┤██████ ██████  ██████",
        "  └───┬──────┬──────┬───",
        "      a      b      c",
    ]

    static let heatmapPlain: [String] = [
        "cat   9    1",
        "dog   2    7",
        "     cat  dog",
    ]

    static let heatmapTruecolor: [String] = [
        "cat \u{1B}[48;2;8;48;107m  \u{1B}[0m\u{1B}[38;2;255;255;255m\u{1B}[48;2;8;48;107m9\u{1B}[0m\u{1B}[48;2;8;48;107m  \u{1B}[0m\u{1B}[48;2;247;251;255m  \u{1B}[0m\u{1B}[38;2;0;0;0m\u{1B}[48;2;247;251;255m1\u{1B}[0m\u{1B}[48;2;247;251;255m  \u{1B}[0m",
        "dog \u{1B}[48;2;217;226;237m  \u{1B}[0m\u{1B}[38;2;0;0;0m\u{1B}[48;2;217;226;237m2\u{1B}[0m\u{1B}[48;2;217;226;237m  \u{1B}[0m\u{1B}[48;2;68;99;144m  \u{1B}[0m\u{1B}[38;2;255;255;255m\u{1B}[48;2;68;99;144m7\u{1B}[0m\u{1B}[48;2;68;99;144m  \u{1B}[0m",
        "     cat  dog",
    ]

    static let scatterClasses16: [String] = [
        "1.0 ┤     \u{1B}[36m⠁\u{1B}[0m        \u{1B}[91m⠈\u{1B}[0m",
        "    │",
        "    │",
        "    │",
        "0.5 ┤",
        "    │",
        "    │",
        "  0 ┤\u{1B}[36m⡀\u{1B}[0m        \u{1B}[91m⢀\u{1B}[0m",
        "    └┬──────────────",
        "     0",
    ]
}
