import Foundation

/// Analyze: the words of the text with the stems morphology proposes for each, computed once
/// for every recognizer that looks names up (places, organizations, persons, the event).
public struct Analyze: Stage {
    public let name = "analyze"
    public init() {}

    public func run(_ document: inout Document) throws {
        var words = NameTokenizer.tokens(document.text.scalars)
        // Texts repeat their words, and releases each other's: analyze each word once per thread.
        let known = AnalysisCache.forCurrentThread()
        for k in words.indices {
            guard words[k].kind == .word else { words[k].stem = words[k].lower; continue }
            if let f = known.analyses[words[k].lower] { (words[k].forms, words[k].stem) = f; continue }
            let stem = RussianMorphology.stem(words[k].lower)
            let f = Self.forms(of: words[k].lower, stem: stem)
            known.add(words[k].lower, (f, stem))
            (words[k].forms, words[k].stem) = (f, stem)
        }
        document.words = words
    }

    /// The lower-case word, then its Russian stem, then its Kyrgyz stems, without repeats.
    static func forms(of lower: String, stem: String? = nil) -> [String] {
        var f = [lower]
        let r = stem ?? RussianMorphology.stem(lower)
        if r != lower { f.append(r) }
        for s in KyrgyzMorphology.stems(of: lower).dropFirst() where !f.contains(s) { f.append(s) }
        return f
    }
}

/// The analyses of the words one thread has met, kept from document to document. A word's
/// analysis depends on the word alone, so the cache changes no result; it is emptied when it
/// holds `limit` words, so memory stays bounded however long the batch.
final class AnalysisCache {
    static let limit = 50_000
    private(set) var analyses = WordMap<(forms: [String], stem: String)>()

    func add(_ word: String, _ analysis: (forms: [String], stem: String)) {
        if analyses.count >= Self.limit { analyses = WordMap() }
        analyses[word] = analysis
    }

    private static let key = "jarya.analysis-cache"

    /// This thread's cache (each worker thread has its own, so none waits on a lock).
    static func forCurrentThread() -> AnalysisCache {
        let dictionary = Thread.current.threadDictionary
        if let cache = dictionary[key] as? AnalysisCache { return cache }
        let cache = AnalysisCache()
        dictionary[key] = cache
        return cache
    }
}
