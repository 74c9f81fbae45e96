import MNLSyntax

/// The language's own builtins, by topic. Libraries add theirs with `Session.install`.
public enum CoreBuiltins {
    public static var all: [Builtin] { output + conversion + collections + system + classes + dicts }
}
