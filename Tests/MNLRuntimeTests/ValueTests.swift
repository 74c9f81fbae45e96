import MNLRuntime
import Testing

@Suite struct ValueTests {
    @Test func numbersPrintLikePythonIntegersWithoutDotZero() {
        #expect(Formatting.number(3) == "3")
        #expect(Formatting.number(-0.0) == "0")
        #expect(Formatting.number(2.5) == "2.5")
        #expect(Formatting.number(1e20) == "1e+20")
        #expect(Formatting.number(.nan) == "nan")
        #expect(Formatting.number(-.infinity) == "-inf")
    }

    @Test func truthValues() throws {
        #expect(try !Value.null.truthValue())
        #expect(try !Value.number(0).truthValue())
        #expect(try Value.string("x").truthValue())
        #expect(try !Value.list([]).truthValue())
    }

    @Test func reprQuotesStringsInsideCollections() {
        #expect(Value.list([.string("a"), .number(1)]).repr() == "[\"a\", 1]")
        #expect(Value.string("a").rendered() == "a")
        #expect(Value.tuple([.number(1)]).repr() == "(1,)")
    }

    @Test func exactIntRefusesFractionsAndHugeValues() {
        #expect(exactInt(3) == 3)
        #expect(exactInt(3.5) == nil)
        #expect(exactInt(1e300) == nil)
    }
}
