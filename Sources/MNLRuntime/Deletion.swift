import MNLSyntax

/// `del x[i]`, `del x[a:b]`, `del d[key]` and `del d.field`, as in Python.
extension Compiler {
    func deletion(_ target: Pattern) -> Exec {
        let done = Completion.normal(.null)
        switch target {
        case .index(let base, let items, let r):
            let object = expression(base), indices = indexArguments(items)
            return { f in
                let o = try object(f), i = try indices(f)
                try located(r) { try Deletion.delete(o, i) }
                return done
            }
        case .member(let base, let name, let r):
            let object = expression(base)
            return { f in
                let o = try object(f)
                try located(r) { try Deletion.delete(o, [.value(.string(name))], field: true) }
                return done
            }
        case .name(_, let r), .tuple(_, let r):
            return { _ in throw Diagnostic(.invalidDeleteTarget, at: r) }
        }
    }
}

enum Deletion {
    /// Removes `items` from `base`: a record's key (or field), a list's element or slice.
    static func delete(_ base: Value, _ items: [IndexArgument], field: Bool = false) throws {
        switch base {
        case .record(let r):
            let key = try Indexing.recordKey(items)
            guard r[key] != nil else {
                if field, case .string(let name) = key {
                    throw Diagnostic(.noSuchMember(type: "record", name: name, suggestion: closestName(to: name, among: r.stringKeys)), at: nil)
                }
                throw Indexing.missing(key, in: r)
            }
            r[key] = nil
        case .list(let l) where !field:
            guard items.count == 1 else { throw Diagnostic(.notDeletable(type: "list with \(items.count) indices"), at: nil) }
            switch items[0] {
            case .value(let v): l.items.remove(at: try Indexing.position(v, count: l.items.count))
            case .slice(let a, let b, let s):
                let (start, stop, step) = Indexing.sliceBounds(a, b, s ?? 1, count: l.items.count)
                var doomed = Set<Int>()
                var i = start
                while step > 0 ? i < stop : i > stop { doomed.insert(i); i += step }
                l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
            case .ellipsis: throw Indexing.ellipsisRefused(base)
            }
        default: throw Diagnostic(.notDeletable(type: base.typeName), at: nil)
        }
    }
}
