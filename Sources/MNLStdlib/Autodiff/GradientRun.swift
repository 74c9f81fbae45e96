import MNLLearn
import MNLRuntime
import MNLSyntax
import TensorKit

/// One call of a function made by `grad`/`value_and_grad`: the arguments at `argnums`
/// become leaves of a fresh tape (models: their parameters, traced into a fresh
/// `ForwardRun`), `f` runs on them as on any values, and `Tape.backward` from its result
/// gives the gradients, rebuilt in the arguments' structure as plain tensors.
struct GradientRun {
    let function: String
    let argnums: Argnums
    let context: CallContext

    /// `(f's result, the gradient)`; the gradient is a tuple for several argnums.
    func evaluate(_ f: Value, _ arguments: [Value], _ keywords: [(String, Value)]) throws -> (Value, Value) {
        let session = context.session
        let nesting = session.state(GradientNesting.self) { GradientNesting() }
        guard !nesting.active else { throw Diagnostic(.nestedGradient(function: function), at: nil) }
        if let outside = argnums.positions.first(where: { $0 >= arguments.count }) {
            throw Diagnostic(.invalidValue(function: function, message: "argnums asks for argument #\(outside + 1), but the call passed \(arguments.count)"), at: nil)
        }
        let tape = Tape()
        var leaves = GradientLeaves(function: function, tape: tape, generator: context.random)
        var inputs = arguments
        let structures = try argnums.positions.map { i in
            let (value, structure) = try leaves.lift(arguments[i], position: i + 1, depth: 0)
            inputs[i] = value
            return structure
        }
        let differentiation = DifferentiationState.of(session)
        let outerRun = differentiation.run
        nesting.active = true
        if let run = leaves.run { differentiation.run = run }
        defer {
            nesting.active = false
            differentiation.run = outerRun
        }
        let (value, output) = try scalarResult(try context.call(f, inputs, keywords: keywords))
        let gradients = try bridging { try tape.backward(output) }
        let results = try structures.map { try $0.gradient(gradients) }
        return (value, argnums.single ? results[0] : .tuple(TupleBox(results)))
    }

    /// f's result as the value handed back (a plain tensor or number) and as the output to
    /// differentiate; anything but a number or a one-element tensor is an error.
    private func scalarResult(_ result: Value) throws -> (Value, Traced) {
        switch result {
        case .number(let n):
            return (result, Traced(constant: try bridging { try Tensor(scalar: n, dtype: .float64) }))
        case .native(let o as TensorObject):
            let t = o.tracedValue
            guard t.count == 1 else {
                throw Diagnostic(.gradientOfNonScalar(function: function, got: "a tensor of shape \(DiagnosticKind.shapeText(t.shape))"), at: nil)
            }
            return (.tensor(t.value), t)
        default:
            throw Diagnostic(.gradientOfNonScalar(function: function, got: "a \(result.typeName)"), at: nil)
        }
    }
}

/// Whether a differentiation runs in this session (grad of grad is refused: first order only).
final class GradientNesting {
    var active = false
}

/// The arguments at `argnums` made into tape leaves, and the shape their gradient takes.
struct GradientLeaves {
    let function: String
    let tape: Tape
    let generator: RandomGenerator
    /// The forward run the models among the arguments use; made for the first one.
    private(set) var run: ForwardRun?

    init(function: String, tape: Tape, generator: RandomGenerator) {
        self.function = function
        self.tape = tape
        self.generator = generator
    }

    static let depthLimit = 32

    /// `v` with its tensors and numbers replaced by leaves, and its structure.
    mutating func lift(_ v: Value, position: Int, depth: Int) throws -> (Value, GradientStructure) {
        guard depth < GradientLeaves.depthLimit else { throw refusal(position, "nests lists or records more than \(GradientLeaves.depthLimit) deep") }
        switch v {
        case .number(let n):
            let leaf = tape.leaf(try bridging { try Tensor(scalar: n, dtype: .float64) })
            return (.traced(leaf), .number(leaf))
        case .native(let o as TensorObject):
            let t = o.tensor
            guard t.dtype.isFloatingPoint else {
                throw refusal(position, "is a tensor of \(t.dtype), which has no gradient; convert it with x.astype(\"f32\")")
            }
            let leaf = tape.leaf(t)
            return (.traced(leaf), .tensor(leaf))
        case .native(let o as ParameterHolder):
            return (v, .parameters(trace(o.parameterEntries)))
        case .list(let l):
            let parts = try l.items.map { try lift($0, position: position, depth: depth + 1) }
            return (.list(ListBox(parts.map(\.0))), .list(parts.map(\.1)))
        case .tuple(let t):
            let parts = try t.items.map { try lift($0, position: position, depth: depth + 1) }
            return (.tuple(TupleBox(parts.map(\.0))), .tuple(parts.map(\.1)))
        case .record(let r):
            let parts = try r.entries.map { ($0.0, try lift($0.1, position: position, depth: depth + 1)) }
            return (.record(RecordBox(entries: parts.map { ($0.0, $0.1.0) })), .record(parts.map { ($0.0, $0.1.1) }))
        default:
            throw refusal(position, "is a \(v.typeName), which has no gradient (differentiate with respect to float tensors, numbers, lists, tuples or records of them, or a model)")
        }
    }

    /// A model's parameters as leaves, traced into this differentiation's forward run.
    private mutating func trace(_ entries: [ParameterEntry]) -> [(String, Traced)] {
        let run = self.run ?? ForwardRun(generator: generator)
        self.run = run
        return entries.map { entry in
            let leaf = tape.leaf(entry.tensor)
            run.trace(entry, as: leaf)
            return (entry.path, leaf)
        }
    }

    private func refusal(_ position: Int, _ problem: String) -> Diagnostic {
        Diagnostic(.gradientArgument(function: function, position: position, problem: problem), at: nil)
    }
}

/// Where each leaf sits in an argument, so that its gradient comes back in the same place.
indirect enum GradientStructure {
    case tensor(Traced)
    case number(Traced)
    case list([GradientStructure])
    case tuple([GradientStructure])
    case record([(RecordKey, GradientStructure)])
    /// A model's: a record by parameter path.
    case parameters([(String, Traced)])

    /// The gradient in this structure: plain tensors with their own storage (two gradients
    /// may otherwise share one, and `g -= ...` on one would change the other), numbers for
    /// numbers, zeros for what the result did not use.
    func gradient(_ g: Gradients) throws -> Value {
        switch self {
        case .tensor(let leaf): return .tensor(try bridging { try g[leaf].copy() })
        case .number(let leaf): return .number(try bridging { try g[leaf].item() })
        case .list(let parts): return .list(ListBox(try parts.map { try $0.gradient(g) }))
        case .tuple(let parts): return .tuple(TupleBox(try parts.map { try $0.gradient(g) }))
        case .record(let fields): return .record(RecordBox(entries: try fields.map { ($0.0, try $0.1.gradient(g)) }))
        case .parameters(let entries):
            return .record(RecordBox(try entries.map { path, leaf in (path, Value.tensor(try bridging { try g[leaf].copy() })) }))
        }
    }
}
