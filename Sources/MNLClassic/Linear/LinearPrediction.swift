import TensorKit

/// The product every linear model predicts with: x @ coef.T + intercept, in float64 as
/// scikit-learn's (a float32 x is widened by the product, not copied).
enum LinearPrediction {
    /// `coef` is (outputs, features) row-major, `intercept` (outputs); the result is
    /// (rows, outputs) row-major.
    static func scores(_ x: InputMatrix, coef: [Double], intercept: [Double]) throws -> [Double] {
        let outputs = intercept.count
        let w = Tensor.matrix(coef, rows: outputs, columns: x.columns)
        let product = try Tensor.matmul(x.tensor, try w.transpose())
        var out = try product.contiguous().toArray(Double.self)
        for i in 0..<x.rows { for k in 0..<outputs { out[i * outputs + k] += intercept[k] } }
        return out
    }

    /// A fitted single-output regressor's predict: `x` checked against its features, then
    /// x @ coef + intercept as a vector.
    static func regression(_ x: Tensor, model: String, coef: [Double], intercept: Double) throws -> Tensor {
        .vector(try scores(try InputMatrix(x, model: model, features: coef.count), coef: coef, intercept: [intercept]))
    }
}
