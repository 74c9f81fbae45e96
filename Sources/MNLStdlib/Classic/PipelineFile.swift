import Foundation
import MNLClassic
import MNLData
import MNLRuntime
import MNLSyntax
import TensorKit

/// A pipeline in a classic model file (ClassicFile.swift): the usual metadata with kind
/// "Pipeline", plus "steps", a JSON list of each step's name, kind and hyperparameters (a
/// nested pipeline lists its own steps), and every step's tensors named "step.tensor". Loading
/// builds each step through its declaration, as a single model loads, so nothing runs.
enum PipelineFile {
    struct StepRecord: Codable {
        let name: String
        let kind: String
        let hyperparameters: [String: HyperValue]
        let steps: [StepRecord]?
    }

    static func records(_ o: ClassicModelObject) -> [StepRecord]? {
        PipelineMembers.steps(of: o)?.map { step in
            StepRecord(name: step.name, kind: step.object.model.name,
                       hyperparameters: Dictionary(step.object.estimator.hyperparameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                       steps: records(step.object))
        }
    }

    /// The "steps" metadata of a pipeline, nil for a single model.
    static func stepsMetadata(_ o: ClassicModelObject) throws -> String? {
        guard let steps = records(o) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(steps), as: UTF8.self)
    }

    static func load(_ tensors: TensorDictionary, _ metadata: [String: String], fail: (String) -> Diagnostic) throws -> Value {
        guard let text = metadata["steps"], let steps = try? JSONDecoder().decode([StepRecord].self, from: Data(text.utf8)) else {
            throw fail("the pipeline's steps are missing or not valid JSON")
        }
        let (model, estimator) = try build(steps, fail: fail)
        if metadata["fitted"] == "true" {
            var state: [String: Tensor] = [:]
            for name in tensors.names { state[name] = tensors[name] }
            do { try estimator.restore(state) } catch let e as ModelError { throw fail(e.message) } catch let e as TensorError { throw fail("\(e)") }
        }
        return .native(ClassicModelObject(estimator, model))
    }

    /// The pipeline of these steps and its declaration, nested pipelines built the same way.
    private static func build(_ steps: [StepRecord], fail: (String) -> Diagnostic) throws -> (ClassicModel, Pipeline) {
        var models: [ClassicModel] = [], shared: [SharedEstimator] = []
        for step in steps {
            if step.kind == "Pipeline", let inner = step.steps {
                let (model, p) = try build(inner, fail: fail)
                models.append(model)
                shared.append(SharedEstimator(p))
            } else {
                guard let model = ClassicModels.named(step.kind) else { throw fail("unknown model kind '\(step.kind)' in step \"\(step.name)\"") }
                models.append(model)
                shared.append(SharedEstimator(try ClassicFile.estimator(model, step.hyperparameters, fail: fail)))
            }
        }
        let names = steps.map(\.name)
        let model = PipelineModels.declaration(names: names, steps: models, generators: shared.map { ($0.estimator as? RandomizedEstimator)?.randomGenerator })
        do { return (model, try PipelineModels.estimator(names: names, shared: shared, model: model)) } catch let e as ModelError { throw fail(e.message) }
    }
}
