import Testing
import TensorKit
@testable import MNLClassic

/// The scalers against scikit-learn (closed forms: agreement to rounding).
@Suite struct PreprocessingTests {
    @Test func scalersMatchScikitLearn() throws {
        let c = try #require(try BaseFixtures.cases("base-scalers").first)
        let x = try BaseFixtures.tensor(c["x"])
        let s = StandardScaler()
        try s.fit(x, nil, monitor: .silent)
        BaseFixtures.expectClose(try s.transform(x), try BaseFixtures.tensor(c["standard"]), 1e-10, "StandardScaler")
        BaseFixtures.expectClose(try s.inverseTransform(try s.transform(x)), x, 1e-10, "inverse")
        guard case .tensor(let variance)? = s.fittedAttributes.first(where: { $0.name == "var_" })?.value else { Issue.record("var_"); return }
        BaseFixtures.expectClose(variance, try BaseFixtures.tensor(c["var"]), 1e-10, "var_")
        let noMean = StandardScaler(withMean: false)
        try noMean.fit(x, nil, monitor: .silent)
        BaseFixtures.expectClose(try noMean.transform(x), try BaseFixtures.tensor(c["no_mean"]), 1e-10, "with_mean=false")
        let m = MinMaxScaler(range: (-1, 2))
        try m.fit(x, nil, monitor: .silent)
        BaseFixtures.expectClose(try m.transform(x), try BaseFixtures.tensor(c["minmax"]), 1e-10, "MinMaxScaler")
        let constant = try BaseFixtures.tensor(c["constant_x"])
        try s.fit(constant, nil, monitor: .silent)
        BaseFixtures.expectClose(try s.transform(constant), try BaseFixtures.tensor(c["constant"]), 1e-10, "constant feature")
    }

    @Test func float32StaysFloat32() throws {
        let x = try Tensor(shape: [2, 1], values: [1, 3], dtype: .float32)
        let s = StandardScaler()
        try s.fit(x, nil, monitor: .silent)
        #expect(try s.transform(x).dtype == .float32)
        #expect(throws: ModelError.featureCount(model: "StandardScaler", expected: 1, got: 2)) { try s.transform(try Tensor.zeros([1, 2])) }
    }
}
