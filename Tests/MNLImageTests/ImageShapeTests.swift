import Testing
@testable import MNLImage

@Suite struct ImageShapeTests {
    @Test func aVectorOfSquareLengthIsASquareImage() throws {
        #expect(try ImageShape.image([784]) == ImageShape(count: 1, height: 28, width: 28, channels: 1, alongColumns: false))
        #expect(try ImageShape.image([3, 5, 3]).channels == 3)
        #expect(throws: ImageError.badShape(shape: [783], expected: ImageShape.single)) { try ImageShape.image([783]) }
        #expect(throws: ImageError.badShape(shape: [2, 3, 2], expected: ImageShape.single)) { try ImageShape.image([2, 3, 2]) }
        #expect(throws: ImageError.badShape(shape: [0, 3], expected: ImageShape.single)) { try ImageShape.image([0, 3]) }
    }

    @Test func twoDimensionalBatchesFollowTheWeightRule() throws {
        // N×784 data: rows. 784×10 weights: columns. 784×64: both square, the longer is the image.
        #expect(try ImageShape.images([25, 784]) == ImageShape(count: 25, height: 28, width: 28, channels: 1, alongColumns: false))
        #expect(try ImageShape.images([784, 10]) == ImageShape(count: 10, height: 28, width: 28, channels: 1, alongColumns: true))
        #expect(try ImageShape.images([784, 64]) == ImageShape(count: 64, height: 28, width: 28, channels: 1, alongColumns: true))
        #expect(try ImageShape.images([784, 64], axis: 0) == ImageShape(count: 784, height: 8, width: 8, channels: 1, alongColumns: false))
        #expect(try ImageShape.images([10, 28, 28]).count == 10)
        #expect(try ImageShape.images([2, 4, 4, 3]).channels == 3)
        #expect(throws: ImageError.badShape(shape: [10, 7], expected: ImageShape.several)) { try ImageShape.images([10, 7]) }
    }

    @Test func columnsAreGathered() {
        // A 4×2 array whose two columns are 2×2 images.
        let shape = ImageShape(count: 2, height: 2, width: 2, channels: 1, alongColumns: true)
        let rasters = shape.rasters(from: [0, 10, 1, 11, 2, 12, 3, 13])
        #expect(rasters.map(\.values) == [[0, 1, 2, 3], [10, 11, 12, 13]])
    }

    @Test func scalingFromTheRangeOrFromVminVmax() throws {
        let r = try #require(Raster(width: 2, height: 1, values: [2, 6]))
        #expect(Scaling.fitting(r) == Scaling(low: 2, high: 6))
        #expect(Scaling.fitting(r, vmin: 0) == Scaling(low: 0, high: 6))
        #expect(Scaling(low: 2, high: 6).level(4) == 0.5)
        #expect(Scaling(low: 2, high: 6).level(9) == 1)
        #expect(Scaling(low: 2, high: 6).level(.nan) == 0)
        #expect(Scaling(low: 3, high: 3).level(3) == 0)
        let rgb = try #require(Raster(width: 1, height: 1, channels: 3, values: [0, 128, 255]))
        #expect(Scaling.fitting(rgb) == Scaling(low: 0, high: 255))
    }

    @Test func formatsByExtension() {
        #expect(ImageFormat(path: "out/digits.PNG") == .png)
        #expect(ImageFormat(path: "a.svg") == .svg)
        #expect(ImageFormat(path: "a.pdf") == .pdf)
        #expect(ImageFormat(path: "a.jpg") == nil)
        #expect(ImageFormat(path: "dir.png/file") == nil)
    }
}
