import Foundation
import MNLSyntax
import Testing

/// MLPClassifier on the embedded MNIST sample against scikit-learn's accuracy on the same data
/// (Tests/MNLClassicTests/Fixtures/mlp-sample-accuracy.json, from
/// scripts/make-classic-fixtures-mlp.py). The initial weights and the shuffles come from
/// different generators, so one fit is one draw from the spread of seeds: scikit-learn's 15
/// seeds give a mean of about 0.920 with a standard deviation of about 0.003 after 10 epochs.
/// The fit must reach scikit-learn's mean less 1 point, three of those deviations: a worse
/// result means the training differs, not the luck of the draw. (The exact agreement of the
/// training itself, from the same weights, is MNLClassicTests' MLPTests.)
@Suite struct MLPAccuracyTests {
    @Test func theDefaultNetworkLearnsTheEmbeddedDigitsAsScikitLearnDoes() throws {
        let fixture = ScriptHarness.repositoryRoot.appendingPathComponent("Tests/MNLClassicTests/Fixtures/mlp-sample-accuracy.json")
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [[String: Any]])
        let reference = try #require(cases.first?["accuracies"] as? [Double])
        let mean = reference.reduce(0, +) / Double(reference.count)
        let outcome = ScriptHarness.run("""
            d = mnist()
            m = MLPClassifier(max_iter=10, random_state=0).fit(flatten(d.train.x, start=1).astype("f32") / 255, d.train.y)
            print(m.score(flatten(d.test.x, start=1).astype("f32") / 255, d.test.y))
            print(m.n_iter_, m.loss_curve_[0] > m.loss_curve_[-1])
            """, name: "mlp-accuracy.mnl")
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map { DiagnosticRenderer().render($0) })")
        let lines = outcome.lines.filter { !$0.hasPrefix("loaded") && !$0.hasPrefix("warning") }
        let accuracy = try #require(lines.first.flatMap(Double.init))
        #expect(accuracy >= mean - 0.01, "test accuracy \(accuracy), scikit-learn's mean \(mean)")
        #expect(lines.last == "10 true")
    }
}
