#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One component of a NumPy-style index, as in `x[0, 1:5:2, :, None, ..., mask, idx]`.
public enum IndexComponent: Sendable {
    /// A single position (negative counts from the end); removes the axis.
    case int(Int)
    /// `start:stop:step` with Python's rules (nil for omitted parts; negative steps allowed).
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `:`, a whole axis.
    case all
    /// `None` / `np.newaxis`: inserts a size-1 axis.
    case newAxis
    /// `...`: as many `:` as needed.
    case ellipsis
    /// A bool mask (covers as many axes as it has) or an integer array (fancy indexing).
    case tensor(Tensor)
}

/// An index resolved against one tensor: a basic view plus, for fancy indexing, where each
/// block to gather or scatter lives.
struct ResolvedIndex {
    /// The result of basic indexing (slices, ints, new axes); shares storage with the source.
    var view: Tensor
    /// For fancy indexing, the plan of the copy.
    var fancy: FancyPlan?
}

/// Fancy indexing as a copy of blocks. The result is `rows` × `picks` blocks in row-major
/// order: block (r, j) starts at storage offset `rowOffsets[r] + pickOffsets[j]` of the source
/// and has the source shape and strides `blockShape`, `blockStrides`. Rows walk the view axes
/// before the index arrays; picks walk the broadcast index arrays. Keeping the two apart
/// keeps the plan as small as the index (a column gather has one pick per column, not one per
/// element).
struct FancyPlan {
    var shape: [Int]
    var rowOffsets: [Int]
    var pickOffsets: [Int]
    var blockShape: [Int]
    var blockStrides: [Int]
    var block: Int { blockShape.reduce(1, *) }
}

extension Tensor {
    /// `x[index]`: basic indexing (ints, slices, new axes, ellipsis) returns a view sharing
    /// storage; bool masks and integer arrays return a copy, as NumPy. Out-of-range ints
    /// throw `indexOutOfRange`.
    public func get(_ index: [IndexComponent]) throws -> Tensor {
        // Fast path: a full-shape boolean mask (x[x > 0]).
        if index.count == 1, case .tensor(let m) = index[0], m.dtype == .bool, m.shape == shape, ndim > 0 {
            return try maskedSelect(m)
        }
        let r = try resolve(index)
        guard let f = r.fancy else { return r.view }
        let out = try Tensor(uninitialized: f.shape, dtype: dtype)
        try Tensor.moveBlocks(source: r.view, f, out: out, gather: true)
        return out
    }

    /// `x[index] = value`: writes `value` (broadcast to the indexed shape, cast to this dtype)
    /// into this tensor's storage, so every view of it sees the change.
    public func set(_ index: [IndexComponent], to value: Tensor) throws {
        try checkWritable(op: "[]=")
        if index.count == 1, case .tensor(let m) = index[0], m.dtype == .bool, m.shape == shape, value.count == 1, ndim > 0 {
            return try maskedFill(m, value)
        }
        let r = try resolve(index)
        guard let f = r.fancy else { return try r.view.assign(value) }
        var v = try value.cast(to: dtype)
        do { v = try v.broadcast(to: f.shape, op: "[]=") } catch {
            throw TensorError.shapeMismatch(op: "[]=", lhs: f.shape, rhs: value.shape)
        }
        v = try v.contiguous()
        try Tensor.moveBlocks(source: r.view, f, out: v, gather: false)
    }

    /// `x[index] = scalar`.
    public func set(_ index: [IndexComponent], to value: Double) throws {
        try Tensor.checkStorable(value, in: dtype, op: "[]=")
        try set(index, to: Tensor(scalar: value, dtype: dtype))
    }

    /// The indices of the true (non-zero) elements, one int64 tensor per axis (NumPy's `nonzero`).
    public func nonzero() throws -> [Tensor] {
        let m = try cast(to: .bool).contiguous()
        let p = m.base(Bool.self)
        var coords = [[Int64]](repeating: [], count: ndim)
        let st = Tensor.contiguousStrides(shape)
        for i in 0..<count where p[i] {
            var rem = i
            for d in 0..<ndim { coords[d].append(Int64(rem / st[d])); rem %= st[d] }
        }
        return try coords.map { try Tensor(shape: [$0.count], elements: $0) }
    }

    // MARK: Resolution

    func resolve(_ index: [IndexComponent]) throws -> ResolvedIndex {
        // Expand the ellipsis and count how many axes the components cover.
        var consumed = 0, ellipses = 0
        for c in index {
            switch c {
            case .int, .slice, .all: consumed += 1
            case .newAxis: break
            case .ellipsis: ellipses += 1
            case .tensor(let t): consumed += t.dtype == .bool ? Swift.max(t.ndim, 1) : 1
            }
        }
        guard ellipses <= 1 else { throw TensorError.invalidArgument(op: "[]", message: "an index can only have a single ellipsis ('...')") }
        guard consumed <= ndim else {
            throw TensorError.invalidArgument(op: "[]", message: "too many indices: tensor is \(ndim)-dimensional, but \(consumed) were indexed")
        }
        var comps: [IndexComponent] = []
        for c in index {
            if case .ellipsis = c { comps += [IndexComponent](repeating: .all, count: ndim - consumed) } else { comps.append(c) }
        }
        if ellipses == 0 { comps += [IndexComponent](repeating: .all, count: ndim - consumed) }

        // Bool masks become one integer array per axis they cover.
        enum Part { case int(Int), slice(Int?, Int?, Int?), all, newAxis, array(Tensor) }
        var parts: [Part] = []
        var axis = 0
        for c in comps {
            switch c {
            case .int(let i): parts.append(.int(i)); axis += 1
            case .slice(let a, let b, let s): parts.append(.slice(a, b, s)); axis += 1
            case .all: parts.append(.all); axis += 1
            case .newAxis: parts.append(.newAxis)
            case .ellipsis: break
            case .tensor(let t) where t.dtype == .bool:
                guard t.ndim > 0 else { throw TensorError.invalidArgument(op: "[]", message: "0-d boolean indices are not supported") }
                let covered = Array(shape[axis..<(axis + t.ndim)])
                guard covered == t.shape else { throw TensorError.maskMismatch(mask: t.shape, covered: covered, firstAxis: axis) }
                for arr in try t.nonzero() { parts.append(.array(arr)) }
                axis += t.ndim
            case .tensor(let t):
                guard !t.dtype.isFloatingPoint else {
                    throw TensorError.invalidArgument(op: "[]", message: "arrays used as indices must be of integer or boolean type, got \(t.dtype)")
                }
                parts.append(.array(t)); axis += 1
            }
        }
        let hasArrays = parts.contains { if case .array = $0 { true } else { false } }

        // Basic pass: slices, ints and new axes make a view; arrays keep their axis for later.
        var vShape: [Int] = [], vStrides: [Int] = [], off = offset
        var advanced: [(viewAxis: Int, srcAxis: Int, index: Tensor)] = []
        axis = 0
        for p in parts {
            switch p {
            case .int(let i):
                let n = shape[axis]
                guard i >= -n && i < n else { throw TensorError.indexOutOfRange(index: i, axis: axis, size: n) }
                if hasArrays {
                    advanced.append((vShape.count, axis, Tensor(scalar: Int64(i))))
                    vShape.append(n); vStrides.append(strides[axis])
                } else {
                    off += (i < 0 ? i + n : i) * strides[axis]
                }
                axis += 1
            case .slice(let a, let b, let s):
                let (start, length, step) = try Tensor.sliceBounds(a, b, s, size: shape[axis])
                off += start * strides[axis]
                vShape.append(length); vStrides.append(strides[axis] * step)
                axis += 1
            case .all:
                vShape.append(shape[axis]); vStrides.append(strides[axis]); axis += 1
            case .newAxis:
                vShape.append(1); vStrides.append(0)
            case .array(let t):
                advanced.append((vShape.count, axis, t))
                vShape.append(shape[axis]); vStrides.append(strides[axis])
                axis += 1
            }
        }
        let view = Tensor(storage: storage, shape: vShape, strides: vStrides, offset: off)
        if advanced.isEmpty { return ResolvedIndex(view: view, fancy: nil) }

        // Fancy pass: broadcast the index arrays, check them, and list block offsets.
        var bshape: [Int] = []
        for a in advanced {
            do { bshape = try Tensor.broadcastShape(bshape, a.index.shape, op: "index") } catch {
                throw TensorError.shapeMismatch(op: "index", lhs: bshape, rhs: a.index.shape)
            }
        }
        let bcount = bshape.reduce(1, *)
        var idx: [[Int64]] = []
        for a in advanced {
            var v = try a.index.cast(to: .int64).broadcast(to: bshape).contiguous().toArray(Int64.self)
            let n = vShape[a.viewAxis]
            for j in v.indices {
                let i = v[j]
                guard i >= -Int64(n) && i < Int64(n) else {
                    throw TensorError.indexOutOfRange(index: Int(i), axis: a.srcAxis, size: n)
                }
                if i < 0 { v[j] = i + Int64(n) }
            }
            idx.append(v)
        }
        let advAxes = advanced.map { $0.viewAxis }
        let rest = (0..<vShape.count).filter { !advAxes.contains($0) }
        let consecutive = advAxes[advAxes.count - 1] - advAxes[0] + 1 == advAxes.count
        let pre = consecutive ? rest.filter { $0 < advAxes[0] } : []
        let post = consecutive ? rest.filter { $0 > advAxes[advAxes.count - 1] } : rest
        let preShape = pre.map { vShape[$0] }
        let outShape = preShape + bshape + post.map { vShape[$0] }
        let (_, overflow) = Tensor.checkedCount(outShape)
        guard !overflow else { throw TensorError.outOfMemory(bytes: Int.max) }
        // An empty result can still have many rows (a zero-length axis after them).
        let (preCount, preOverflow) = Tensor.checkedCount(preShape)
        try Storage.checkAllocation(count: preOverflow ? nil : preCount + bcount, stride: MemoryLayout<Int>.stride)
        var rowOffsets = [Int]()
        rowOffsets.reserveCapacity(preCount)
        var preIndex = [Int](repeating: 0, count: pre.count)
        for _ in 0..<preCount {
            var base = off
            for (k, a) in pre.enumerated() { base += preIndex[k] * vStrides[a] }
            rowOffsets.append(base)
            var d = pre.count - 1
            while d >= 0 {
                preIndex[d] += 1
                if preIndex[d] < preShape[d] { break }
                preIndex[d] = 0
                d -= 1
            }
        }
        let advStrides = advAxes.map { vStrides[$0] }
        var pickOffsets = [Int](repeating: 0, count: bcount)
        for k in 0..<idx.count {
            let st = advStrides[k]
            idx[k].withUnsafeBufferPointer { ix in
                for j in 0..<bcount { pickOffsets[j] += Int(ix[j]) * st }
            }
        }
        let plan = FancyPlan(shape: outShape, rowOffsets: rowOffsets, pickOffsets: pickOffsets,
                             blockShape: post.map { vShape[$0] }, blockStrides: post.map { vStrides[$0] })
        return ResolvedIndex(view: view, fancy: plan)
    }

    /// Python slice rules: (first index, length, step) for `start:stop:step` on an axis of `size`.
    public static func sliceBounds(_ start: Int?, _ stop: Int?, _ step: Int?, size n: Int) throws -> (Int, Int, Int) {
        let s = step ?? 1
        guard s != 0 else { throw TensorError.invalidArgument(op: "[]", message: "slice step cannot be zero") }
        func clamp(_ v: Int, _ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(v, lo), hi) }
        func norm(_ v: Int) -> Int { v < 0 ? (v < -n ? -1 : v + n) : v }  // -1 means "before 0"
        if s > 0 {
            let a = start.map { clamp(norm($0), 0, n) } ?? 0
            let b = stop.map { clamp(norm($0), 0, n) } ?? n
            return (a, b > a ? (b - a - 1) / s + 1 : 0, s)
        }
        let a = start.map { clamp(norm($0), -1, n - 1) } ?? n - 1
        let b = stop.map { clamp(norm($0), -1, n - 1) } ?? -1
        let len = a > b ? (a - b - 1) / (s == Int.min ? Int.max : -s) + 1 : 0
        return (len > 0 ? a : 0, len, s)
    }

    // MARK: Moving blocks

    /// Gathers the blocks of `plan` from `source`'s storage into contiguous `out`, or (gather
    /// false) scatters contiguous `out` into them. Elements move as raw bits of their size.
    static func moveBlocks(source: Tensor, _ plan: FancyPlan, out: Tensor, gather: Bool) throws {
        switch source.dtype.size {
        case 1: try moveBlocks(UInt8.self, source, plan, out, gather)
        case 2: try moveBlocks(UInt16.self, source, plan, out, gather)
        case 4: try moveBlocks(UInt32.self, source, plan, out, gather)
        case 8: try moveBlocks(UInt64.self, source, plan, out, gather)
        default: preconditionFailure("no dtype has \(source.dtype.size)-byte elements")
        }
    }

    private static func moveBlocks<E>(_: E.Type, _ source: Tensor, _ plan: FancyPlan, _ out: Tensor, _ gather: Bool) throws {
        let src = SendablePointer(source.storage.bytes.assumingMemoryBound(to: E.self))
        let dst = SendablePointer(out.storage.bytes.assumingMemoryBound(to: E.self) + out.offset)
        let block = plan.block, picks = plan.pickOffsets.count, rows = plan.rowOffsets.count
        if block == 0 || picks == 0 || rows == 0 { return }
        let mover = BlockMover<E>(plan: plan, src: src, dst: dst, gather: gather)
        if !gather {
            // Scatter in order so that with repeated indices the last write wins, as NumPy.
            try Cancellation.check()
            mover.rows(0..<rows, picks: 0..<picks)
        } else if rows > 1 {
            try Parallel.forEachChunk(count: rows, unitCost: picks * block) { mover.rows($0, picks: 0..<picks) }
        } else {
            try Parallel.forEachChunk(count: picks, unitCost: block) { mover.rows(0..<1, picks: $0) }
        }
    }

    /// `x[mask]` for a mask of `x`'s shape: the selected elements in row-major order.
    private func maskedSelect(_ mask: Tensor) throws -> Tensor {
        let m = try mask.contiguous(), x = try contiguous()
        let pm = m.base(Bool.self)
        var n = 0
        for i in 0..<count where pm[i] { n += 1 }
        let out = try Tensor(uninitialized: [n], dtype: dtype)
        func run<E>(_: E.Type) {
            let px = x.storage.bytes.assumingMemoryBound(to: E.self) + x.offset
            let po = out.storage.bytes.assumingMemoryBound(to: E.self)
            var j = 0
            for i in 0..<count where pm[i] { po[j] = px[i]; j += 1 }
        }
        switch dtype.size {
        case 1: run(UInt8.self)
        case 2: run(UInt16.self)
        case 4: run(UInt32.self)
        case 8: run(UInt64.self)
        default: preconditionFailure("no dtype has \(dtype.size)-byte elements")
        }
        return out
    }

    /// `x[mask] = value` for a mask of `x`'s shape and a one-element value.
    private func maskedFill(_ mask: Tensor, _ value: Tensor) throws {
        let v = try value.cast(to: dtype).reshape([]).contiguous()
        try Tensor.where(mask, v, self).assignInto(self)
    }

    private func assignInto(_ target: Tensor) throws { try target.assign(self) }
}
