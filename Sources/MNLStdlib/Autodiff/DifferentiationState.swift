import MNLLearn
import MNLRuntime
import TensorKit

/// What a session's running differentiation (`grad`, `value_and_grad`, `fit`) shares with the
/// builtins and models called inside it: the forward run whose leaves stand for the
/// parameters of the models being differentiated. Nil outside a differentiation, so models
/// then compute on their own parameters as constants. Per session (`Session.state`).
final class DifferentiationState {
    /// The run that models called now use; set for the duration of a differentiation.
    var run: ForwardRun?

    static func of(_ session: Session) -> DifferentiationState { session.state(DifferentiationState.self) { DifferentiationState() } }
}

/// A value whose parameters `grad` differentiates when it is an argument: a model, whose
/// gradient comes back as a record by parameter path (`"0.weight"`).
protocol ParameterHolder: AnyObject {
    /// Every trainable parameter with its path, in order.
    var parameterEntries: [ParameterEntry] { get }
}
