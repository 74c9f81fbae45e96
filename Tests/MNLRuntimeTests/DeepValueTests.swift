import Foundation
import MNLRuntime
import MNLStdlib
import Testing

/// Values nested far deeper than any stack allows are freed, printed and compared without
/// recursion (issue 8, #5 and #6). Values still alive when a session ends are freed on the
/// thread that lets go of the session, often the main thread (8 MB of stack); the release
/// tests run on a thread with a quarter of that, since Swift Testing does not run them on
/// the main thread here.
@Suite struct DeepValueTests {
    static let million = 1_000_000

    /// Runs `body` on a new thread with a 2 MB stack and waits for it.
    static func onSmallStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 2 << 20
        thread.start()
        done.wait()
    }

    static func nestedLists(_ depth: Int) -> Value {
        var v = Value.list([])
        for _ in 0..<depth { v = .list([v]) }
        return v
    }

    @Test func aMillionDeepListRecordAndTupleAreFreedOnASmallStack() {
        Self.onSmallStack { Self.buildAndFreeMillionDeepValues() }
    }

    /// A million levels of lists and of tuples; records and a mix of all three, a hundred
    /// thousand (they cost more to build in a debug build, and free the same way).
    static func buildAndFreeMillionDeepValues() {
        var list: Value? = Self.nestedLists(Self.million)
        var tuple: Value? = .tuple([])
        for _ in 0..<Self.million { tuple = .tuple([tuple ?? .null]) }
        var record: Value? = .record(RecordBox())
        var mixed: Value? = .null
        for i in 0..<Self.million / 10 {
            record = .record(RecordBox([("a", record ?? .null), ("n", .number(Double(i)))]))
            mixed = i % 3 == 0 ? .list([mixed ?? .null]) : i % 3 == 1 ? .tuple([mixed ?? .null, .number(1)]) : .record(RecordBox([("m", mixed ?? .null)]))
        }
        list = nil
        tuple = nil
        record = nil
        mixed = nil
        #expect(list == nil && record == nil && tuple == nil && mixed == nil)
    }

    @Test func sharedInnerValuesSurviveTheReleaseOfTheirOuterValues() {
        let inner = Self.nestedLists(3)
        var outer: Value? = .list([.list([inner]), .tuple([inner])])
        outer = nil
        #expect(outer == nil)
        #expect(inner.repr() == "[[[[]]]]")
    }

    /// A session's globals (deep lists, records, tuples, closure chains and bound methods)
    /// are freed when the session goes.
    @Test func aSessionEndingOnASmallStackFreesDeepValues() {
        Self.onSmallStack { Self.runAndEndSessionWithDeepValues() }
    }

    static func runAndEndSessionWithDeepValues() {
        var session: Session? = Stdlib.makeSession(output: { _ in })
        let script = """
            n = 100000
            x = []
            r = {}
            t = ()
            f = fn() { 0 }
            m = []
            for i in range(n) { x = [x]; r = {a: r}; t = (t, i); m = [m.append] }
            for i in range(n) { f = (fn(g) { fn() { g } })(f) }
            len(x)
            """
        guard case .success(.number(1)?) = session?.run(script, name: "deep") else {
            Issue.record("the script should run")
            return
        }
        weak var list: ListBox?
        weak var closure: Closure?
        if case .list(let l)? = session?.global("x"), case .closure(let c)? = session?.global("f") {
            list = l
            closure = c
        }
        #expect(list != nil && closure != nil)
        session = nil
        #expect(list == nil && closure == nil, "the session's values should be freed with it")
    }

    @Test func deepListsPrintWithoutALimit() {
        Self.onSmallStack {
            let text = Self.nestedLists(100_000).repr()
            #expect(text.count == 200_002)
            #expect(text.hasPrefix("[[[") && text.hasSuffix("]]]"))
        }
    }

    @Test func aListThatContainsItselfPrintsLikePython() {
        let l = ListBox([.number(1)])
        l.items[0] = .list(l)
        #expect(Value.list(l).repr() == "[[...]]")
        // A cycle found below the depth where the printer switches to a set.
        var deep = Value.list(l)
        for _ in 0..<100 { deep = .list([deep]) }
        #expect(deep.repr() == String(repeating: "[", count: 100) + "[[...]]" + String(repeating: "]", count: 100))
        l.items = []  // breaks the cycle so the list is freed
    }
}
