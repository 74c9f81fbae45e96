/// Short help for each keyword and statement, for `?for`, `help("for")` and `for?`.
/// Each text is a form, a sentence and an example, like a builtin's entry.
enum KeywordHelp {
    /// The form and the sentence; the example comes apart (see `example(for:)`).
    static func text(for word: String) -> String? {
        entries[word].map { "\($0.form)\n  \($0.what)" }
    }

    /// The example of `word`, and whether it runs on its own (`import` needs a file; the
    /// examples of `class` and `super` need a parent class or the class feature).
    static func example(for word: String) -> (code: String, runs: Bool)? {
        entries[word].map { ($0.example, !["import", "class", "super"].contains(word)) }
    }

    static var words: [String] { entries.keys.sorted() }

    private static let entries: [String: (form: String, what: String, example: String)] = [
        "if": ("if condition { ... } else if other { ... } else { ... }",
               "Runs the first block whose condition is true. `if` is also an expression: its value is the value of the block that ran (nil when none did).",
               "x = 5\nsize = if x > 3 { \"big\" } else { \"small\" }"),
        "else": ("if condition { ... } else { ... }",
                 "The block `if` runs when its condition is false; `else if` chains another test.",
                 "if 1 > 2 { print(\"no\") } else { print(\"yes\") }"),
        "for": ("for name in iterable { ... }",
                "Runs the block once per item of a list, range, string, tuple, record (its keys) or tensor (its rows); `for (a, b) in pairs` unpacks. At the top level the loop variable is a global afterwards, as in Python.",
                "for i in range(3) { print(i * i) }"),
        "in": ("for name in iterable { ... }",
               "Names what a `for` loop or a comprehension walks over.",
               "[x * 2 for x in [1, 2, 3]]"),
        "while": ("while condition { ... }",
                  "Runs the block again and again while the condition is true; `break` leaves, `continue` skips to the next test.",
                  "n = 1\nwhile n < 100 { n *= 2 }\nn"),
        "break": ("break", "Leaves the innermost `for` or `while` loop at once.",
                  "for i in range(10) { if i == 3 { break }; print(i) }"),
        "continue": ("continue", "Skips the rest of the loop's block and goes on with the next item or test.",
                     "for i in range(4) { if i % 2 == 0 { continue }; print(i) }"),
        "fn": ("fn name(a, b=default) { ... }   or   fn(a) { ... }",
               "Defines a function; the value of its last expression is returned. Parameters may have defaults and be passed by keyword. `fn(x) { ... }` without a name is a function value (a lambda); functions capture the variables around them.",
               "fn scale(x, by=2) { x * by }\nscale(3, by=10)"),
        "return": ("return value", "Ends the function and gives `value` (nil without one) to its caller.",
                   "fn sign(x) { if x < 0 { return -1 }; 1 }\nsign(-5)"),
        "true": ("true", "The boolean true value (Python's True).", "1 < 2 == true"),
        "false": ("false", "The boolean false value (Python's False).", "not false"),
        "nil": ("nil", "The absence of a value (Python's None); a function without a value returns it, and the REPL does not echo it.",
                "x = nil\nx == nil"),
        "and": ("a and b", "True when both are true; `b` is not evaluated when `a` is false.", "1 < 2 and 2 < 3"),
        "or": ("a or b", "True when either is true; `b` is not evaluated when `a` is true.", "1 > 2 or 2 < 3"),
        "not": ("not a", "True when `a` is false.", "not (1 > 2)"),
        "import": ("import \"file.mnl\"",
                   "Runs another script once per session, relative to the importing file; its globals become this session's globals.",
                   "import \"helpers.mnl\""),
        "assert": ("assert condition, \"message\"",
                   "Stops with an error (`assertion failed: message`) when the condition is false.",
                   "assert 1 + 1 == 2, \"arithmetic\""),
        "try": ("try { ... } catch e { ... }",
                "Runs the first block; if it fails, runs the second with `e` holding the error message. It is an expression: its value is that of the block that finished. Ctrl-C and exit() are not caught.",
                "try { error(\"bad input\") } catch e { \"caught: {e}\" }"),
        "catch": ("try { ... } catch e { ... }", "The handler of a `try`: runs when the `try` block fails, with `e` holding the message.",
                  "try { [1][5] } catch e { e }"),
        "global": ("global name, other",
                   "Inside a function, makes assignments to `name` change the global of that name instead of creating a local.",
                   "count = 0\nfn bump() { global count; count += 1 }\nbump()\ncount"),
        "del": ("del d[key]   del d.field   del xs[i]   del xs[a:b]",
                "Removes a key from a record (a missing key is an error) or elements from a list.",
                "d = {lr: 0.1, epochs: 3}\ndel d.epochs\nxs = [1, 2, 3]\ndel xs[0]\n(d, xs)"),
        "class": ("class Name(Parent) { fn init(self, ...) { ... } fn method(self, ...) { ... } }",
                  "Defines a type: `Name(args)` makes an instance and calls `init`; methods take the instance as `self`; fields are set with `self.name = value`. A parent class gives its methods to the child.",
                  "class Point {\n  fn init(self, x, y) { self.x = x; self.y = y }\n  fn norm(self) { sqrt(self.x ** 2 + self.y ** 2) }\n}\nPoint(3, 4).norm()"),
        "super": ("super.method(args)",
                  "Inside a method of a class with a parent, calls the parent's version of `method` on the same instance (`super.init(...)` in a constructor).",
                  "class Dense(Layer) {\n  fn init(self, n_in, n_out) {\n    super.init(\"dense\")\n    self.W = zeros(n_in, n_out)\n  }\n}"),
    ]
}
