@testable import Jarya
import Testing

/// The per-word memos of the tagger and the person recognizer answer what the direct calls do.
@Suite("Tagger and person memos")
struct TaggerMemoTests {
    static let texts = [
        "Жыйынды министрдин орун басары Нурлан Асанов ачты. Асель Жумабаева Бишкекке келди.",
        "Встреча с Бактыбеком Алайчиевым и Анной Ивановой прошла в Бишкеке. Анна Иванова выступила.",
    ]

    static func analyzed(_ text: String) throws -> Document {
        try Pipeline(stages: [Ingest(), Normalize(), Tokenize(), Segment(), Analyze()]).process(Document(text: text))
    }

    @Test("the person memo answers what the glossary and the endings do, the second time too", arguments: texts)
    func personFacts(_ text: String) throws {
        let glossaries = Glossaries.forTests
        let doc = try Self.analyzed(text)
        let names = PersonNames(tokens: doc.words, people: glossaries.people, places: glossaries.places)
        var memo = PersonMemo()
        for _ in 0..<2 {
            for k in doc.words.indices {
                let w = doc.words[k]
                let direct = glossaries.people.givenName(w.lower)
                let kept = names.givenName(k, &memo)
                #expect(kept?.name == direct?.name && kept?.sex == direct?.sex && kept?.inflected == direct?.inflected)
                #expect(
                    names.looksLikeSurname(k, &memo) == (w.isAllCaps || SurnameEnding.matches(w.lower, .marksSurname)))
                #expect(names.isClearSurname(k, &memo) == PersonNames.isClearSurname(w.lower))
            }
        }
        #expect(doc.words.indices.contains { names.givenName($0, &memo) != nil })
        #expect(doc.words.indices.contains { names.looksLikeSurname($0, &memo) })
    }

    @Test("a word's scores kept by lexicon ID are those kept by the hash of its text", arguments: texts)
    func scoresByID(_ text: String) throws {
        let glossaries = Glossaries.forTests
        let model = TaggerTests.model(["асанов": .insidePerson, "бишкек": .beginPlace, "анной": .beginPerson])
        let doc = try Self.analyzed(text)
        let (tokens, sentences) = TaggerInput.tokens(doc, glossaries: glossaries)
        #expect(tokens.contains { $0.surface >= 0 })
        let anonymous = tokens.map { t in
            var t = t
            t.surface = -1
            return t
        }
        let edges = TaggerFeatures.edgeSums(model: model)
        var byID = TaggerMemo(), byHash = TaggerMemo()
        var buffers = TaggerFeatures.EmissionBuffers()
        defer { buffers.deallocate() }
        // Twice: the second time every word's scores come from the memos.
        for _ in 0..<2 {
            for s in sentences {
                var fresh = TaggerFeatures.EmissionBuffers()
                defer { fresh.deallocate() }
                let kept = TaggerFeatures.emissions(
                    tokens, sentence: s, memo: &byID, model: model, edges: edges, buffers: &buffers)
                let hashed = TaggerFeatures.emissions(
                    anonymous, sentence: s, memo: &byHash, model: model, edges: edges, buffers: &fresh)
                #expect(kept == hashed)
            }
        }
    }

    @Test("padded hashes reset for a sentence are those made for it")
    func resetHashes() {
        var reused = TaggerFeatures.SentenceHashes(count: 5)
        reused.set(1, lower: 7, shape: 8, stem: 9, marks: .role)
        reused.reset(count: 3)
        let made = TaggerFeatures.SentenceHashes(count: 3)
        #expect(reused.count == made.count && reused.lower == made.lower && reused.shape == made.shape)
        #expect(reused.stem == made.stem && reused.marks == made.marks)
    }

    @Test(
        "a plural suffix is looked for on the bytes after the role word's stem",
        arguments: [
            ("вице-мэр", "вице-мэрлер", true), ("кызматкер", "кызматкерлери", true),
            ("директор", "директорлору", true), ("директор", "директору", false), ("мэр", "мэрия", false),
        ])
    func pluralAfterStem(_ stem: String, _ word: String, _ plural: Bool) {
        #expect(RoleFinder.pluralFollows(stem, in: word) == plural)
    }

    @Test(
        "a word's opening hash on its bytes is the hash of its first scalars",
        arguments: ["обамой", "өмүрбеков", "Ng", "ab", "№5-жылы", "東京タワー", ""])
    func openingHash(_ word: String) {
        for letters in [3, 5] {
            var h = FNV1a()
            for u in word.unicodeScalars.prefix(letters) { h.add(UInt64(u.value)) }
            #expect(TaggerInput.openingHash(word, letters: letters) == h.value)
        }
    }

    @Test("Viterbi with tables kept from a longer sentence finds the labels fresh tables do")
    func viterbiTables() {
        let transitions = NameTagger.Transitions { previous, next in
            Double((previous?.rawValue ?? 7) * 3 - next.rawValue) / 10
        }
        let long = (0..<9 * NameLabel.count).map { Double(($0 * 37) % 11) - 5 }
        let short = (0..<4 * NameLabel.count).map { Double(($0 * 53) % 13) - 6 }
        var tables = NameTagger.Tables()
        for (emissions, n) in [(long, 9), (short, 4), (long, 9)] {
            #expect(
                NameTagger.viterbi(flat: emissions, count: n, transitions: transitions, tables: &tables)
                    == NameTagger.viterbi(flat: emissions, count: n, transitions: transitions))
        }
    }
}
