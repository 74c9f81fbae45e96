import Testing
import TensorKit
@testable import MNLClassic

/// PCA (the stretch item) and KMeans against scikit-learn.
@Suite struct SVMClusterTests {
    /// An exact SVD on both sides, signs fixed by the same rule: equal to rounding.
    @Test func pcaMatchesScikitLearn() throws {
        for c in try SVMFixture.cases("svm-pca") {
            let s = c["settings"] as? [String: Any] ?? [:]
            let n: HyperValue = (s["n_components"] as? Int).map { .int($0) } ?? (s["n_components"] as? Double).map { .double($0) } ?? .none
            let m = try PCA(nComponents: n, whiten: s["whiten"] as? Bool ?? false)
            try m.fit(try SVMFixture.tensor(c["x"]), nil, monitor: .silent)
            let st = try m.state()
            #expect(SVMFixture.maxDifference(st.components.values, try SVMFixture.doubles(c["components"])) < 1e-9, "\(s)")
            #expect(SVMFixture.maxDifference(st.variance, try SVMFixture.doubles(c["explained_variance"])) < 1e-9, "\(s)")
            #expect(SVMFixture.maxDifference(st.ratio, try SVMFixture.doubles(c["ratio"])) < 1e-12, "\(s)")
            #expect(SVMFixture.maxDifference(st.singular, try SVMFixture.doubles(c["singular"])) < 1e-9, "\(s)")
            #expect(abs(st.noise - (c["noise"] as? Double ?? .nan)) < 1e-9, "\(s)")
            let xt = try SVMFixture.tensor(c["x_test"])
            let t = try m.transform(xt)
            #expect(SVMFixture.maxDifference(t.toDoubles(), try SVMFixture.doubles(c["transform"])) < 1e-9, "\(s)")
            #expect(SVMFixture.maxDifference(try m.inverseTransform(t).toDoubles(), try SVMFixture.doubles(c["inverse"])) < 1e-9, "\(s)")
        }
    }

    /// Lloyd's iterations from the same start are deterministic: the same centres, labels,
    /// iteration count and inertia as scikit-learn's. From k-means++ the random streams
    /// differ, so the best inertia of 10 starts is compared: within 1 % of scikit-learn's
    /// (measured: equal on these well-separated problems).
    @Test func kmeansMatchesScikitLearn() throws {
        for c in try SVMFixture.cases("svm-kmeans") {
            let k = c["k"] as? Int ?? 0
            let x = try SVMFixture.tensor(c["x"])
            let fixed = try KMeans(nClusters: k)
            try fixed.fit(x, centers: try SVMFixture.tensor(c["init"]))
            let st = try fixed.state()
            #expect(SVMFixture.maxDifference(st.centers.values, try SVMFixture.doubles(c["fixed_centers"])) < 1e-9, "k=\(k)")
            #expect(st.labels.map(Double.init) == (try SVMFixture.doubles(c["fixed_labels"])), "k=\(k)")
            #expect(st.iterations == c["fixed_n_iter"] as? Int, "k=\(k)")
            #expect(abs(st.inertia - (c["fixed_inertia"] as? Double ?? .nan)) < 1e-6, "k=\(k)")
            let m = try KMeans(nClusters: k, nInit: .int(10), random: RandomGenerator(seed: 1))
            try m.fit(x, nil, monitor: .silent)
            let expected = c["inertia"] as? Double ?? .nan
            let inertia = try m.state().inertia
            #expect(inertia <= expected * 1.01, "k=\(k): \(inertia) vs \(expected)")
        }
    }

    @Test func kmeansIsReproducibleAndChecksItsArguments() throws {
        let x = try Tensor(shape: [6, 1], values: [0, 0.1, 0.2, 5, 5.1, 5.2], dtype: .float64)
        let a = try KMeans(nClusters: 2, randomState: 3), b = try KMeans(nClusters: 2, randomState: 3)
        try a.fit(x, nil, monitor: .silent)
        try b.fit(x, nil, monitor: .silent)
        #expect(try a.predict(x).toDoubles() == (try b.predict(x)).toDoubles())
        #expect(try a.transform(x).shape == [6, 2])
        #expect(throws: ModelError.self) { try KMeans(nClusters: 7).fit(x, nil, monitor: .silent) }
        #expect(throws: ModelError.self) { try KMeans(initMethod: "best") }
        #expect(throws: ModelError.self) { try PCA(nComponents: .double(1.5)) }
    }
}
