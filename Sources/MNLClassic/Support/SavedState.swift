import TensorKit

/// Reads a saved state back for `restore`, naming the missing or misshapen tensor in
/// `ModelError.badSavedState`.
public struct SavedStateReader {
    public let model: String
    public let state: [String: Tensor]

    public init(model: String, _ state: [String: Tensor]) {
        self.model = model
        self.state = state
    }

    /// The tensor `name`; `shape` gives the expected length of each axis (nil: any).
    public func tensor(_ name: String, shape: [Int?]) throws -> Tensor {
        guard let t = state[name] else { throw ModelError.badSavedState(model: model, message: "the tensor '\(name)' is missing") }
        let fits = t.ndim == shape.count && zip(t.shape, shape).allSatisfy { $1 == nil || $0 == $1 }
        guard fits else {
            let wanted = "(" + shape.map { $0.map(String.init) ?? "n" }.joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
            throw ModelError.badSavedState(model: model, message: "the tensor '\(name)' has shape \(FeatureMatrix.shapeText(t.shape)), expected \(wanted)")
        }
        if t.toDoubles().contains(where: { !$0.isFinite }) {
            throw ModelError.badSavedState(model: model, message: "the tensor '\(name)' contains NaN or infinity")
        }
        return t
    }

    /// The values of a tensor of the given shape, as doubles.
    public func doubles(_ name: String, shape: [Int?]) throws -> [Double] { try tensor(name, shape: shape).toDoubles() }

    /// A single number saved as a tensor of shape (1,).
    public func number(_ name: String) throws -> Double { try doubles(name, shape: [1])[0] }

    /// A count (iterations, samples, a rank) saved as a tensor of shape (1,): a whole number
    /// from 0 to 2³¹, so a doctored file cannot make the conversion trap.
    public func count(_ name: String) throws -> Int { try counts(name, shape: [1])[0] }

    public func counts(_ name: String, shape: [Int?]) throws -> [Int] {
        try doubles(name, shape: shape).map { v in
            guard v >= 0, v <= Double(Int32.max), v == v.rounded() else {
                throw ModelError.badSavedState(model: model, message: "the tensor '\(name)' holds \(v), not a count")
            }
            return Int(v)
        }
    }
}

extension Tensor {
    /// A float64 vector, for saved states and fitted attributes.
    public static func vector(_ values: [Double]) -> Tensor {
        // Cannot fail: the shape holds exactly the values.
        (try? Tensor(shape: [values.count], elements: values)) ?? Tensor(scalar: 0.0)
    }

    /// A float64 matrix of shape (rows, columns) from row-major values.
    public static func matrix(_ values: [Double], rows: Int, columns: Int) -> Tensor {
        (try? Tensor(shape: [rows, columns], elements: values)) ?? Tensor(scalar: 0.0)
    }
}
