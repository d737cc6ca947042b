/// What the person recognizer works out about a word from its text alone, kept by the word's
/// lexicon ID in the worker's lexicon (`Lexicon.persons`) from one document to the next, and
/// emptied with it: a word is judged once per worker, not once per token.
public struct PersonMemo: Sendable {
    /// `PersonGlossary.givenName` of the word's lower case: the look-up makes a string for each
    /// oblique ending the word may have, about 1,700 instructions a word.
    var givenNames = WordMemo<PersonGlossary.GivenName?>()
    /// Whether the word ends as a surname does (`SurnameEnding.marksSurname`): about 600
    /// instructions a word.
    var surnameEndings = WordMemo<Bool>()
    /// `PersonNames.isClearSurname` of the word: it reads the word's Kyrgyz stems, about 8,000
    /// instructions a word.
    var clearSurnames = WordMemo<Bool>()

    public init() {}
}

extension PersonNames {
    /// `people.givenName` of token `k`'s lower case.
    func givenName(_ k: Int, _ memo: inout PersonMemo) -> PersonGlossary.GivenName? {
        remembered(k, in: &memo.givenNames) { people.givenName($0) }
    }

    /// Token `k` in capitals, or ending as a surname does.
    func looksLikeSurname(_ k: Int, _ memo: inout PersonMemo) -> Bool {
        tokens[k].isAllCaps || remembered(k, in: &memo.surnameEndings) { SurnameEnding.matches($0, .marksSurname) }
    }

    /// `isClearSurname` of token `k`'s lower case.
    func isClearSurname(_ k: Int, _ memo: inout PersonMemo) -> Bool {
        remembered(k, in: &memo.clearSurnames) { Self.isClearSurname($0) }
    }

    /// `fact` of token `k`'s lower case, kept in `memo` by the token's lexicon ID
    /// (`NameToken.surface`): the lower case is the text's, which the ID stands for. Inlined: as a
    /// call, its closure held a copy of `self`, some 1,700 instructions a look-up.
    @inline(__always)
    private func remembered<V>(_ k: Int, in memo: inout WordMemo<V>, _ fact: (String) -> V) -> V {
        guard tokens[k].surface >= 0 else { return fact(tokens[k].lower) }
        return memo.value(tokens[k].surface) { fact(tokens[k].lower) }
    }
}
