import MNLRuntime

/// Every builtin of the neural-network library (issue 12 §2-§5): layers, functional forms,
/// losses, optimizers, schedules and clipping, and load_model. The model's own methods
/// (fit, predict, save...) are declared with its class (ModelObject.swift).
enum NNBuiltins {
    static var builtins: [Builtin] {
        LayerBuiltins.builtins + FunctionalBuiltins.builtins + LossBuiltins.builtins + OptimizerBuiltins.builtins
            + ScheduleBuiltins.builtins + ModelFile.builtins
    }
}
