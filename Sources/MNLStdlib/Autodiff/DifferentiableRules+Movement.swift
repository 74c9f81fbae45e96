import MNLRuntime
import MNLSyntax
import TensorKit

/// The rules of the shape, movement and gathering builtins (their gradients move or scatter
/// the cotangent back; see TensorKit's Traced+Movement.swift).
extension DifferentiableRules {
    static var movement: [String: Rule] {
        [
            "reshape": traced { c in try c.x().reshape(TensorConversion.shape(c.arguments.rest, function: "reshape")) },
            "transpose": traced { c in
                guard let axes = c.value("axes") else { return try c.x().transpose() }
                return try c.x().transpose(TensorConversion.shape([axes] + c.arguments.rest, function: "transpose"))
            },
            "flatten": traced { c in
                let x = try c.x(), start = try c.int("start", default: 0)
                guard start != 0 else { return try x.flatten() }
                let s = try Tensor.normalizeAxis(start, ndim: x.ndim)
                return try x.reshape(Array(x.shape[..<s]) + [x.shape[s...].reduce(1, *)])
            },
            "ravel": traced { c in try c.x().flatten() },
            "squeeze": traced { c in try c.x().squeeze(c.axes()) },
            "expand_dims": traced { c in try c.x().expandDims(TensorConversion.axis(c.required("axis"), function: "expand_dims")) },
            "swapaxes": traced { c in
                try c.x().swapAxes(TensorConversion.axis(c.required("axis1"), function: "swapaxes"),
                                   TensorConversion.axis(c.required("axis2"), function: "swapaxes"))
            },
            "broadcast_to": traced { c in
                try c.x().broadcast(to: TensorConversion.shape([c.required("shape")], function: "broadcast_to"))
            },
            "take": traced { c in
                try c.x().take(positions(c.required("indices")), axis: c.value("axis").map { try TensorConversion.axis($0, function: "take") })
            },
            "take_along_axis": traced { c in try c.x().takeAlong(positions(c.required("indices")), axis: c.axis("axis", default: -1)) },
            "concat": joining { parts, axis in
                guard let axis else { return try Traced.concat(parts.map { try $0.flatten() }, axis: 0) }
                return try Traced.concat(parts, axis: axis)
            },
            "concatenate": joining { parts, axis in
                guard let axis else { return try Traced.concat(parts.map { try $0.flatten() }, axis: 0) }
                return try Traced.concat(parts, axis: axis)
            },
            "stack": joining { try Traced.stack($0, axis: $1 ?? 0) },
            "split": { c in
                let x = try c.x(), axis = try c.axis("axis", default: 0), sections = try c.required("sections")
                let pieces = try bridging {
                    if case .number = sections { return try x.split(sections: try c.int("sections", default: 1), axis: axis) }
                    return try x.split(indices: try TensorConversion.shape([sections], function: "split"), axis: axis)
                }
                return .list(ListBox(pieces.map(Value.traced)))
            },
        ]
    }

    /// Integer positions, as the builtins take them: a number is one position.
    static func positions(_ v: Value) throws -> Tensor {
        if case .number(let n) = v { return Tensor(scalar: Int64(try IntegerConversion.int(n, what: "index"))) }
        return try TensorConversion.indexTensor(v)
    }

    /// `concat(tensors, axis=0)` and the like; an explicit `axis=nil` reaches `join` as nil.
    static func joining(_ join: @escaping ([Traced], Int?) throws -> Traced) -> Rule {
        traced { c in
            let parts = try listValues(c.required("tensors"), c.arguments).map { try c.traced($0) }
            let given = c.arguments.parameterNames.firstIndex(of: "axis").flatMap { c.arguments.named[$0] }
            if case .null? = given { return try join(parts, nil) }
            return try join(parts, c.axis("axis", default: 0))
        }
    }
}
