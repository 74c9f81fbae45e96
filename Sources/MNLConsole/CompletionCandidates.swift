/// Turns a completion provider's candidates into the replacements for the word being
/// completed: the identifier that ends at the cursor (after `x.`, the part after the dot).
public enum CompletionCandidates {
    /// Keeps the candidates that extend `word`, sorted and without duplicates. A candidate
    /// given with its dotted prefix (`x.shape` while completing `sh`) is cut to the part
    /// after the last dot, so only the word after the dot is replaced. Paths (`isPath`) are
    /// whole words, dots and all.
    public static func normalize(_ candidates: [String], word: String, isPath: Bool = false) -> [String] {
        let cut = candidates.map { candidate -> String in
            guard !isPath, !word.contains("."), let dot = candidate.lastIndex(of: ".") else { return candidate }
            return String(candidate[candidate.index(after: dot)...])
        }
        return Set(cut.filter { $0.hasPrefix(word) && !$0.isEmpty }).sorted()
    }

    /// The longest prefix shared by all `words` (empty for no words).
    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// The identifier (letters, digits, `_`) that ends at character offset `cursor` in `line`.
    public static func word(in line: String, cursor: Int) -> String {
        let head = line.prefix(max(0, cursor))
        let start = head.lastIndex(where: { !($0.isLetter || $0.isNumber || $0 == "_") })
            .map { head.index(after: $0) } ?? head.startIndex
        return String(head[start...])
    }
}
