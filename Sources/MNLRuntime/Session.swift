import Foundation
import MNLDisplay
import MNLSyntax

/// Everything one user's work needs: globals, builtins, imported files, library state and
/// the interrupt poll. There is no global state; tests run many sessions side by side.
public final class Session {
    public let globals: GlobalTable
    var interpreter: Interpreter!
    /// Every builtin by name (what `help` and completion read).
    public private(set) var builtins: [String: Builtin] = [:]
    /// Where results go: `print`'s text, progress bars' status lines, figures; and what the
    /// terminal can do.
    public var display: Display
    /// Writes text to the display (what `print` does).
    public func output(_ text: String) { display.write(text) }
    /// Asked at safe points (loop iterations, calls, between batches); true stops the run.
    public var interruptCheck: @Sendable () -> Bool = { false }
    /// Wraps every run on its thread; libraries use it to set up per-run context (TensorKit's
    /// cancellation flag, so long tensor operations also stop on Ctrl-C).
    public var executionScope: (_ body: () -> Void) -> Void = { $0() }
    /// `args` in scripts: the arguments after the script name.
    public var scriptArguments: [String] = [] {
        didSet { globals.set("args", .list(scriptArguments.map { .string($0) })) }
    }
    /// Files imported so far (canonical paths), so each is run once; and those being run now.
    var importedFiles: Set<String> = []
    var importing: [String] = []
    private var libraryState: [ObjectIdentifier: AnyObject] = [:]
    private var installers: [(Session) -> Void] = []
    /// Library globals that are not builtins (`install(global:make:)`), remade on reset.
    private var libraryGlobals: [(name: String, make: () -> Value)] = []

    /// A session whose text goes to `output`, a plain (non-terminal) display.
    public convenience init(output: @escaping (String) -> Void) {
        self.init(display: PlainDisplay(output))
    }

    /// A session writing to standard output as a plain display (the executable passes a
    /// terminal display when stdout is a terminal).
    public convenience init() {
        self.init(display: PlainDisplay.standardOutput())
    }

    public init(display: Display) {
        self.globals = GlobalTable()
        self.display = display
        self.interpreter = Interpreter(session: self, globals: globals)
        install(CoreBuiltins.all)
        for (name, value) in CoreBuiltins.constants { globals.set(name, value) }
        globals.set("args", .list([]))
    }

    /// Adds builtins (the binding layer calls this for tensors, data, models...).
    public func install(_ list: [Builtin]) {
        for b in list {
            builtins[b.name] = b
            globals.set(b.name, .builtin(BuiltinFunction(b)))
        }
    }

    /// Adds a library global that is not a builtin: a namespace record such as `linalg`.
    /// `make` runs again on reset, so a script's changes to it do not outlive the session state.
    public func install(global name: String, make: @escaping () -> Value) {
        libraryGlobals.append((name, make))
        globals.set(name, make())
    }

    public func isInterruptRequested() -> Bool { interruptCheck() }

    /// Per-session state of a library (its random generator, say), made on first use.
    public func state<T: AnyObject>(_ type: T.Type, make: () -> T) -> T {
        if let s = libraryState[ObjectIdentifier(type)] as? T { return s }
        let s = make()
        libraryState[ObjectIdentifier(type)] = s
        return s
    }

    /// Forgets every variable and imported file, and restores the builtins.
    public func reset() {
        globals.clear()
        importedFiles = []
        libraryState = [:]
        for b in builtins.values { globals.set(b.name, .builtin(BuiltinFunction(b))) }
        for (name, value) in CoreBuiltins.constants { globals.set(name, value) }
        for (name, make) in libraryGlobals { globals.set(name, make()) }
        globals.set("args", .list(scriptArguments.map { .string($0) }))
    }

    /// A global's value, if defined.
    public func global(_ name: String) -> Value? { globals[name] }

    /// The defined globals that are not builtins, in creation order.
    public var userVariables: [(String, Value)] {
        globals.definedNames.compactMap { name in
            guard let v = globals[name] else { return nil }
            if case .builtin(let b) = v, builtins[name] != nil, b.receiver == nil { return nil }
            if name == "args" { return nil }
            if libraryGlobals.contains(where: { $0.name == name }) { return nil }
            if case .number(let n) = v, let c = CoreBuiltins.constants.first(where: { $0.0 == name }),
               case .number(let m) = c.1, n.bitPattern == m.bitPattern { return nil }  // an untouched pi, e, inf or nan
            return (name, v)
        }
    }
}
