import MNLData
import MNLRuntime
import MNLSyntax
import MNLTerminal
import TensorKit

/// A CSV table with named numeric columns: `t.area`, `t["price"]`, `t.columns`, `t.shape`,
/// `t.to_tensor()`.
final class TableObject: NativeObject {
    let table: Table
    init(_ table: Table) {
        self.table = table
        super.init(TableObject.declaration)
    }

    static let declaration = NativeClass(name: "table", of: TableObject.self,
                                         doc: "A CSV table with named numeric columns: t.area, t[\"price\"], t.to_tensor().",
                                         constructor: DataBuiltins.builtins.first { $0.name == "read_csv" }) { c in
        c.property("columns", doc: "The column names.") { o in
            try Allocation.check(values: o.table.columnNames.count)
            return .list(o.table.columnNames.map { .string($0) })
        }
        c.property("shape", doc: "(rows, columns)") { .tuple($0.table.shape.map { .number(Double($0)) }) }
        c.method("to_tensor", doc: "The whole table as a 2-D float64 tensor (rows × columns).",
                 example: "read_csv(\"Data/iris.csv\").to_tensor().shape") { o, _, _ in .tensor(o.table.tensor) }
        // Each column by name, found when asked for, so that a table of a million columns
        // costs nothing until one is used.
        c.dynamicMembers({ o, name in
            guard o.table.columnIndex(name) != nil else { return nil }
            return NativeProperty(readOnly: name, doc: "The column \(name).", of: TableObject.self) { try $0.column(name) }
        }, names: { $0.table.columnNames })
        c.index { o, items, _ in
            if items.count == 1, case .value(.string(let name)) = items[0] { return try o.column(name) }
            return try TensorObject(o.table.tensor).get(items)
        }
        c.length { $0.table.rowCount }
        c.render { o in
            let head = try? o.table.data.get([.slice(start: 0, stop: 5, step: 1)])
            let body = head.map { TensorFormatter().body($0) } ?? ""
            return "table: " + TableObject.shortList(o.table.columnNames) + "\n" + body + "\n" + o.summary()
        }
        c.summary { "\($0.table.rowCount) rows × \($0.table.columnCount) columns from \($0.table.source)" }
    }

    /// Names joined with commas; past 20, the first 10, an ellipsis and the last 5.
    static func shortList(_ names: [String]) -> String {
        guard names.count > 20 else { return names.joined(separator: ", ") }
        return (names.prefix(10) + ["…"] + names.suffix(5)).joined(separator: ", ")
    }

    func column(_ name: String) throws -> Value {
        do { return .tensor(try table.column(name)) } catch { throw dataDiagnostic(error) }
    }
}

/// A DataError as a diagnostic: the error itself, rendered with its own wording.
func dataDiagnostic(_ e: DataError) -> Diagnostic { Diagnostic(.library(LibraryFailure(e)), at: nil) }

/// Runs MNLData code, turning its errors into the language's.
func loading<T>(_ body: () throws(DataError) -> T) throws -> T {
    do { return try body() } catch { throw dataDiagnostic(error) }
}
