import Testing
@testable import MNLImage

@Suite struct TextImageTests {
    /// A 4×4 picture: black, then three rows brighter and brighter (grey 0, 1/3, 2/3, 1 by row).
    func rows() throws -> Picture {
        let raster = try #require(Raster(width: 4, height: 4, values: (0..<16).map { Double($0 / 4) }))
        return Picture(raster, scaling: Scaling.fitting(raster))
    }

    @Test func asciiShadesAverageTwoPixelRows() throws {
        // Rows 0 and 1 average to 1/6 (shade 1 '.'), rows 2 and 3 to 5/6 (shade 8 '%').
        let lines = TextImage.render(ImageGrid(try rows()), width: 80, style: .ascii)
        #expect(lines == ["....", "%%%%"])
    }

    @Test func halfBlocksInTrueColourSendEachColourOnce() throws {
        let lines = TextImage.render(ImageGrid(try rows()), width: 80, style: .trueColour)
        let e = "\u{1B}["
        #expect(lines == [
            "\(e)38;2;0;0;0m\(e)48;2;85;85;85m▀▀▀▀\(e)0m",
            "\(e)38;2;170;170;170m\(e)48;2;255;255;255m▀▀▀▀\(e)0m",
        ])
    }

    @Test func halfBlocksIn256ColoursUseTheGreyRamp() throws {
        let lines = TextImage.render(ImageGrid(try rows()), width: 80, style: .colour256)
        let e = "\u{1B}["
        // 0 is the cube's black (16), 85 and 170 greys 240 (88) and 248 (168), 255 the cube's white (231).
        #expect(lines == ["\(e)38;5;16m\(e)48;5;240m▀▀▀▀\(e)0m", "\(e)38;5;248m\(e)48;5;231m▀▀▀▀\(e)0m"])
    }

    @Test func anOddLastRowHasNoBackground() throws {
        let raster = try #require(Raster(width: 1, height: 3, values: [0, 0, 1]))
        let lines = TextImage.render(ImageGrid(Picture(raster, scaling: Scaling.fitting(raster))), width: 80, style: .trueColour)
        #expect(lines.last == "\u{1B}[38;2;255;255;255m▀\u{1B}[0m")
    }

    @Test func aGridWrapsTitlesAndShrinksToFit() throws {
        // Four 4×4 pictures in two columns with titles; 6 columns leave 2 for each picture
        // after the 2-column gap, so each is shrunk by 2 (to 2×2: one text row of grey 43
        // over 213, shade 5 '+'). Every row of the grid has as many title lines as the
        // longest title needs (two here), and a blank line separates the rows.
        let p = try rows()
        let grid = ImageGrid(pictures: [p, p, p, p], titles: ["a", "bb", "Pred: 7", ""], columns: 2)
        #expect(TextImage.render(grid, width: 6, style: .ascii) == [
            "++  ++",
            "a   bb",
            "",
            "",
            "++  ++",
            "P…",
            "7",
        ])
        // Wide enough: full size, titles centred and wrapped at spaces to the cell's 4 columns.
        #expect(TextImage.render(grid, width: 80, style: .ascii) == [
            "....  ....",
            "%%%%  %%%%",
            " a     bb",
            "",
            "",
            "....  ....",
            "%%%%  %%%%",
            "Pre…",
            " 7",
        ])
    }

    @Test func titlesWrapAtSpaces() {
        #expect(TextImage.wrap("Pred: 7, True: 7", width: 14) == ["Pred: 7,", "True: 7"])
        #expect(TextImage.wrap("Pred: 7, True: 7", width: 28) == ["Pred: 7, True: 7"])
        #expect(TextImage.wrap("a b c d e", width: 3) == ["a b", "c …"])
        #expect(TextImage.wrap("averyveryverylongword", width: 5) == ["aver…"])
        #expect(TextImage.wrap("one two three", width: 9) == ["one two", "three"])
    }

    @Test func noneDescribes() throws {
        let p = try rows()
        #expect(TextImage.render(ImageGrid(p), width: 80, style: .none) == ["<image 4×4>"])
        #expect(TextImage.render(ImageGrid(pictures: [p, p, p]), width: 80, style: .none) == ["<2×2 grid of 3 images 4×4>"])
    }


    @Test func colormaps() {
        #expect(Colormap.gray.colour(1) == RGB(255, 255, 255))
        #expect(Colormap.gray_r.colour(1) == RGB(0, 0, 0))
        #expect(Colormap.viridis.colour(0) == RGB(68, 1, 84))
        #expect(Colormap.viridis.colour(1) == RGB(253, 231, 37))
        #expect(Colormap.bwr.colour(0.5) == RGB(255, 255, 255))
    }
}
