import Testing
@testable import MNLPlot

@Suite struct TicksTests {
    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(Ticks.niceStep(span: 10, maxCount: 6) == 2)
        #expect(Ticks.niceStep(span: 1, maxCount: 11) == 0.1)
        #expect(Ticks.niceStep(span: 37, maxCount: 5) == 10)
        #expect(Ticks.niceStep(span: 0.003, maxCount: 4) == 0.001)
        #expect(Ticks.niceStep(span: 250, maxCount: 6) == 50)
    }

    @Test func ticksLieInsideTheRangeWithShortLabels() {
        let t = Ticks.nice(0, 1, maxCount: 6)
        #expect(t.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let u = Ticks.nice(-3.7, 12.1, maxCount: 5)
        #expect(u.labels == ["0", "5", "10"])
        #expect(Ticks.nice(0.13, 0.47, maxCount: 5).labels == ["0.2", "0.3", "0.4"])
    }

    @Test func degenerateRangesHaveNoTicks() {
        #expect(Ticks.nice(1, 1, maxCount: 5).values.isEmpty)
        #expect(Ticks.nice(-1e308, 1e308, maxCount: 5).values.isEmpty)
        #expect(Ticks.nice(0, .nan, maxCount: 5).values.isEmpty)
        #expect(Ticks.nice(0, .leastNonzeroMagnitude, maxCount: 5).values.isEmpty)
    }

    @Test func largeAndTinyLabelsAreScientific() {
        #expect(Ticks.nice(0, 4e6, maxCount: 3).labels == ["0", "2e+06", "4e+06"])
    }

    @Test func logTicksArePowersOfTen() {
        #expect(Ticks.logarithmic(0.5, 2000, maxCount: 6).labels == ["1", "10", "100", "1000"])
        #expect(Ticks.logarithmic(1e-6, 1, maxCount: 4).labels == ["1e-6", "1e-4", "0.01", "1"])
    }
}
