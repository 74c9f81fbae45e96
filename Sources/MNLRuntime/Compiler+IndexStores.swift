import MNLSyntax

extension Compiler {
    /// Code that stores into `x[...]`. One or two plain index values take the element fast
    /// paths; the object is evaluated first, then the indices from left to right.
    func indexBinder(_ base: Expr, _ items: [IndexItem], _ range: SourceRange) -> (Frame, Value) throws -> Void {
        let object = operand(base)
        switch singleValues(items) {
        case let parts? where parts.count == 1:
            let index = parts[0]
            return { f, v in
                let o = try object.load(f), i = try index.load(f)
                if Indexing.setElement(o, i, to: v) { return }
                try located(range) { try Indexing.set(o, [.value(i)], v, CallContext(interp: f.interp)) }
            }
        case let parts? where parts.count == 2:
            let i0 = parts[0], i1 = parts[1]
            return { f, v in
                let o = try object.load(f), a = try i0.load(f), b = try i1.load(f)
                if Indexing.setElement(o, a, b, to: v) { return }
                try located(range) { try Indexing.set(o, [.value(a), .value(b)], v, CallContext(interp: f.interp)) }
            }
        default:
            let index = indexArguments(items)
            return { f, v in
                let o = try object.load(f), i = try index(f)
                try located(range) { try Indexing.set(o, i, v, CallContext(interp: f.interp)) }
            }
        }
    }
}
