import MNLData
import MNLRuntime
import MNLSyntax
import MNLTerminal
import TensorKit

/// A CSV table with named numeric columns: `t.area`, `t["price"]`, `t.columns`, `t.shape`,
/// `t.to_tensor()`.
final class TableObject: NativeObject {
    let table: Table
    init(_ table: Table) { self.table = table }

    var typeName: String { "table" }
    var length: Int? { table.rowCount }
    func summary() -> String { "\(table.rowCount) rows × \(table.columnCount) columns from \(table.source)" }

    func render() -> String {
        let head = try? table.data.get([.slice(start: 0, stop: 5, step: 1)])
        let body = head.map { TensorFormatter().body($0) } ?? ""
        return "table: " + TableObject.shortList(table.columnNames) + "\n" + body + "\n" + summary()
    }

    /// Names joined with commas; past 20, the first 10, an ellipsis and the last 5.
    static func shortList(_ names: [String]) -> String {
        guard names.count > 20 else { return names.joined(separator: ", ") }
        return (names.prefix(10) + ["…"] + names.suffix(5)).joined(separator: ", ")
    }

    /// The fixed members, then each column by name (found when asked for, so that a table of
    /// a million columns costs nothing until one is used).
    var members: MemberTable {
        let table = self.table
        return MemberTable(TableObject.fixed.members, lookup: { name in
            guard table.columnIndex(name) != nil else { return nil }
            return .property(doc: "The column \(name).") { o in try (o as? TableObject).map { try $0.column(name) } ?? .null }
        }, lookupNames: { table.columnNames })
    }

    static let fixed = MemberTable([
        "columns": .property(doc: "The column names.") { o in
            let names = (o as? TableObject)?.table.columnNames ?? []
            try Allocation.check(values: names.count)
            return .list(names.map { .string($0) })
        },
        "shape": .property(doc: "(rows, columns)") { o in .tuple((o as? TableObject)?.table.shape.map { .number(Double($0)) } ?? []) },
        "to_tensor": .method(Builtin("to_tensor", [.required("self")], topic: "data",
                                     doc: "The whole table as a 2-D float64 tensor (rows × columns).",
                                     example: "read_csv(\"Data/iris.csv\").to_tensor().shape") { a, _ in
            guard case .native(let o) = try a.value(0), let t = o as? TableObject else { return .null }
            return .tensor(t.table.tensor)
        }),
    ])

    func column(_ name: String) throws -> Value {
        do { return .tensor(try table.column(name)) } catch { throw dataDiagnostic(error) }
    }

    func index(_ items: [IndexArgument], _ ctx: CallContext) throws -> Value {
        if items.count == 1, case .value(.string(let name)) = items[0] { return try column(name) }
        return try TensorObject(table.tensor).index(items, ctx)
    }
}

/// DataError to the language's file errors (the message already names the file).
func dataDiagnostic(_ e: DataError) -> Diagnostic {
    let message = e.message.hasSuffix(".") ? String(e.message.dropLast()) : e.message
    let prefix = e.path + ": "
    return Diagnostic(.fileError(path: e.path, message: message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message), at: nil)
}

/// Runs MNLData code, turning its errors into the language's.
func loading<T>(_ body: () throws(DataError) -> T) throws -> T {
    do { return try body() } catch { throw dataDiagnostic(error) }
}
