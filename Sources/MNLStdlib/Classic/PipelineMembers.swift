import MNLClassic
import MNLRuntime
import MNLSyntax

/// A pipeline's steps as the language sees them: `p.named_steps` (a record by name),
/// `p.steps` (a list of (name, model) tuples), `p["svc"]` and `p[0]` (negative from the end),
/// and `p[a:b]`, a pipeline of those steps (scikit-learn's slicing, sharing the models). Each
/// step is a model value sharing its model with the pipeline and with the value the user
/// passed, so reading its fitted attributes after `p.fit` sees the fit.
enum PipelineMembers {
    static func steps(of o: ClassicModelObject) -> [(name: String, object: ClassicModelObject)]? {
        guard let p = o.estimator as? Pipeline, p.steps.count == o.model.stepModels.count else { return nil }
        return zip(p.steps, o.model.stepModels).map { step, model in (step.name, ClassicModelObject(shared: step.model, model)) }
    }

    static func member(_ name: String, of o: ClassicModelObject) -> NativeProperty? {
        guard o.estimator is Pipeline else { return nil }
        switch name {
        case "named_steps":
            return NativeProperty(readOnly: name, doc: "The steps as a record by name.", of: ClassicModelObject.self) { o in
                .record(RecordBox((steps(of: o) ?? []).map { ($0.name, .native($0.object)) }))
            }
        case "steps":
            return NativeProperty(readOnly: name, doc: "The steps as a list of (name, model) tuples.", of: ClassicModelObject.self) { o in
                .list(ListBox((steps(of: o) ?? []).map { .tuple(TupleBox([.string($0.name), .native($0.object)])) }))
            }
        default: return nil
        }
    }

    static func memberNames(of o: ClassicModelObject) -> [String] { o.estimator is Pipeline ? ["named_steps", "steps"] : [] }

    static func step(of o: ClassicModelObject, at items: [IndexArgument]) throws -> Value {
        func fail(_ message: String) -> Diagnostic { Diagnostic(.invalidValue(function: "\(o.model.name)[]", message: message), at: nil) }
        guard let all = steps(of: o) else { throw fail("only a Pipeline can be indexed (by a step's name or position)") }
        guard items.count == 1 else { throw fail("index a Pipeline with one name, position or slice, e.g. p[\"svc\"] or p[0]") }
        switch items[0] {
        case .value(.string(let name)):
            guard let s = all.first(where: { $0.name == name }) else {
                throw fail("no step named \"\(name)\"; the steps are " + all.map { "\"\($0.name)\"" }.joined(separator: ", "))
            }
            return .native(s.object)
        case .value(let v):
            guard let n = v.numberValue, let i = IntegerConversion.exact(n) else { throw fail("index a Pipeline with a step's name or position, got \(v.typeName)") }
            let k = i < 0 ? i + all.count : i
            guard all.indices.contains(k) else { throw Diagnostic(.indexOutOfRange(index: i, axis: 0, size: all.count), at: nil) }
            return .native(all[k].object)
        case .slice(let start, let stop, let step):
            guard step == nil || step == 1 else { throw fail("a Pipeline slice takes no step (scikit-learn's neither)") }
            let range = clamped(start, stop, count: all.count)
            guard !range.isEmpty else { throw fail("the slice selects no steps") }
            return .native(try PipelineModels.make(all[range].map { ($0.name, $0.object) }))
        case .ellipsis:
            throw fail("index a Pipeline with one name, position or slice")
        }
    }

    /// Python's slice bounds: negatives from the end, clamped to the steps.
    private static func clamped(_ start: Int?, _ stop: Int?, count: Int) -> Range<Int> {
        func bound(_ b: Int?, _ fallback: Int) -> Int {
            guard let b else { return fallback }
            return Swift.min(count, Swift.max(0, b < 0 ? b + count : b))
        }
        let (a, b) = (bound(start, 0), bound(stop, count))
        return a < b ? a..<b : a..<a
    }
}
