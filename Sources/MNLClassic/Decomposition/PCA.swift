import TensorKit

/// scikit-learn's `PCA` with the exact solver: the centred data's SVD (LAPACK's gesdd), the
/// components' signs fixed as scikit-learn's `svd_flip` fixes them (each component's
/// largest-magnitude entry positive), so that components agree with scikit-learn's.
public final class PCA: TransformerEstimator {
    public let kind = "PCA"
    /// nil: min(samples, features); a whole number: that many; a fraction in (0, 1): the
    /// fewest components explaining more than that share of the variance.
    public let nComponents: HyperValue
    public let whiten: Bool
    var fitted: PCAState?

    public init(nComponents: HyperValue = .none, whiten: Bool = false) throws {
        switch nComponents {
        case .none: break
        case .int(let k) where k >= 1: break
        case .double(let f) where f > 0 && f < 1: break
        default:
            throw ModelError.badHyperparameter(model: "PCA", name: "n_components", value: nComponents.text,
                                               expected: "nil, a positive whole number or a fraction between 0 and 1")
        }
        (self.nComponents, self.whiten) = (nComponents, whiten)
    }

    public convenience init(_ h: Hyperparameters) throws {
        try self.init(nComponents: h.values["n_components"] ?? .none, whiten: try h.bool("whiten"))
    }

    public var hyperparameters: [(name: String, value: HyperValue)] { [("n_components", nComponents), ("whiten", .bool(whiten))] }
    public var isFitted: Bool { fitted != nil }

    public func fit(_ x: Tensor, _ y: Tensor?, monitor: FitMonitor) throws {
        let rows = try DenseRows(x, model: kind)
        let n = rows.rows, d = rows.cols
        guard n >= 2 else { throw ModelError.badData(model: kind, message: "needs at least 2 rows, got \(n)") }
        let mean = (0..<d).map { j in (0..<n).reduce(0.0) { $0 + rows.row($1)[j] } / Double(n) }
        let centred = try DenseRows(rows: n, cols: d)
        for i in 0..<n { for j in 0..<d { centred.row(i)[j] = rows.row(i)[j] - mean[j] } }
        let (_, sTensor, vhTensor) = try centred.tensor.svd(fullMatrices: false)
        guard let vhTensor else { throw ModelError.badData(model: kind, message: "the SVD gave no components") }
        let s = sTensor.toDoubles()
        var vt = DenseRows(contiguous: try vhTensor.cast(to: .float64).contiguous())
        vt = try Self.flipSigns(vt)
        let variance = s.map { $0 * $0 / Double(n - 1) }
        let total = variance.reduce(0, +)
        let ratio = variance.map { total > 0 ? $0 / total : 0 }
        let k = try components(available: s.count, ratio: ratio)
        let rest = variance.count > k ? Array(variance[k...]) : []
        fitted = try PCAState(mean: mean, components: try vt.gathering(Array(0..<k)), variance: Array(variance[0..<k]),
                              ratio: Array(ratio[0..<k]), singular: Array(s[0..<k]),
                              noise: rest.isEmpty ? 0 : rest.reduce(0, +) / Double(rest.count), samples: n)
    }

    /// How many components n_components asks for, given the variance ratios.
    private func components(available: Int, ratio: [Double]) throws -> Int {
        switch nComponents {
        case .int(let k):
            guard k <= available else {
                throw ModelError.badHyperparameter(model: kind, name: "n_components", value: "\(k)",
                                                   expected: "at most min(samples, features) = \(available)")
            }
            return k
        case .double(let f):
            // scikit-learn: searchsorted(cumsum(ratio), f, side="right") + 1
            var sum = 0.0
            for (i, r) in ratio.enumerated() {
                sum += r
                if sum > f { return i + 1 }
            }
            return available
        default: return available
        }
    }

    /// svd_flip with u_based_decision=False: each row's largest |entry| made positive.
    static func flipSigns(_ vt: DenseRows) throws -> DenseRows {
        for i in 0..<vt.rows {
            let r = vt.row(i)
            var best = 0
            for j in 1..<vt.cols where abs(r[j]) > abs(r[best]) { best = j }
            if r[best] < 0 { for j in 0..<vt.cols { r[j] = -r[j] } }
        }
        return vt
    }

    func state() throws -> PCAState {
        guard let fitted else { throw ModelError.notFitted(model: kind) }
        return fitted
    }

    public func transform(_ x: Tensor) throws -> Tensor {
        try state().transform(try DenseRows.checked(x, model: kind, features: state().mean.count), whiten: whiten)
    }

    public func inverseTransform(_ x: Tensor) throws -> Tensor {
        let s = try state()
        guard x.ndim == 2, x.shape[1] == s.components.rows else {
            throw ModelError.badData(model: kind, message: "inverse_transform needs a matrix of \(s.components.rows) columns (components), got shape \(x.shape)")
        }
        return try s.inverse(try DenseRows(x, model: kind), whiten: whiten)
    }

    public func predict(_ x: Tensor) throws -> Tensor {
        throw ModelError.unsupported(model: kind, message: "PCA has no predict; use transform")
    }

    public var fittedAttributes: [(name: String, value: FittedValue)] { fitted?.attributes ?? [] }
    public func savedState() -> [String: Tensor] { fitted?.saved ?? [:] }
    public func restore(_ state: [String: Tensor]) throws { fitted = try PCAState(saved: state) }
}
