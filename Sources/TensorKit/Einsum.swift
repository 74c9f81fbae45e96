/// NumPy's `einsum` over letters (`"ij,jk->ik"`, `"ii"`, `"bij,bjk->bik"`), without `...`.
/// No per-element interpretation: each operand first loses its repeated labels (a diagonal,
/// which is a strided view) and the labels no one else needs (a sum); two operands then meet
/// in one batched matrix product (labels on both sides and in the output are the batch,
/// on both sides only the summed axis, the rest rows and columns), and more than two are
/// contracted left to right. The result is finally permuted into the output's order.

extension Tensor {
    /// `einsum(subscripts, operands...)`, with implicit output (the labels used once, in
    /// alphabetical order) when there is no `->`. Dtypes follow `matmul` (and `sum` for one operand).
    public static func einsum(_ subscripts: String, _ operands: [Tensor]) throws -> Tensor {
        let spec = try EinsumSpec(subscripts, operandCount: operands.count)
        var sizes: [Character: (size: Int, shape: [Int])] = [:]
        for (labels, x) in zip(spec.inputs, operands) {
            guard labels.count == x.ndim else {
                throw TensorError.invalidArgument(op: "einsum", message: "'\(String(labels))' in \"\(subscripts)\" has \(labels.count) labels but the operand has \(x.ndim) dimensions \(TensorError.shape(x.shape))")
            }
            for (label, size) in zip(labels, x.shape) {
                if let seen = sizes[label], seen.size != size {
                    throw TensorError.einsumMismatch(subscripts: subscripts, label: String(label), lhs: seen.shape, rhs: x.shape)
                }
                sizes[label] = (size, x.shape)
            }
        }
        var terms = zip(operands, spec.inputs).map { EinsumTerm(tensor: $0, labels: $1) }
        var acc = try terms.removeFirst().reduced(keeping: Set(spec.output + terms.flatMap(\.labels)), subscripts)
        while !terms.isEmpty {
            let next = terms.removeFirst()
            let needed = Set(spec.output + terms.flatMap(\.labels))
            acc = try acc.contracted(with: next, keeping: needed, subscripts)
        }
        return try acc.tensor.transpose(spec.output.map { label in acc.labels.firstIndex(of: label) ?? 0 })
    }
}

/// The parsed subscripts: each operand's labels and the output's.
struct EinsumSpec {
    let inputs: [[Character]]
    let output: [Character]

    init(_ subscripts: String, operandCount: Int) throws {
        func fail(_ message: String) -> TensorError { .invalidArgument(op: "einsum", message: "\(message) in \"\(subscripts)\"") }
        let parts = Self.arrowParts(subscripts.filter { $0 != " " })
        guard parts.count <= 2 else { throw fail("'->' appears more than once") }
        if subscripts.contains(".") { throw fail("'...' is not supported; name every axis with a letter") }
        for (k, part) in parts.enumerated() {
            if let bad = part.first(where: { !($0.isASCII && $0.isLetter) && !(k == 0 && $0 == ",") }) {
                throw fail("'\(bad)' is not a letter")
            }
        }
        let inputs = parts[0].split(separator: ",", omittingEmptySubsequences: false).map(Array.init)
        guard inputs.count == operandCount else {
            throw fail("there are \(inputs.count) operand subscripts for \(operandCount) operands")
        }
        let all = inputs.flatMap { $0 }
        if parts.count == 2 {
            let output = parts[1]
            guard Set(output).count == output.count else { throw fail("an output label is repeated") }
            if let missing = output.first(where: { !all.contains($0) }) { throw fail("output label '\(missing)' is not in any operand") }
            self.output = output
        } else {
            self.output = Set(all).filter { c in all.filter { $0 == c }.count == 1 }.sorted()
        }
        self.inputs = inputs
    }

    /// The text split at each `->`.
    static func arrowParts(_ text: String) -> [[Character]] {
        var parts: [[Character]] = [[]]
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "-" && i + 1 < chars.count && chars[i + 1] == ">" {
                parts.append([])
                i += 2
            } else {
                parts[parts.count - 1].append(chars[i])
                i += 1
            }
        }
        return parts
    }
}

/// A tensor whose axes carry einsum labels.
struct EinsumTerm {
    var tensor: Tensor
    var labels: [Character]

    /// Repeated labels taken as a diagonal (a view), then labels not in `keep` summed out.
    func reduced(keeping keep: Set<Character>, _ subscripts: String) throws -> EinsumTerm {
        var t = tensor, labels = labels
        while let (i, j) = Self.repeatedPair(labels) {
            var shape = t.shape, strides = t.strides
            strides[i] += strides[j]
            shape.remove(at: j)
            strides.remove(at: j)
            labels.remove(at: j)
            t = Tensor(storage: t.storage, shape: shape, strides: strides, offset: t.offset)
        }
        let summed = labels.indices.filter { !keep.contains(labels[$0]) }
        if !summed.isEmpty { t = try t.sum(axes: summed) }
        return EinsumTerm(tensor: t, labels: labels.filter { keep.contains($0) })
    }

    static func repeatedPair(_ labels: [Character]) -> (Int, Int)? {
        for j in labels.indices {
            if let i = labels[..<j].firstIndex(of: labels[j]) { return (i, j) }
        }
        return nil
    }

    /// This term times `other`, summed over the labels they share that `keep` does not need:
    /// one batched matrix product (batch, rows) x (batch, summed) @ (batch, summed, columns).
    func contracted(with other: EinsumTerm, keeping keep: Set<Character>, _ subscripts: String) throws -> EinsumTerm {
        let mine = Set(labels)
        let b = try other.reduced(keeping: keep.union(mine), subscripts)
        let a = try reduced(keeping: keep.union(Set(b.labels)), subscripts)
        let shared = a.labels.filter { b.labels.contains($0) }
        let batch = shared.filter { keep.contains($0) }, summed = shared.filter { !keep.contains($0) }
        let rows = a.labels.filter { !shared.contains($0) }, columns = b.labels.filter { !shared.contains($0) }
        let left = try a.arranged(batch + rows + summed, groups: [batch.count, rows.count, summed.count])
        let right = try b.arranged(batch + summed + columns, groups: [batch.count, summed.count, columns.count])
        let product = try Self.batchedProduct(left, right, elementwise: !batch.isEmpty && (summed.isEmpty || rows.isEmpty && columns.isEmpty))
        let shape = (batch + rows).map { a.size($0) } + columns.map { b.size($0) }
        return EinsumTerm(tensor: try product.reshape(shape), labels: batch + rows + columns)
    }

    /// (B, M, K) @ (B, K, N). When every product is an outer one (K = 1) or a dot (M = N = 1),
    /// float operands take one broadcast multiply (and sum) instead of B tiny BLAS calls,
    /// whose bookkeeping would cost more than their arithmetic ("ij,ij->i" on many rows).
    static func batchedProduct(_ left: Tensor, _ right: Tensor, elementwise: Bool) throws -> Tensor {
        guard elementwise, left.dtype.isFloatingPoint, right.dtype.isFloatingPoint else {
            return try Tensor.matmul(left, right, named: "einsum")
        }
        if left.shape[2] == 1 { return try Tensor.binary(.multiply, left, right) }
        return try Tensor.binary(.multiply, left, right.transpose([0, 2, 1])).sum(axes: [2], keepdims: true)
    }

    func size(_ label: Character) -> Int { labels.firstIndex(of: label).map { tensor.shape[$0] } ?? 1 }

    /// The axes permuted to `order` and merged into three: (batch, first group, second group).
    func arranged(_ order: [Character], groups: [Int]) throws -> Tensor {
        let t = try tensor.transpose(order.map { labels.firstIndex(of: $0) ?? 0 })
        var merged: [Int] = [], start = 0
        for g in groups {
            merged.append(t.shape[start..<(start + g)].reduce(1, *))
            start += g
        }
        return try t.reshape(merged)
    }
}
