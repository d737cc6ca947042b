import Foundation
@testable import Jarya
import Testing

/// How the tagger's model is found, loaded with the glossaries and read, and how its features
/// are keyed.
@Suite("Name tagger: model and features")
struct TaggerModelTests {
    /// A copy of the shipped glossaries in a temporary folder, with no `models/` beside it.
    static func glossariesWithoutModel() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-model-\(UUID().uuidString)")
        let copy = root.appendingPathComponent("glossaries")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../glossaries"
        ).standardized
        try FileManager.default.copyItem(at: shipped, to: copy)
        return copy
    }

    @Test("a glossaries folder without models/ beside it still gets the model, found from the executable's checkout")
    func modelFoundApartFromGlossaries() throws {
        try #require(ProcessInfo.processInfo.environment[ModelLocation.environmentVariable] == nil)
        let folder = try Self.glossariesWithoutModel()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let loaded = try Glossaries.load(from: folder.path)
        #expect(loaded.nameModel?.fingerprint == Glossaries.forTests.nameModel?.fingerprint)
        #expect(loaded.modelNote == nil)
        // Training loads them without a model, and the pipeline then runs the rules alone.
        let withoutModel = try Glossaries.load(from: folder.path, nameModel: false)
        #expect(withoutModel.nameModel == nil && withoutModel.modelNote == nil)
        #expect(!Recognizers.standard(withoutModel).contains { $0 is ModelRecognizer })
    }

    @Test(
        "the model's search order: $JARYA_MODEL alone when set, else beside the glossaries, the executable, the install, the checkout"
    )
    func searchOrder() {
        func search(_ env: String?, existing: Set<String>, executable: String = "/opt/jarya/bin/jarya")
            -> ModelLocation.Search
        {
            ModelLocation.locate(
                environment: env, glossaries: "/srv/data/glossaries", executable: executable,
                checkout: "/home/dev/jarya", exists: existing.contains)
        }
        let beside = "/srv/data/models/names.model", installed = "/opt/jarya/share/jarya/models/names.model"
        #expect(search(nil, existing: [beside, installed]).found == beside)
        #expect(search(nil, existing: [installed]).found == installed)
        #expect(search(nil, existing: [installed]).note == nil)
        // The checkout counts only for an executable inside it.
        let checkout = "/home/dev/jarya/models/names.model"
        #expect(search(nil, existing: [checkout]).found == nil)
        #expect(search(nil, existing: [checkout], executable: "/home/dev/jarya/.build/debug/jarya").found == checkout)
        // Nothing found: the rules alone, and a note naming where it looked and what to set.
        let none = search(nil, existing: [])
        #expect(none.found == nil)
        #expect(none.looked == [beside, "/opt/jarya/bin/models/names.model", installed])
        #expect(none.note?.contains("rules and glossaries alone") == true)
        #expect(none.note?.contains(installed) == true && none.note?.contains("JARYA_MODEL") == true)
        // $JARYA_MODEL is the only place tried, even when it is missing (loading it then fails),
        // and `none` turns the tagger off without a note.
        #expect(search("/tmp/my.model", existing: [beside]).found == "/tmp/my.model")
        #expect(search("none", existing: [beside]).found == nil)
        #expect(search("none", existing: [beside]).note == nil)
    }

    @Test("the shipped glossaries carry the shipped model, and the tagger runs last")
    func shippedModel() throws {
        let model = try #require(Glossaries.forTests.nameModel)
        #expect(model.keys.count > 1000)
        #expect(Recognizers.standard(.forTests).last is ModelRecognizer)
        #expect(Recognizers.standard(.forTests).filter { $0 is ModelRecognizer }.count == 1)
    }

    @Test("a model finds every key, also keys that fall in the same slot of its table, and no other")
    func lookup() {
        // Keys alike in the bits that pick the slot: each probe goes on to the next slot.
        let keys: [UInt64] = (0..<40).map { UInt64($0) << 1 | 0x55 << 40 }.sorted()
        let weights = keys.indices.flatMap { k in (0..<NameLabel.count).map { Int16(k * 10 + $0) } }
        let model = NameModel(
            keys: keys, weights: weights, scale: 1,
            transitions: [Float](repeating: 0, count: (NameLabel.count + 1) * NameLabel.count))
        for (k, key) in keys.enumerated() {
            #expect(model.row(key) == k)
            #expect(model.scores([key]) == (0..<NameLabel.count).map { Double(k * 10 + $0) })
        }
        #expect(model.row(0x55 << 40 | 1) == nil)
        #expect(model.scores([7, 9]) == [Double](repeating: 0, count: NameLabel.count))
        // A key the model lacks whose low bits are a known key's passes the small table of present
        // bits and is turned away by the large one; known keys' weights add up, absent ones add nothing.
        #expect(model.scores([keys[0] ^ 1 << 60]) == [Double](repeating: 0, count: NameLabel.count))
        let absent: UInt64 = keys[0] ^ 1 << 60
        let expected: [Double] = (0..<NameLabel.count).map { label in Double(30 + 2 * label) }
        #expect(model.scores([keys[1], 7, keys[2], absent]) == expected)
    }

    func tokens(_ text: String) throws -> [TaggerToken] {
        let doc = try Pipeline(stages: [Ingest(), Normalize(), Tokenize(), Segment(), Analyze()]).process(
            Document(text: text))
        return TaggerInput.tokens(doc, glossaries: .forTests).tokens
    }

    @Test(
        "shapes: words of one pattern share a key, other patterns do not",
        arguments: [
            ("Бишкек", "Москва", true), ("ОшМУ", "КГТУ", false), ("КГТУ", "МЧС", true), ("Нарын", "Naryn", false),
            ("12", "2025", true),
        ])
    func shapes(_ a: String, _ b: String, _ same: Bool) {
        #expect((TokenHashes.shape(a) == TokenHashes.shape(b)) == same)
    }

    @Test("a word's features are the same in every sentence with the same neighbours, and change with them")
    func featuresFollowNeighbours() throws {
        let a = try tokens("Вчера в Караколе открылась выставка."),
            b = try tokens("Вчера в Караколе открылась выставка.")
        let c = try tokens("Вчера в Караколе закрылась выставка.")
        let fa = TaggerFeatures.extract(a, sentence: 0..<a.count), fb = TaggerFeatures.extract(b, sentence: 0..<b.count)
        let fc = TaggerFeatures.extract(c, sentence: 0..<c.count)
        #expect(fa == fb)
        // `Караколе` (index 2) sees `открылась` / `закрылась` one to its right; `Вчера` (0) does not.
        #expect(fa[2] != fc[2])
        #expect(fa[0] == fc[0])
        #expect(fa[2].contains(TaggerFeatures.wordKey("караколе")))
        #expect(Set(fa[2]).count == fa[2].count, "two templates gave one key")
    }

    @Test(
        "name endings: a patronymic and a surname in the genitive have ending features, a capitalized common word fewer"
    )
    func endings() throws {
        let t = try tokens("Встреча с Иваном Петровичем Смирновым. Встреча")
        func endingCount(_ word: String) throws -> Int {
            let token = try #require(t.first { $0.text == word })
            var e: [UInt64] = []
            NameEndings.add(token, scalars: token.lower.unicodeScalars.map(\.value), into: &e)
            return e.count
        }
        #expect(try endingCount("Петровичем") >= 1)
        #expect(try endingCount("Смирновым") >= 2)
        #expect(try endingCount("Встреча") < endingCount("Смирновым"))
    }
}
