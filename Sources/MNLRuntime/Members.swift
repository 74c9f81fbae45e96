import MNLSyntax

/// `x.name` and `x.name = v`: record fields, methods of lists, strings and records, and the
/// member tables of native objects.
public enum Members {
    static func get(_ base: Value, _ name: String, _ ctx: CallContext) throws -> Value {
        switch base {
        case .record(let r):
            if let v = r[name] { return v }
            if let m = CoreMethods.record[name] { return .builtin(BuiltinFunction(m, receiver: base)) }
            throw Diagnostic(.noSuchMember(type: "record", name: name, suggestion: closestName(to: name, among: r.stringKeys)), at: nil)
        case .native(let o):
            switch o.members[name] {
            case .property(_, let get)?: return try get(o)
            case .method(let m)?: return .builtin(BuiltinFunction(m, receiver: base))
            case nil:
                throw Diagnostic(.noSuchMember(type: o.typeName, name: name,
                                               suggestion: closestName(to: name, among: o.members.names)), at: nil)
            }
        default:
            let table = CoreMethods.table(for: base)
            if let m = table[name] { return .builtin(BuiltinFunction(m, receiver: base)) }
            throw Diagnostic(.noSuchMember(type: base.typeName, name: name, suggestion: closestName(to: name, among: table.keys)), at: nil)
        }
    }

    static func set(_ base: Value, _ name: String, _ value: Value, _ ctx: CallContext) throws {
        switch base {
        case .record(let r): r[name] = value
        case .native(let o): try o.setMember(name, to: value, ctx)
        default: throw Diagnostic(.notAssignable(type: base.typeName), at: nil)
        }
    }

    /// Member names for completion after `x.`.
    public static func names(of v: Value) -> [String] {
        switch v {
        case .record(let r): return r.stringKeys + CoreMethods.record.keys.sorted()
        case .native(let o): return o.members.names
        default: return CoreMethods.table(for: v).keys.sorted()
        }
    }
}
