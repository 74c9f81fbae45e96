import Testing
@testable import MNLPlot

@Suite struct FigureModelTests {
    @Test func seriesOfDifferentLengthsNameBoth() throws {
        var axes = Axes()
        #expect(throws: PlotError.lengthMismatch(first: "x", firstCount: 3, second: "y", secondCount: 2)) {
            try axes.plot(x: [1, 2, 3], y: [1, 2])
        }
        #expect(throws: PlotError.lengthMismatch(first: "x", firstCount: 2, second: "c", secondCount: 1)) {
            try axes.scatter(x: [1, 2], y: [1, 2], classes: [0])
        }
        #expect(throws: PlotError.lengthMismatch(first: "labels", firstCount: 1, second: "values", secondCount: 2)) {
            try axes.bar(labels: ["a"], values: [1, 2])
        }
        #expect(PlotError.lengthMismatch(first: "x", firstCount: 3, second: "y", secondCount: 2).message
            == "x and y must have the same length (x has 3, y has 2)")
        #expect(axes.series.isEmpty)
    }

    @Test func emptyDataAndBadBinsAreRefused() throws {
        var axes = Axes()
        #expect(throws: PlotError.empty(what: "y")) { try axes.plot(x: nil, y: []) }
        #expect(throws: PlotError.empty(what: "x")) { try axes.hist([.nan, .infinity]) }
        #expect(throws: PlotError.badBins(0)) { try axes.hist([1, 2], bins: 0) }
        #expect(throws: PlotError.badBins(10_001)) { try axes.hist([1, 2], bins: 10_001) }
        #expect(throws: PlotError.empty(what: "matrix")) { try axes.heatmap([]) }
        #expect(throws: PlotError.raggedMatrix(row: 1, count: 1, expected: 2)) { try axes.heatmap([[1, 2], [3]]) }
        #expect(throws: PlotError.badLimits(axis: "x", low: 2, high: 2)) { try axes.setLimits("x", 2, 2) }
        #expect(throws: PlotError.badGrid(rows: 0, cols: 1)) { try Figure(rows: 0, cols: 1) }
    }

    @Test func seriesTakeTheColourCycleInTurn() throws {
        var axes = Axes()
        try axes.plot(x: nil, y: [1, 2])
        try axes.plot(x: nil, y: [2, 1], color: PlotColor(named: "red"))
        try axes.plot(x: nil, y: [2, 1])
        #expect(axes.series.map(\.color) == [.cycle(0), .rgb(RGB(255, 0, 0)), .cycle(2)])
        #expect(try PlotColor(named: "C3") == .cycle(3))
        #expect(try PlotColor(named: "#102030") == .rgb(RGB(0x10, 0x20, 0x30)))
        #expect(throws: PlotError.unknownColor("mauve")) { try PlotColor(named: "mauve") }
    }

    @Test func histogramBinsMatchNumPy() throws {
        // np.histogram([1, 2, 2, 3, 3, 3, 4], bins=3) -> [1, 2, 4], edges [1, 2, 3, 4]
        let h = try Histogram([1, 2, 2, 3, 3, 3, 4], bins: 3)
        #expect(h.counts == [1, 2, 4])
        #expect(h.edges == [1, 2, 3, 4])
        #expect(try Histogram([5], bins: 2).edges == [4.5, 5, 5.5])
        #expect(try Histogram([-1e308, 1e308], bins: 2).counts.reduce(0, +) == 2)
    }

    @Test func geometryMapsDataToFractionsOfTheAxes() throws {
        var axes = Axes()
        try axes.plot(x: [0, 10], y: [-1, 1])
        let g = try #require(AxesGeometry(axes, maxXTicks: 6, maxYTicks: 5))
        #expect(g.xFraction(5) == 0.5)
        #expect(g.yFraction(1) == 1)
        #expect(g.xTicks.labels == ["0", "2", "4", "6", "8", "10"])
        axes.yscale = .log
        let l = try #require(AxesGeometry(axes, maxXTicks: 6, maxYTicks: 5))
        #expect(l.yFraction(-1) == nil)
        #expect(FigureLayout.frame(index: 3, rows: 2, cols: 2) == FigureLayout.Frame(x: 0.5, y: 0.5, width: 0.5, height: 0.5))
    }

    @Test func barsIncludeZeroAndNameTheirCategories() throws {
        var axes = Axes()
        try axes.bar(labels: ["a", "b"], values: [3, 5])
        let g = try #require(AxesGeometry(axes, maxXTicks: 6, maxYTicks: 5))
        #expect(g.yRange == 0...5)
        #expect(g.xTicks.labels == ["a", "b"])
    }

    @Test func colourModesEncodeTheSameColour() {
        let orange = RGB(0xff, 0x7f, 0x0e)
        #expect(ColorMode.truecolor.sequence(orange) == "\u{1B}[38;2;255;127;14m")
        #expect(ColorMode.ansi256.sequence(orange) == "\u{1B}[38;5;208m")
        #expect(ColorMode.ansi16.sequence(orange, background: true) == "\u{1B}[101m")
        #expect(ColorMode.none.sequence(orange) == "")
    }
}
