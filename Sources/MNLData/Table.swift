import TensorKit

/// A numeric table: named columns over one (rows, columns) float64 tensor, the way a pandas
/// DataFrame of numbers is used in the course.
public struct Table: Sendable {
    /// Column names, in file order.
    public let columnNames: [String]
    /// All values, shape (rows, columns), float64, row-major.
    public let data: Tensor
    /// Where the table came from (a path), for messages.
    public let source: String

    /// A table over `data` (2-D); names default to `c0, c1, ...`.
    public init(data: Tensor, columnNames: [String]? = nil, source: String = "<table>") throws(DataError) {
        guard data.ndim == 2 else {
            throw .unsupportedValue(path: source, reason: "a table needs a 2-D tensor, got shape \(data.shape)")
        }
        let names = columnNames ?? (0..<data.shape[1]).map { "c\($0)" }
        guard names.count == data.shape[1] else {
            throw .unsupportedValue(path: source, reason: "\(names.count) column names for \(data.shape[1]) columns")
        }
        self.columnNames = names
        self.data = data
        self.source = source
    }

    /// Number of rows.
    public var rowCount: Int { data.shape[0] }
    /// Number of columns.
    public var columnCount: Int { data.shape[1] }
    /// `[rows, columns]`.
    public var shape: [Int] { data.shape }

    /// The index of the column called `name`.
    public func columnIndex(_ name: String) -> Int? { columnNames.firstIndex(of: name) }

    /// Column `index` as a new 1-D tensor (in the table's dtype, float64 for read tables).
    public func column(at index: Int) throws(DataError) -> Tensor {
        guard index >= 0, index < columnCount else {
            throw .memberNotFound(path: source, member: "column #\(index) (the table has \(columnCount))")
        }
        let view = Tensor(storage: data.storage, shape: [rowCount], strides: [data.strides[0]],
                          offset: data.offset + index * data.strides[1])
        do { return try view.contiguous() } catch { throw .tooLarge(path: source, what: "a column copy") }
    }

    /// The column called `name` as a new 1-D float64 tensor.
    public func column(_ name: String) throws(DataError) -> Tensor {
        guard let i = columnIndex(name) else { throw .memberNotFound(path: source, member: name) }
        return try column(at: i)
    }

    /// The whole table as a 2-D tensor (rows, columns).
    public var tensor: Tensor { data }
}
