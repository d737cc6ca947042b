import Foundation

/// Training data from gold in the shared format (`NAME.json` or `NAME.gold.json` beside or
/// below the folder of `NAME.txt`): each gold name's surface is found among the document's
/// tokens and its tokens get the name's labels.
public enum TaggerCorpus {
    /// A gold name: its kind and its surface as annotated.
    public struct GoldName: Equatable, Sendable {
        public var kind: Entity.Kind
        public var text: String
        public init(kind: Entity.Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// The persons, organizations and places of a gold file.
    public static func goldNames(json: Data, file: String) throws -> [GoldName] {
        guard let object = try? JSONSerialization.jsonObject(with: json), let gold = object as? [String: Any] else {
            throw ModelError(file: file, message: "not a gold JSON object; see ../shared/DESIGN.md for the gold format")
        }
        var out: [GoldName] = []
        for (key, kind) in [("persons", Entity.Kind.person), ("orgs", .organization), ("places", .place)] {
            for item in gold[key] as? [[String: Any]] ?? [] {
                if let text = item["text"] as? String, !text.isEmpty { out.append(GoldName(kind: kind, text: text)) }
            }
        }
        return out
    }

    /// The gold files below `folders` paired with their texts, in sorted path order.
    public static func pairs(in folders: [String]) -> [(text: String, gold: String)] {
        var texts: [String: String] = [:], golds: [String: String] = [:]
        for folder in folders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                continue
            }
            let below = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
            for relative in below {
                let path = (folder as NSString).appendingPathComponent(relative)
                let name = (path as NSString).lastPathComponent
                if name.hasSuffix(".json") {
                    golds[String(name.dropLast(5)).replacingOccurrences(of: ".gold", with: "")] = path
                } else if [".txt", ".md", ".html"].contains(where: name.hasSuffix) {
                    texts[(name as NSString).deletingPathExtension] = path
                }
            }
        }
        return golds.keys.sorted().compactMap { key in texts[key].map { ($0, golds[key]!) } }
    }

    /// The labels of a document's tokens. Each gold surface is matched wherever its words
    /// occur (a word matches a form sharing its first five letters and within three letters of
    /// its length, so inflected mentions count); a person's surname alone matches too. Longer matches win where they overlap.
    public static func labels(_ tokens: [TaggerToken], gold: [GoldName]) -> (labels: [NameLabel], matched: Int) {
        struct Pattern { var keys: [String]; var lengths: [Int]; var capitals: [Bool]; var kind: Entity.Kind }
        var patterns: [Pattern] = []
        for name in gold {
            let scalars = Array(name.text.unicodeScalars)
            var lexicon = Lexicon()
            let words = NameWords.words(
                Tokenizer.tokens(scalars, lexicon: &lexicon), in: scalars, lexicon: &lexicon, analyzing: false)
            guard !words.isEmpty else { continue }
            patterns.append(
                Pattern(
                    keys: words.map { key($0.lower) }, lengths: words.map { $0.lower.unicodeScalars.count },
                    capitals: words.map(\.isCapitalized), kind: name.kind))
            if name.kind == .person, words.count > 1, let last = words.last, last.kind == .word, last.isCapitalized {
                patterns.append(
                    Pattern(
                        keys: [key(last.lower)], lengths: [last.lower.unicodeScalars.count], capitals: [true],
                        kind: .person))
            }
        }
        let byFirst = Dictionary(grouping: patterns.indices) { patterns[$0].keys[0] }
        var found: [(start: Int, end: Int, kind: Entity.Kind)] = []
        let keys = tokens.map { key($0.lower) }
        for i in tokens.indices {
            for p in byFirst[keys[i]] ?? [] {
                let pattern = patterns[p]
                let end = i + pattern.keys.count
                guard end <= tokens.count else { continue }
                let fits = pattern.keys.indices.allSatisfy { k in
                    keys[i + k] == pattern.keys[k]
                        && (!pattern.capitals[k] || tokens[i + k].isCapitalized || tokens[i + k].isAllCaps)
                        && abs(tokens[i + k].lower.unicodeScalars.count - pattern.lengths[k]) <= 3
                }
                if fits { found.append((i, end, pattern.kind)) }
            }
        }
        found.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var labels = [NameLabel](repeating: .outside, count: tokens.count)
        var matched = 0
        for f in found where labels[f.start..<f.end].allSatisfy({ $0 == .outside }) {
            labels[f.start] = NameLabel.begin(f.kind)
            for k in (f.start + 1)..<f.end { labels[k] = NameLabel.begin(f.kind).inside }
            matched += 1
        }
        return (labels, matched)
    }

    /// The matching key of a word: its first five letters, lower case, ё → е.
    static func key(_ lower: String) -> String {
        String(String.UnicodeScalarView(lower.unicodeScalars.prefix(5)))
    }

    /// The training sentences of one document: the rule recognizers run first, as at run time.
    public static func examples(text: String, path: String, gold: [GoldName], glossaries: Glossaries)
        throws -> (examples: [TaggerTraining.Example], names: Int, matched: Int)
    {
        let rules = Recognizers.standard(glossaries).filter { !($0 is ModelRecognizer) }
        let doc = try Pipeline.standard(glossaries, recognizers: rules).process(
            Document(source: Source(path: path), bytes: Array(text.utf8)))
        let (tokens, sentences) = TaggerInput.tokens(doc, glossaries: glossaries)
        let (labels, matched) = labels(tokens, gold: gold)
        var examples = sentences.map { s in
            TaggerTraining.Example(features: TaggerFeatures.extract(tokens, sentence: s), labels: Array(labels[s]))
        }
        // Each sentence again with what the glossaries and rules know of places and organizations
        // hidden, so that the weights also learn the context of a name that no glossary lists:
        // with the gazetteers alone, a glossary that covers most training names teaches the
        // tagger that an unknown acronym (`ЦТП`) is no name.
        var blind = tokens
        for k in blind.indices { blind[k].marks.subtract(Self.knowledgeMarks) }
        for (s, example) in zip(sentences, examples) where labels[s].contains(where: { $0 != .outside }) {
            let features = TaggerFeatures.extract(blind, sentence: s)
            if features != example.features { examples.append(.init(features: features, labels: example.labels)) }
        }
        return (examples, gold.count, matched)
    }

    /// The marks a second copy of each training sentence hides (`examples`).
    static let knowledgeMarks: TaggerToken.Marks = [
        .place, .placeStart, .organization, .organizationStart, .ruleOrganization, .rulePlace,
    ]
}
