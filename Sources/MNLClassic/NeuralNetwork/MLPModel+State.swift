import TensorKit

extension MLPModel {
    /// scikit-learn's fitted attributes of a stochastic-solver MLP (after the classifier's
    /// `classes_`).
    var fittedAttributes: [(name: String, value: FittedValue)] {
        switch fitted {
        case .float(let r)?: attributes(r)
        case .double(let r)?: attributes(r)
        case nil: []
        }
    }

    private func attributes<T>(_ r: MLPFitResult<T>) -> [(name: String, value: FittedValue)] {
        let net = r.network
        var list: [(name: String, value: FittedValue)] = [
            ("coefs_", .tensors(net.coefTensors())), ("intercepts_", .tensors(net.interceptTensors())),
            ("loss_", .number(r.lossCurve.last ?? .nan)), ("loss_curve_", .tensor(.vector(r.lossCurve))),
        ]
        if let best = r.bestLoss { list.append(("best_loss_", .number(best))) }
        if let scores = r.validationScores {
            list.append(("validation_scores_", .tensor(.vector(scores))))
            list.append(("best_validation_score_", .number(r.bestValidationScore ?? .nan)))
        }
        list += [("n_iter_", .int(r.lossCurve.count)), ("n_layers_", .int(net.units.count)), ("n_outputs_", .int(net.units[net.layerCount])),
                 ("out_activation_", .text(net.output.rawValue)), ("n_features_in_", .int(net.units[0]))]
        return list
    }

    /// The weights per layer (`coefs_.0`, `intercepts_.0`, ...), in the network's dtype, and
    /// the loss curve (and validation scores), from which the other attributes follow.
    var savedState: [String: Tensor] {
        switch fitted {
        case .float(let r)?: state(r)
        case .double(let r)?: state(r)
        case nil: [:]
        }
    }

    private func state<T>(_ r: MLPFitResult<T>) -> [String: Tensor] {
        var s: [String: Tensor] = ["loss_curve_": .vector(r.lossCurve), "converged_": .vector([r.converged ? 1 : 0])]
        for (l, (c, b)) in zip(r.network.coefTensors(), r.network.interceptTensors()).enumerated() {
            s["coefs_.\(l)"] = c
            s["intercepts_.\(l)"] = b
        }
        if let scores = r.validationScores { s["validation_scores_"] = .vector(scores) }
        return s
    }

    /// A saved state back, for a network with `outputs` outputs through `output`; the layers'
    /// sizes come from hidden_layer_sizes and the first coefficient matrix.
    func restore(_ state: [String: Tensor], outputs: Int, output: MLPOutput) throws {
        let r = SavedStateReader(model: kind, state)
        let first = try r.tensor("coefs_.0", shape: [nil, settings.hiddenLayerSizes.first ?? outputs])
        let units = [first.shape[0]] + settings.hiddenLayerSizes + [outputs]
        if first.dtype == .float32 {
            fitted = .float(try result(Float.self, r, units, output))
        } else {
            fitted = .double(try result(Double.self, r, units, output))
        }
        convergenceWarning = nil
    }

    private func result<T: BLASFloat>(_: T.Type, _ r: SavedStateReader, _ units: [Int], _ output: MLPOutput) throws -> MLPFitResult<T> {
        let network = MLPNetwork<T>(units: units, activation: settings.activation, output: output)
        var coefs = [[Double]](), intercepts = [[Double]]()
        for l in 0 ..< units.count - 1 {
            coefs.append(try r.doubles("coefs_.\(l)", shape: [units[l], units[l + 1]]))
            intercepts.append(try r.doubles("intercepts_.\(l)", shape: [units[l + 1]]))
        }
        _ = network.setWeights(coefs: coefs, intercepts: intercepts)
        let curve = try r.doubles("loss_curve_", shape: [nil])
        let scores = state(r, "validation_scores_")
        return MLPFitResult(network: network, lossCurve: curve, bestLoss: scores == nil ? curve.min() : nil,
                            validationScores: scores, bestValidationScore: scores?.max(),
                            converged: (try? r.number("converged_")) != 0)
    }

    private func state(_ r: SavedStateReader, _ name: String) -> [Double]? {
        r.state[name] == nil ? nil : try? r.doubles(name, shape: [nil])
    }
}
