/// A tensor seen by a differentiation: its forward value and, when traced, its node on a tape.
/// A constant (`Traced(constant:)`, or any result computed from constants only) has no tape.
public struct Traced {
    /// The forward value.
    public let value: Tensor
    /// The tape recording this value, nil for constants.
    let tape: Tape?
    /// Index of this value's node on `tape` (meaningless for constants).
    let id: Int

    init(value: Tensor, tape: Tape, id: Int) {
        self.value = value
        self.tape = tape
        self.id = id
    }

    /// An untraced value: it takes part in the forward computation but receives no gradient.
    public init(constant value: Tensor) {
        self.value = value
        self.tape = nil
        self.id = -1
    }

    /// True when gradients flow to this value.
    public var isTraced: Bool { tape != nil }
    public var shape: [Int] { value.shape }
    public var dtype: DType { value.dtype }
    public var ndim: Int { value.ndim }
    public var count: Int { value.count }

    /// The same value cut from the graph (JAX's `stop_gradient`, PyTorch's `detach`).
    public var detached: Traced { Traced(constant: value) }

    /// One input of a primitive and its vector-Jacobian product.
    typealias Input = (operand: Traced, vjp: Tape.VJP)

    /// The result of a primitive: `value`, recorded on the tape of its traced inputs with one
    /// edge per traced input. Untraced inputs get no edge (their closures never run); with no
    /// traced input at all the result is a constant. A non-float result (a comparison, an
    /// argmax) is a constant too.
    static func record(_ value: Tensor, _ inputs: Input...) throws -> Traced {
        try record(value, inputs)
    }

    static func record(_ value: Tensor, _ inputs: [Input]) throws -> Traced {
        var tape: Tape?
        var edges: [Tape.Edge] = []
        for input in inputs {
            guard let t = input.operand.tape else { continue }
            if let tape, tape !== t { throw Tape.foreign() }
            tape = t
            edges.append(Tape.Edge(node: input.operand.id, vjp: input.vjp))
        }
        guard let tape, value.dtype.isFloatingPoint else { return Traced(constant: value) }
        let id = tape.append(Tape.Node(shape: value.shape, dtype: value.dtype, edges: edges))
        return Traced(value: value, tape: tape, id: id)
    }
}

extension Tensor {
    /// The shape of a reduction's result with `axes` kept as size 1 (axes already normalised).
    func keptShape(reducing axes: [Int]) -> [Int] {
        shape.indices.map { axes.contains($0) ? 1 : shape[$0] }
    }
}
