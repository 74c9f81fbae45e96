import MNLClassic

extension ClassicModels {
    /// scikit-learn's KMeans (`sklearn.cluster`) and PCA (`sklearn.decomposition`).
    static var clusterModels: [ClassicModel] {
        [
            ClassicModel("KMeans", ["n_clusters": .int(8), "init": .string("k-means++"), "n_init": .string("auto"), "max_iter": .int(300),
                                    "tol": .double(1e-4), "random_state": .none],
                         doc: "k-means clustering (scikit-learn's KMeans): Lloyd's algorithm with distances on BLAS, started from greedy k-means++ (init=\"k-means++\") or random rows (\"random\"), n_init times (\"auto\": once for k-means++, 10 times for random), keeping the lowest inertia; stops when no label changes or the centres move less than tol (relative to the data's variance) or after max_iter iterations. random_state seeds the starts (nil: the session's generator, so seed(n) repeats a fit). predict gives the nearest centre, transform the distances to every centre, score minus the inertia. Fitted: cluster_centers_, labels_, inertia_, n_iter_.",
                         example: "x = tensor([[0.0, 0.0], [0.2, 0.1], [5.0, 5.0], [5.1, 4.9]])\nm = KMeans(n_clusters=2, random_state=0).fit(x)\n(m.labels_[0] == m.labels_[1], m.labels_[0] != m.labels_[2], round(m.inertia_, 3))",
                         randomized: { try KMeans($0, random: $1) }),
            ClassicModel("PCA", ["n_components": .none, "whiten": .bool(false)],
                         doc: "Principal component analysis (scikit-learn's PCA, exact solver): the centred data's SVD (LAPACK), components' signs as scikit-learn's svd_flip. n_components is nil (all), a count, or a fraction in (0, 1) (the fewest components explaining more than that share of the variance); whiten=true scales the projections to unit variance. transform projects rows, inverse_transform maps projections back. Fitted: components_, explained_variance_, explained_variance_ratio_, singular_values_, mean_, n_components_, noise_variance_.",
                         example: "x = tensor([[2.0, 0.0], [0.0, 1.0], [-2.0, 0.0], [0.0, -1.0]])\np = PCA(n_components=1).fit(x)\n(p.components_, p.explained_variance_ratio_, p.transform(tensor([[1.0, 0.0]])))") {
                try PCA($0)
            },
        ]
    }
}
