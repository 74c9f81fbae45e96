import MNLSyntax

/// Where `super` finds the base of the class whose method is running. One box per compiled
/// class declaration, filled each time the declaration runs. It holds the base, not the class
/// itself: the class's methods hold the box through their code, and a reference back to their
/// own class would be a cycle (a weak one would slow every retain of the class).
final class ClassBox {
    var base: ClassType?
}

extension Compiler {
    /// `class Name(Base) { ... }`: evaluates the base, makes the methods (closures over the
    /// current frame, as `fn` would), builds the class and binds its name.
    func classDeclaration(_ decl: ClassDecl) -> Exec {
        let box = ClassBox()
        classBoxes.append(box)
        let methods = decl.methods.map { m in (m.name ?? "", closure(m, name: "\(decl.name).\(m.name ?? "")")) }
        classBoxes.removeLast()
        let base = decl.base.map { ($0.range, expression($0)) }
        guard let ref = resolution.names[decl.nameRange.start] else { return { _ in .normal(.null) } }
        let store = write(ref)
        let name = decl.name, doc = decl.doc, fields = decl.assignedFields
        return { f in
            var parent: ClassType?
            if let (range, code) = base { parent = try Compiler.baseClass(try code(f), at: range) }
            var made: [(String, Closure)] = []
            for (method, code) in methods { if case .closure(let c) = try code(f) { made.append((method, c)) } }
            let k = ClassType(name: name, base: parent, doc: doc, methods: made, fields: fields)
            box.base = parent
            store(f, .classType(k))
            return .normal(.null)
        }
    }

    static func baseClass(_ v: Value, at range: SourceRange) throws -> ClassType {
        guard case .classType(let k) = v else { throw Diagnostic(.classError(.baseNotAClass(got: v.typeName)), at: range) }
        guard k.depth < ClassType.maxDepth else { throw Diagnostic(.classError(.inheritanceTooDeep(limit: ClassType.maxDepth)), at: range) }
        return k
    }

    /// `super.name`: the method `name` of the base of the class being defined, bound to the
    /// running method's instance.
    func superMember(_ name: String, _ nameRange: SourceRange, _ range: SourceRange) -> Code {
        guard let box = classBoxes.last, let ref = ref(at: range) else { return { _ in .null } }   // reported by the resolver
        let receiver = read(ref, name: "self", range: range)
        return { f in
            guard case .instance(let instance) = try receiver(f) else {
                throw Diagnostic(.classError(.superOutsideMethod), at: range)
            }
            guard let parent = box.base else { throw Diagnostic(.classError(.superOutsideMethod), at: range) }
            guard let method = parent.methods[name] else {
                throw Diagnostic(.noSuchMember(type: parent.name, name: name, suggestion: closestName(to: name, among: parent.methods.keys)),
                                 at: nameRange)
            }
            return .boundMethod(BoundMethod(receiver: instance, method: method))
        }
    }

    /// `x.name`: an instance's field or method through the site's cache, anything else
    /// through `Members`.
    func memberRead(_ base: Expr, _ name: String, _ nameRange: SourceRange) -> Code {
        let object = operand(base)
        let cache = MemberCache(name)
        return { f in try located(nameRange) { try Compiler.getMember(try object.load(f), cache, f) } }
    }

    /// `o.name` through the site's cache when `o` is an instance, else through `Members`.
    @inline(__always)
    static func getMember(_ o: Value, _ cache: MemberCache, _ f: Frame) throws -> Value {
        if case .instance(let instance) = o {
            cache.update(for: instance.cls)
            if cache.slot >= 0, let v = instance.fields[cache.slot] { return v }
            if instance.extra == nil, let m = cache.method { return .boundMethod(BoundMethod(receiver: instance, method: m)) }
        }
        return try cache.nativeSite.get(o, f.context)
    }

    /// `o.name = v`: a field of the class's layout is stored in its slot.
    @inline(__always)
    static func setMember(_ o: Value, _ v: Value, _ cache: MemberCache, _ f: Frame) throws {
        if case .instance(let instance) = o {
            cache.update(for: instance.cls)
            if cache.slot >= 0 {
                instance.fields[cache.slot] = v
                return
            }
        }
        try Members.set(o, cache.name, v, f.context)
    }

    /// `x.name = v`: a field of the class's layout is stored in its slot.
    func memberWrite(_ base: Expr, _ name: String, _ range: SourceRange) -> (Frame, Value) throws -> Void {
        let object = operand(base)
        let cache = MemberCache(name)
        return { f, v in
            let o = try object.load(f)
            try located(range) { try Compiler.setMember(o, v, cache, f) }
        }
    }
}

/// The inline cache of one `x.name` site: what `name` means in the last class seen there.
/// A site sees one class almost always, so a read costs one identity comparison.
final class MemberCache {
    let name: String
    /// Keeps the cached class alive, so that `seen` can never match a new class that
    /// happens to reuse a freed one's address.
    @exclusivity(unchecked) private(set) var cls: ClassType?
    /// The same class, compared without retaining it.
    @exclusivity(unchecked) private(set) unowned(unsafe) var seen: ClassType?
    /// The field's index in the layout, or -1.
    @exclusivity(unchecked) private(set) var slot = -1
    @exclusivity(unchecked) private(set) var method: Closure?
    /// The same site's cache for native objects (a tensor's `shape`, a model's `fit`).
    let nativeSite: MemberSite

    init(_ name: String) {
        self.name = name
        self.nativeSite = MemberSite(name)
    }

    @inline(__always)
    func update(for k: ClassType) {
        if seen !== k { refill(k) }
    }

    @inline(never)
    private func refill(_ k: ClassType) {
        cls = k
        seen = k
        slot = k.fieldIndex[name] ?? -1
        method = k.methods[name]
    }

    /// The method to call for `instance.name(...)`, unless a field of that name shadows it.
    @inline(__always)
    func method(of instance: Instance) -> Closure? {
        update(for: instance.cls)
        if slot >= 0, instance.fields[slot] != nil { return nil }
        if let extra = instance.extra, extra[name] != nil { return nil }
        return method
    }
}
