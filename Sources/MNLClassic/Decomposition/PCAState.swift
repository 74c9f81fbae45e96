import TensorKit

/// A fitted PCA: the mean, the components (rows) and their variances; transforms on BLAS.
struct PCAState {
    let mean: [Double]
    let components: DenseRows
    let variance: [Double]
    let ratio: [Double]
    let singular: [Double]
    let noise: Double
    let samples: Int

    init(mean: [Double], components: DenseRows, variance: [Double], ratio: [Double], singular: [Double],
         noise: Double, samples: Int) throws {
        (self.mean, self.components, self.variance, self.ratio) = (mean, components, variance, ratio)
        (self.singular, self.noise, self.samples) = (singular, noise, samples)
    }

    /// (x − mean) · componentsᵀ, divided by √variance when whitening.
    func transform(_ x: DenseRows, whiten: Bool) throws -> Tensor {
        let centred = try DenseRows(rows: x.rows, cols: x.cols)
        for i in 0..<x.rows { for j in 0..<x.cols { centred.row(i)[j] = x.row(i)[j] - mean[j] } }
        let out = DenseRows(contiguous: try Tensor.matmul(centred.tensor, components.tensor.T).contiguous())
        if whiten {
            for i in 0..<out.rows { for j in 0..<out.cols { out.row(i)[j] /= variance[j].squareRoot() } }
        }
        return out.tensor
    }

    /// x · components (scaled back by √variance when whitened) + mean.
    func inverse(_ x: DenseRows, whiten: Bool) throws -> Tensor {
        let scaled = try x.gathering(Array(0..<x.rows))
        if whiten {
            for i in 0..<scaled.rows { for j in 0..<scaled.cols { scaled.row(i)[j] *= variance[j].squareRoot() } }
        }
        let out = DenseRows(contiguous: try Tensor.matmul(scaled.tensor, components.tensor).contiguous())
        for i in 0..<out.rows { for j in 0..<out.cols { out.row(i)[j] += mean[j] } }
        return out.tensor
    }

    var attributes: [(name: String, value: FittedValue)] {
        [("components_", .tensor(components.tensor)), ("explained_variance_", .tensor(.vector(variance))),
         ("explained_variance_ratio_", .tensor(.vector(ratio))), ("singular_values_", .tensor(.vector(singular))),
         ("mean_", .tensor(.vector(mean))), ("n_components_", .int(components.rows)), ("noise_variance_", .number(noise)),
         ("n_samples_", .int(samples))]
    }

    var saved: [String: Tensor] {
        ["components_": components.tensor, "explained_variance_": .vector(variance), "explained_variance_ratio_": .vector(ratio),
         "singular_values_": .vector(singular), "mean_": .vector(mean), "noise_variance_": .vector([noise]),
         "n_samples_": .vector([Double(samples)])]
    }

    init(saved: [String: Tensor]) throws {
        let r = SavedStateReader(model: "PCA", saved)
        let c = try r.tensor("components_", shape: [nil, nil])
        let k = c.shape[0], d = c.shape[1]
        try self.init(mean: r.doubles("mean_", shape: [d]), components: DenseRows(c, model: "PCA"),
                      variance: r.doubles("explained_variance_", shape: [k]), ratio: r.doubles("explained_variance_ratio_", shape: [k]),
                      singular: r.doubles("singular_values_", shape: [k]), noise: r.number("noise_variance_"),
                      samples: Int(exactly: r.number("n_samples_")) ?? 0)
    }
}
