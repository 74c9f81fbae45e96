/// Reverse-mode automatic differentiation over TensorKit (issue 12 §1).
///
/// How to use it (for the language binding):
///
///     let tape = Tape()                                  // one per differentiation; no global state
///     let w = tape.leaf(weights), b = tape.leaf(bias)    // traced leaves (integer tensors stay constants)
///     let x = Traced(constant: batch)                    // untraced inputs mix freely with traced ones
///     let logits = try Traced.matmul(x, w) + b
///     let loss = try Traced.crossEntropy(logits, labels: labels)
///     let grads = try tape.backward(loss)                // loss must have one element
///     let gw = grads[w]                                  // in w's shape and dtype (zeros if unreached)
///
/// or, for `grad`/`value_and_grad` over a flat list of arguments, in one call:
///
///     let (loss, grads) = try Tape.valueAndGradients(at: [w, b]) { p in try ... }
///
/// The ops (each a method or static function of `Traced`, named as on `Tensor`):
/// - elementwise: + - * / negated pow exp log sqrt abs tanh sigmoid maximum minimum clip where cast
/// - reductions: sum mean max min variance std logsumexp norm (axes, keepdims)
/// - products: matmul (vectors, matrices, batches with broadcast batch axes)
/// - movement: reshape transpose swapAxes broadcast squeeze expandDims flatten concat stack split
/// - indexing: get([IndexComponent]) take takeAlong (gathers and masks scatter back with +=)
/// - networks: relu leakyRelu gelu softmax logSoftmax crossEntropy nllLoss mseLoss
///   binaryCrossEntropyWithLogits conv2d maxPool2d avgPool2d patches; `detached` stops gradients
///
/// Every `Traced` op also runs on constants alone, recording nothing, so the same code serves
/// inference. Forward values are computed by TensorKit's ordinary ops, so code that does not
/// differentiate pays nothing. The tape records first-order gradients only (no grad of grad);
/// updates such as `w -= lr * g` run on plain tensors, outside the graph.
///
/// How to add a primitive: in one function, compute the forward with TensorKit and hand
/// `Traced.record` the result and, per input, a closure mapping the output's cotangent to that
/// input's (a vector-Jacobian product). The closure may return a gradient in the broadcast shape
/// of the output or another float dtype: `Tape.fit` sums it back to the input's shape and casts
/// it, in that one place. Closures run only for traced inputs. Prefer composing existing ops
/// (relu, softmax, losses and conv2d are composites); write a rule by hand only where the
/// composite is unstable or much slower, and say why in a comment.
///
/// Design: the tape is an array of nodes in creation order, which is a topological order, so
/// `backward` walks it once from the output down and accumulates each node's gradient with `+=`
/// (as micrograd) before passing it on. Intermediate gradients are released as soon as they
/// are used; only the leaves' are kept.
public final class Tape {
    /// A vector-Jacobian product: the output's cotangent to one input's.
    typealias VJP = (Tensor) throws -> Tensor

    struct Edge {
        let node: Int
        let vjp: VJP
    }

    struct Node {
        let shape: [Int]
        let dtype: DType
        /// Empty for leaves.
        let edges: [Edge]
    }

    private(set) var nodes: [Node] = []

    public init() {}

    /// Number of recorded nodes (leaves and operations).
    public var count: Int { nodes.count }

    /// A traced leaf holding `value`. Integer and bool tensors have no gradient: they come back
    /// as constants.
    public func leaf(_ value: Tensor) -> Traced {
        guard value.dtype.isFloatingPoint else { return Traced(constant: value) }
        return Traced(value: value, tape: self, id: append(Node(shape: value.shape, dtype: value.dtype, edges: [])))
    }

    func append(_ node: Node) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    /// The gradients of `output` with respect to every leaf it depends on. Without `seed`, the
    /// output must hold one element (a loss) and is seeded with 1; a `seed` of the output's shape
    /// gives the vector-Jacobian product instead. Throws `interrupted` if the current
    /// cancellation flag is set between nodes.
    public func backward(_ output: Traced, seed: Tensor? = nil) throws -> Gradients {
        let start = try seedTensor(output, seed)
        guard let outputTape = output.tape, outputTape === self else {
            if output.tape != nil { throw Tape.foreign() }
            return Gradients(tape: self, byNode: [:])  // a constant depends on no leaf
        }
        var grads = [Tensor?](repeating: nil, count: output.id + 1)
        var owned = [Bool](repeating: false, count: output.id + 1)
        grads[output.id] = start
        var leaves: [Int: Tensor] = [:]
        for i in stride(from: output.id, through: 0, by: -1) {
            guard let g = grads[i] else { continue }
            let node = nodes[i]
            if node.edges.isEmpty {
                leaves[i] = g
                continue
            }
            try Cancellation.check()
            for edge in node.edges {
                let target = nodes[edge.node]
                let contribution = try Tape.fit(edge.vjp(g), shape: target.shape, dtype: target.dtype)
                try Tape.accumulate(contribution, into: &grads[edge.node], owned: &owned[edge.node])
            }
            grads[i] = nil  // no longer needed: free it early
        }
        return Gradients(tape: self, byNode: leaves)
    }

    /// JAX's `value_and_grad` over a flat list of tensors: `f` at `inputs` (each made a leaf)
    /// and the gradient of its one-element result with respect to each input, in the input's
    /// shape and dtype (zeros for integer inputs and inputs the result does not use). A binding
    /// flattens records and lists of tensors into `inputs` and rebuilds their structure.
    public static func valueAndGradients(at inputs: [Tensor], of f: ([Traced]) throws -> Traced) throws -> (value: Tensor, gradients: [Tensor]) {
        let tape = Tape()
        let leaves = inputs.map { tape.leaf($0) }
        let output = try f(leaves)
        let grads = try tape.backward(output)
        return (output.value, try leaves.map { try grads[$0] })
    }

    private func seedTensor(_ output: Traced, _ seed: Tensor?) throws -> Tensor {
        if let seed {
            return try Tape.fit(seed.broadcast(to: output.shape, op: "backward"), shape: output.shape, dtype: output.dtype)
        }
        guard output.value.count == 1 else {
            throw TensorError.invalidArgument(op: "grad", message: "the function must return a scalar (one element) to differentiate, got shape \(output.shape)")
        }
        return try Tensor.ones(output.shape, dtype: output.dtype)
    }

    /// `slot += g`: the first contribution is stored as is (it may alias another tensor), the
    /// second allocates a fresh sum that later ones update in place.
    private static func accumulate(_ g: Tensor, into slot: inout Tensor?, owned: inout Bool) throws {
        guard let existing = slot else {
            slot = g
            return
        }
        if owned {
            try existing.applyInPlace(.add, g)
        } else {
            slot = try Tensor.binary(.add, existing, g)
            owned = true
        }
    }

    /// THE one place where a gradient is made to match its input: summed over the axes that
    /// broadcasting added or stretched, and cast to the input's dtype.
    static func fit(_ g: Tensor, shape: [Int], dtype: DType) throws -> Tensor {
        var r = g
        if r.shape != shape {
            let lead = r.ndim - shape.count
            guard lead >= 0 else { throw mismatch(r.shape, shape) }
            var axes = Array(0..<lead)
            for i in 0..<shape.count where shape[i] != r.shape[lead + i] {
                guard shape[i] == 1 else { throw mismatch(r.shape, shape) }
                axes.append(lead + i)
            }
            r = try r.sum(axes: axes).reshape(shape)
        }
        if r.dtype != dtype { r = try r.cast(to: dtype) }
        return r
    }

    private static func mismatch(_ got: [Int], _ expected: [Int]) -> TensorError {
        .invalidArgument(op: "backward", message: "a gradient of shape \(got) cannot be summed to shape \(expected)")
    }

    static func foreign() -> TensorError {
        .invalidArgument(op: "grad", message: "a value traced by another differentiation was used here")
    }
}

/// The gradients `Tape.backward` found, per leaf.
public struct Gradients {
    /// The tape that made them, kept alive while the gradients are read (traced values hold
    /// their tape weakly, see `Traced.tape`); a short-lived value, so the recording goes with it.
    let tape: Tape
    let byNode: [Int: Tensor]

    init(tape: Tape, byNode: [Int: Tensor]) {
        self.tape = tape
        self.byNode = byNode
    }

    /// The gradient of `leaf`, in its shape and dtype; zeros if the output did not depend on it
    /// (as JAX), and zeros of the float result dtype for constants.
    public subscript(_ leaf: Traced) -> Tensor {
        get throws {
            if let g = gradient(of: leaf) { return g }
            return try Tensor.zeros(leaf.shape, dtype: Promotion.floatResult(leaf.dtype))
        }
    }

    /// The gradient of `leaf`, or nil if the output did not depend on it (or `leaf` belongs to
    /// another tape). Broadcast views are made contiguous; two gradients may still share
    /// storage (`a + b` passes one cotangent to both), so copy one before updating it in place.
    public func gradient(of leaf: Traced) -> Tensor? {
        guard let t = leaf.tape, t === tape, let g = byNode[leaf.id] else { return nil }
        return (try? g.contiguous()) ?? g
    }
}

// MARK: - Traced values

/// A tensor seen by a differentiation: its forward value and, when traced, its node on a tape.
/// A constant (`Traced(constant:)`, or any result computed from constants only) has no tape.
public struct Traced {
    /// The forward value.
    public let value: Tensor
    /// The tape recording this value, nil for constants. Weak: the tape's recorded rules
    /// capture traced values, so a strong reference would be a cycle and every tape (with
    /// every intermediate of its step) would leak. The owner of a differentiation holds the
    /// tape; a traced value kept after it ends becomes a constant.
    weak var tape: Tape?
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
