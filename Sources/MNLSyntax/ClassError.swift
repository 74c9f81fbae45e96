/// The errors of class declarations and instances, grouped so that they read as one topic.
public enum ClassError: Equatable, Sendable {
    /// Something other than `fn` (or an opening doc string) inside a class body.
    case notAMethod
    case methodWithoutSelf(method: String)
    case duplicateMethod(String)
    /// `super` outside a method of a class.
    case superOutsideMethod
    /// `super` in a method of a class declared without a base.
    case superWithoutBase(className: String)
    /// `class Dense(x)` where `x` is not a class.
    case baseNotAClass(got: String)
    case inheritanceTooDeep(limit: Int)
    /// A class without `init` called with arguments.
    case noInit(className: String, got: Int)
    /// `__str__` or `__repr__` returned something other than a string.
    case badTextMethod(method: String, got: String)
    /// `Dense.forward = f`: a class's members are its methods, declared in its body.
    case classMemberAssigned(className: String, name: String)

    public var message: String {
        switch self {
        case .notAMethod: "a class body holds only methods ('fn name(self, ...) { }'), after an optional doc string"
        case .methodWithoutSelf(let m): "method '\(m)' needs a first parameter for the instance (self)"
        case .duplicateMethod(let m): "method '\(m)' is defined twice in this class"
        case .superOutsideMethod: "'super' is only meaningful inside a method of a class"
        case .superWithoutBase(let c): "'super' used in class '\(c)', which has no base class"
        case .baseNotAClass(let t): "a class can only inherit from a class, not from a \(t)"
        case .inheritanceTooDeep(let limit): "class hierarchy too deep (more than \(limit) levels)"
        case .noInit(let c, let n): "'\(c)' has no init method and takes no arguments, got \(n)"
        case .badTextMethod(let m, let t): "\(m) must return a string, not a \(t)"
        case .classMemberAssigned(let c, let n):
            "cannot assign '\(c).\(n)': a class's methods are declared in its body (fields belong to instances)"
        }
    }
}
