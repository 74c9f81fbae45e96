import MNLSyntax

/// One `x.name` in the program. The name is resolved to a member of the native class the
/// first time the site sees that class, and kept: later accesses on objects of the same
/// class compare one pointer instead of hashing the name (an inline cache, as in Wren and
/// the JavaScript engines). Other values take `Members.get`.
final class MemberSite {
    let name: String
    /// The class last seen here and its member; single-threaded, like the whole interpreter.
    @exclusivity(unchecked) private var cachedClass: NativeClass?
    @exclusivity(unchecked) private var cachedMember: NativeMember?

    init(_ name: String) { self.name = name }

    func get(_ base: Value, _ ctx: CallContext) throws -> Value {
        guard case .native(let o) = base else { return try Members.get(base, name, ctx) }
        let c = o.nativeClass
        if c === cachedClass, let m = cachedMember { return try o.member(m) }
        // Only declared members are cached: found-by-name ones (a table's columns) depend on
        // the object.
        if let m = c.member(name) {
            cachedClass = c
            cachedMember = m
            return try o.member(m)
        }
        return try Members.get(base, name, ctx)
    }
}
