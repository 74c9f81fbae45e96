/// A model as the user holds it, shared by the language's model value and every pipeline
/// the model is a step of. scikit-learn's pipeline fits the very objects it was given; here a
/// pipeline fits fresh copies of its steps and, only when every step has succeeded, puts
/// them in these references, so the user's models see the fit and a fit stopped by Ctrl-C
/// or an error leaves every one of them as it was.
public final class SharedEstimator {
    public var estimator: any Estimator

    public init(_ estimator: any Estimator) { self.estimator = estimator }
}
