import MNLRuntime
import MNLSyntax

/// The language's Tab candidates for the word before the cursor:
/// - after `prefix.`, the members of the prefix's value, when the prefix can be found
///   without side effects (`x.T.`, `data.train[0].`; see `Inspection`);
/// - inside a call's parentheses, the keyword arguments of the function (`sum(x, ax` gives
///   `axis=`), besides the names;
/// - otherwise variables, builtins and keywords.
struct SessionCompletion {
    let session: Session

    func candidates(line: String, cursor: Int) -> [String] {
        let head = Array(line.prefix(cursor))
        let wordStart = head.lastIndex { !Self.isWordCharacter($0) }.map { $0 + 1 } ?? 0
        let word = String(head[wordStart...])
        if wordStart > 0, head[wordStart - 1] == "." {
            let owner = Self.chain(endingAt: wordStart - 1, in: head)
            guard let value = Inspection.value(of: owner, in: session) else { return [] }
            return Members.names(of: value).filter { $0.hasPrefix(word) }
        }
        let keywords = Self.openCall(before: wordStart, in: head).map { keywordArguments(of: $0) } ?? []
        let names = Set(session.userVariables.map(\.0)).union(session.builtins.keys).union(Keyword.allCases.map(\.rawValue))
        return keywords.filter { $0.hasPrefix(word) } + names.filter { $0.hasPrefix(word) }.sorted()
    }

    /// `name=` for each parameter of the function `callee` names (a builtin, a function, or a
    /// method found without side effects, as in `x.sum`).
    func keywordArguments(of callee: String) -> [String] {
        var parameters: [String] = []
        if let dot = callee.lastIndex(of: "."), let owner = Inspection.value(of: String(callee[..<dot]), in: session) {
            switch Inspection.member(String(callee[callee.index(after: dot)...]), of: owner, in: session) {
            // A method's first parameter is its receiver, passed before the dot.
            case .method(let m)?: parameters = Array(Inspection.parameterNames(of: .builtin(BuiltinFunction(m))).dropFirst())
            case .value(let v)?: parameters = Inspection.parameterNames(of: v)
            case nil: break
            }
        } else if let function = Inspection.value(of: callee, in: session) {
            parameters = Inspection.parameterNames(of: function)
        }
        return parameters.map { $0 + "=" }
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The path that ends just before `end` (a dot or an opening parenthesis): names, dots and
    /// whole `[...]` groups, read backwards.
    static func chain(endingAt end: Int, in head: [Character]) -> String {
        var start = end
        var depth = 0
        while start > 0 {
            let c = head[start - 1]
            if c == "]" { depth += 1 } else if c == "[" {
                guard depth > 0 else { break }
                depth -= 1
            } else if depth == 0 && !(isWordCharacter(c) || c == ".") {
                break
            }
            start -= 1
        }
        return String(head[start..<end])
    }

    /// The callee of the innermost parenthesis still open before `end`, skipping strings.
    static func openCall(before end: Int, in head: [Character]) -> String? {
        var open: [(Character, Int)] = []
        var inString = false, escaped = false
        for i in 0..<end {
            let c = head[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "(", "[", "{": open.append((c, i))
            case ")", "]", "}": _ = open.popLast()
            default: break
            }
        }
        guard let (bracket, position) = open.last, bracket == "(" else { return nil }
        let callee = chain(endingAt: position, in: head)
        return callee.isEmpty ? nil : callee
    }
}
