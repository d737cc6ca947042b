/// What a recognizer has worked out about a word from its text alone, kept by the word's lexicon
/// ID in the worker's lexicon (`Lexicon.landmarks`) from one document to the next, and emptied
/// with it: a word is judged once per worker, not once per token.
public struct WordMemo<Value: Sendable>: Sendable {
    private var values: [Value?] = []

    public init() {}

    /// The value for word `id`, made by `make` the first time it is asked for.
    mutating func value(_ id: Lexicon.ID, _ make: () -> Value) -> Value {
        let k = Int(id)
        if k < values.count, let known = values[k] { return known }
        if k >= values.count { values.append(contentsOf: repeatElement(nil, count: k + 1 - values.count)) }
        let value = make()
        values[k] = value
        return value
    }
}

extension Dictionary {
    /// The value for `key`, made by `make` and kept the first time it is asked for: a memo keyed
    /// by something other than a lexicon ID (the tagger's caches, by a hash of the word's text).
    mutating func value(for key: Key, orMake make: () -> Value) -> Value {
        if let known = self[key] { return known }
        let value = make()
        self[key] = value
        return value
    }
}
