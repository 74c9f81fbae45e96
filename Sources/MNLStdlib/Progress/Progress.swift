import Foundation
import MNLDisplay
import MNLRuntime
import MNLSyntax
import MNLTerminal

/// `progress(iterable, desc=, total=)`: tqdm's bar. Iterating it yields the iterable's values
/// and advances the bar; `bar.set(loss=0.31)` shows live values; `bar.close()` ends it.
final class ProgressObject: NativeObject {
    var state: ProgressBar
    var logThrottle = ProgressThrottle(interval: ProgressBoard.logInterval)
    let iterable: Value?
    private(set) var closed = false

    init(iterable: Value?, description: String, total: Int?) {
        self.iterable = iterable
        self.state = ProgressBar(description: description, total: total, start: 0)
        super.init(ProgressObject.declaration)
    }

    func close(_ ctx: CallContext, leave: Bool? = nil) {
        guard !closed else { return }
        closed = true
        ProgressBoard.of(ctx.session).finish(self, on: ctx.session.display, leave: leave)
    }

    /// The wrapped values, counted as the loop asks for the next one (the body before it is
    /// done). An abandoned loop (`break`, an error, Ctrl-C) drops the bar from the status.
    func iterator(_ ctx: CallContext) throws -> ValueIterator {
        guard let iterable else { throw Diagnostic(.invalidValue(function: "progress", message: "this bar wraps nothing to iterate (made with total= only); advance it with bar.update()"), at: nil) }
        let inner = try ctx.iterator(iterable)
        let session = ctx.session, board = ProgressBoard.of(session)
        let watch = AbandonWatch(bar: self, board: board, display: session.display)
        closed = false  // a second loop over the same bar starts it again
        board.begin(self, on: session.display)
        var started = false
        return ValueIterator {
            if started { board.step(self, on: session.display) }
            started = true
            guard let value = try inner.next() else {
                watch.finished = true
                self.close(ctx)
                return nil
            }
            return value
        }
    }

    static let declaration = NativeClass(
        name: "progress", of: ProgressObject.self,
        doc: "A progress bar (tqdm): count/total, percentage, a bar, rate, elapsed and remaining time, and live values, redrawn in place under the output (at most ~10 times a second); in a log or pipe, a plain line every few seconds and one at the end."
    ) { c in
        c.property("n", doc: "Steps done so far.") { .number(Double($0.state.count)) }
        c.property("total", doc: "Steps expected (nil when unknown).") { o in o.state.total.map { .number(Double($0)) } ?? .null }
        c.property("desc", doc: "The text before the bar.", type: .string, get: { .string($0.state.description) },
                   set: { o, v in if case .string(let s) = v { o.state.description = s } })
        c.method("set", [.keywords("values")], doc: "Shows live values beside the bar, as tqdm's set_postfix: bar.set(loss=0.31, acc=0.92).",
                 example: "bar = progress(range(3))\nfor i in bar { bar.set(step=i) }") { o, a, ctx in
            for (name, value) in a.extraKeywords { o.state.setPostfix(name, postfixValue(value, ctx)) }
            ProgressBoard.of(ctx.session).draw(on: ctx.session.display, force: false)
            return .null
        }
        c.method("update", [.optional("n", defaultText: "1")], doc: "Advances the bar by n steps (for bars made without an iterable: progress(total=100)).",
                 example: "bar = progress(total=4)\nbar.update(2)\nbar.n") { o, a, ctx in
            let board = ProgressBoard.of(ctx.session)
            if !o.closed { board.begin(o, on: ctx.session.display) }
            board.step(o, by: try a.int(1, default: 1), on: ctx.session.display)
            return .null
        }
        c.method("close", doc: "Ends the bar (a loop over it ends it by itself); the outermost bar leaves its last line in the output.",
                 example: "bar = progress(total=2)\nbar.update()\nbar.close()") { o, _, ctx in
            o.close(ctx)
            return .null
        }
        c.iterate { o, ctx in try o.iterator(ctx) }
        c.length { $0.state.total ?? 0 }
        c.render { o in "<progress \(o.state.count)/\(o.state.total.map(String.init) ?? "?")>" }
    }

    /// Numbers (and 0-d tensors, a loss) stay numbers, formatted when the bar is drawn;
    /// anything else is text as `print` shows it.
    static func postfixValue(_ value: Value, _ ctx: CallContext) -> ProgressBar.PostfixValue {
        switch value {
        case .number(let x): return .number(x)
        case .native(let o):
            if let t = o as? TensorObject, let element = t.scalarElement, element.dtype != .bool { return .number(element.doubleValue) }
            return .text(ctx.render(value))
        default: return .text(ctx.render(value))
        }
    }
}

/// Removes a bar whose loop was left early (its iterator released before the end), so no
/// stale line stays on the status.
private final class AbandonWatch {
    let bar: ProgressObject, board: ProgressBoard, display: Display
    var finished = false
    init(bar: ProgressObject, board: ProgressBoard, display: Display) {
        (self.bar, self.board, self.display) = (bar, board, display)
    }
    deinit { if !finished { board.finish(bar, on: display, leave: false) } }
}

enum ProgressBuiltins {
    static var builtins: [Builtin] {
        [
            Builtin("progress", [.optional("iterable", defaultText: "nil"), .optional("desc", defaultText: "\"\""),
                                 .optional("total", defaultText: "nil")], topic: "display",
                    doc: "A progress bar over a list, range, tensor (its rows) or batches(...), as tqdm: for (xb, yb) in progress(batches(x, y, 64), desc=\"epoch 1\") { ... }. Shows count/total, percentage, rate, elapsed and remaining time; bar.set(loss=0.31) adds live values. total= overrides the length (or gives one to a bar without iterable, advanced with bar.update()). print during the loop appears above the bar. On a terminal the bar is redrawn in place; in a log or pipe a plain line is written every few seconds and one at the end.",
                    example: "total = 0\nfor i in progress(range(100), desc=\"sum\") { total += i }\ntotal") { a, ctx in
                let iterable = a[0]
                let total = try a[2].map { _ in try a.int(2) } ?? iterable.flatMap(length)
                if let total, total < 0 { throw a.invalid("total must not be negative") }
                if iterable == nil && a[2] == nil { throw a.invalid("give an iterable or total=") }
                return .native(ProgressObject(iterable: iterable, description: try a.string(1, default: ""), total: total))
            },
        ]
    }

    /// How many values iterating `value` gives, when that is known without iterating.
    static func length(_ value: Value) -> Int? {
        switch value {
        case .list(let l): return l.items.count
        case .tuple(let t): return t.items.count
        case .range(let r): return r.count
        case .native(let o): return o.length
        default: return nil
        }
    }
}
