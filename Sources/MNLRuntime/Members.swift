import MNLSyntax

/// `x.name` and `x.name = v`: record fields, methods of lists, strings and records, and the
/// members their native class declares (`x.name` sites go through `MemberSite` first).
public enum Members {
    static func get(_ base: Value, _ name: String, _ ctx: CallContext) throws -> Value {
        switch base {
        case .record(let r):
            if let v = r[name] { return v }
            if let m = CoreMethods.record[name] { return .builtin(BuiltinFunction(m, receiver: base)) }
            throw Diagnostic(.noSuchMember(type: "record", name: name, suggestion: closestName(to: name, among: r.stringKeys)), at: nil)
        case .instance(let i): return try ClassMembers.get(i, name)
        case .classType(let k): return try ClassMembers.get(k, name)
        case .native(let o):
            guard let m = o.nativeClass.member(name, of: o) else {
                throw Diagnostic(.noSuchMember(type: o.typeName, name: name,
                                               suggestion: closestName(to: name, among: o.nativeClass.memberNames(of: o))), at: nil)
            }
            return try o.member(m)
        default:
            let table = CoreMethods.table(for: base)
            if let m = table[name] { return .builtin(BuiltinFunction(m, receiver: base)) }
            throw Diagnostic(.noSuchMember(type: base.typeName, name: name, suggestion: closestName(to: name, among: table.keys)), at: nil)
        }
    }

    static func set(_ base: Value, _ name: String, _ value: Value, _ ctx: CallContext) throws {
        switch base {
        case .record(let r): r[name] = value
        case .native(let o): try o.setMember(name, to: value)
        case .instance(let i): i.setField(name, value)
        case .classType(let k): throw Diagnostic(.classError(.classMemberAssigned(className: k.name, name: name)), at: nil)
        default: throw Diagnostic(.notAssignable(type: base.typeName), at: nil)
        }
    }

    /// Member names for completion after `x.`.
    public static func names(of v: Value) -> [String] {
        switch v {
        case .record(let r): return r.stringKeys + CoreMethods.record.keys.sorted()
        case .native(let o): return o.nativeClass.memberNames(of: o)
        case .instance(let i): return ClassMembers.names(of: i)
        case .classType(let k): return k.methods.keys.sorted()
        default: return CoreMethods.table(for: v).keys.sorted()
        }
    }
}
