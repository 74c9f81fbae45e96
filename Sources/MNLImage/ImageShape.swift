/// How an array of values of a given shape is read as images. The rules, in order:
/// - one image: `(H, W)` grey, `(H, W, 3)` RGB, `(H, W, 1)` grey, or a vector of a square
///   length n = s² shown as s×s (an MNIST row of 784 values is a 28×28 digit);
/// - several: `(N, H, W)`, `(N, H, W, 3)` or `(N, H, W, 1)` along the first axis; a 2-D
///   `(A, B)` holds one flattened square image per row (N×784 data), unless its rows are not
///   of square length and its columns are: then one per column, as a first-layer weight
///   matrix 784×k is used in `x @ W`. When both lengths are squares (784×64), the longer one
///   is the image, so a 784×64 matrix is 64 digits of 28×28. `axis=` says it outright.
public struct ImageShape: Equatable, Sendable {
    public let count: Int
    public let height: Int
    public let width: Int
    public let channels: Int
    /// True when each image is a column of a 2-D array (the weight matrix case).
    public let alongColumns: Bool

    static let single = "an image (expected (H, W), (H, W, 3) or a vector of square length such as 784)"
    static let several = "images (expected (N, H, W), (N, H, W, 3), or (N, 784) and 784×N of flattened square images)"

    /// One image.
    public static func image(_ shape: [Int]) throws(ImageError) -> ImageShape {
        switch shape.count {
        case 1:
            if let side = squareSide(shape[0]) { return ImageShape(count: 1, height: side, width: side, channels: 1, alongColumns: false) }
        case 2 where shape[0] > 0 && shape[1] > 0:
            return ImageShape(count: 1, height: shape[0], width: shape[1], channels: 1, alongColumns: false)
        case 3 where shape[0] > 0 && shape[1] > 0 && (shape[2] == 3 || shape[2] == 1):
            return ImageShape(count: 1, height: shape[0], width: shape[1], channels: shape[2], alongColumns: false)
        default: break
        }
        throw .badShape(shape: shape, expected: single)
    }

    /// Several images; `axis` (0 or 1) picks rows or columns of a 2-D array.
    public static func images(_ shape: [Int], axis: Int? = nil) throws(ImageError) -> ImageShape {
        switch shape.count {
        case 1:
            return try image(shape)
        case 2 where shape[0] > 0 && shape[1] > 0:
            let columns = axis.map { $0 == 1 } ?? imagesAreColumns(rows: shape[0], columns: shape[1])
            if axis != nil && axis != 0 && axis != 1 { break }
            let length = columns ? shape[0] : shape[1]
            guard let side = squareSide(length) else { break }
            return ImageShape(count: columns ? shape[1] : shape[0], height: side, width: side, channels: 1, alongColumns: columns)
        case 3 where shape.allSatisfy({ $0 > 0 }):
            return ImageShape(count: shape[0], height: shape[1], width: shape[2], channels: 1, alongColumns: false)
        case 4 where shape.allSatisfy({ $0 > 0 }) && (shape[3] == 3 || shape[3] == 1):
            return ImageShape(count: shape[0], height: shape[1], width: shape[2], channels: shape[3], alongColumns: false)
        default: break
        }
        throw .badShape(shape: shape, expected: several)
    }

    /// The rule for a 2-D array: rows unless only the columns are of square length, or both
    /// are and the columns are longer.
    static func imagesAreColumns(rows: Int, columns: Int) -> Bool {
        switch (squareSide(rows) != nil, squareSide(columns) != nil) {
        case (true, false): true
        case (true, true): rows > columns
        default: false
        }
    }

    /// s when n = s² (n ≥ 1).
    static func squareSide(_ n: Int) -> Int? {
        guard n > 0 else { return nil }
        var s = Int(Double(n).squareRoot().rounded())
        while s * s > n { s -= 1 }
        while (s + 1) * (s + 1) <= n { s += 1 }
        return s * s == n ? s : nil
    }

    /// The images' values cut out of `values` (row-major, of the shape this was made from).
    public func rasters(from values: [Double]) -> [Raster] {
        let size = height * width * channels
        return (0..<count).compactMap { i -> Raster? in
            let pixels: [Double]
            if alongColumns {
                pixels = (0..<size).map { values[$0 * count + i] }
            } else {
                pixels = Array(values[(i * size)..<((i + 1) * size)])
            }
            return Raster(width: width, height: height, channels: channels, values: pixels)
        }
    }
}
