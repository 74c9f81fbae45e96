import MNLClassic

extension ClassicModels {
    /// scikit-learn's scalers (`sklearn.preprocessing`).
    static var preprocessingModels: [ClassicModel] {
        [
            ClassicModel("StandardScaler", ["with_mean": .bool(true), "with_std": .bool(true)],
                         doc: "Standardises each feature to mean 0 and standard deviation 1 with the training data's statistics (scikit-learn's StandardScaler); with_mean=false only scales, with_std=false only centres. Fitted: mean_, var_, scale_. A constant feature keeps scale 1.",
                         example: "s = StandardScaler().fit(tensor([[1.0, 10.0], [3.0, 30.0]]))\ns.transform(tensor([[2.0, 40.0]]))") {
                try StandardScaler($0)
            },
            ClassicModel("MinMaxScaler", ["feature_range": .ints([0, 1])],
                         doc: "Scales each feature linearly so that its training minimum and maximum map to feature_range (scikit-learn's MinMaxScaler). Fitted: data_min_, data_max_, data_range_, scale_, min_.",
                         example: "MinMaxScaler(feature_range=(-1, 1)).fit_transform(tensor([[0.0], [5.0], [10.0]]))") {
                try MinMaxScaler($0)
            },
        ]
    }
}
