// TensorKit: NumPy-style n-dimensional arrays for mnist-repl. It knows nothing of the language.
//
// Map for the language binding (every call throws `TensorError` on bad input; none traps):
//
//   Creation     Tensor(shape:values:dtype:)  .zeros .ones .full .eye .arange .linspace .oneHot
//                Tensor(scalar:dtype:)        .rand .randn .randint .permutation .choice (RandomGenerator)
//   Reading      shape ndim size dtype nbytes  item()  toDoubles()  toInt64s()  value(atFlatIndex:)
//   Elementwise  Tensor.binary(BinaryOp, a, b | scalar)   a.unary(UnaryOp)   clip  pow  Tensor.where  cast(to:)
//                Tensor.arctan2  nanToNum  rounded(decimals:)  Tensor.clip(x, min:max:) (tensor bounds)
//   In place     applyInPlace(BinaryOp, tensor | scalar)   assign(_:)   set(_:to:)   shuffle(using:)
//   Reductions   reduce(ReduceOp, axes:keepdims:)  sum mean max min prod all any  std variance
//                argmax argmin (axis or flattened)  cumsum
//   Products     Tensor.matmul  Tensor.dot  Tensor.outer  norm  norm(ord:axes:keepdims:)
//                Tensor.tensordot  .inner  .kron  .einsum  .convolve (Contractions.swift, Einsum.swift)
//   Shape        reshape transpose T swapAxes flatten ravel squeeze expandDims concat stack split
//                repeated tiled broadcast(to:)
//   Indexing     get([IndexComponent])  set([IndexComponent], to:)  nonzero  takeAlong
//                putAlong  take  argwhere  flip  roll  moveAxes  pad (Padding.swift)  addAt (np.add.at)
//   Sorting      sort argsort unique  partition argpartition
//   Ctrl-C       Cancellation.$current.withValue(flag) { ... }  ->  TensorError.interrupted
//   Autodiff     Tape  tape.leaf(t)  Traced(constant:)  ops on Traced  tape.backward(loss)[leaf]
//                conv2d maxPool2d avgPool2d  crossEntropy  (how to use and extend: Autodiff/Tape.swift)
//
// Dtype rules are documented on `Promotion`; result dtypes of reductions in Reductions.swift.
// Layout: Storage + shape + strides (in elements) + offset; transpose, reshape of contiguous
// data and basic indexing are views sharing the storage, so writes through a view are seen by
// every tensor on that storage, as in NumPy.
