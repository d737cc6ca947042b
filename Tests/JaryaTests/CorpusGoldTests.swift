import Foundation
import Jarya
import Testing

/// The project's corpus (corpus/ky, corpus/ru) against its hand-written gold: every date
/// value, the published date and the event's dates exactly; contacts exactly; and the
/// canonical names of places, organizations and persons found for most of the gold.
struct CorpusDocument: CustomTestStringConvertible, Sendable {
    let name: String
    let textPath: String
    let goldPath: String
    var testDescription: String { name }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    static let all: [CorpusDocument] = {
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        return files.filter { $0.hasSuffix(".gold.json") }.map { gold in
            let base = String(gold.dropLast(".gold.json".count))
            return CorpusDocument(
                name: base, textPath: root.appendingPathComponent(base + ".txt").path,
                goldPath: root.appendingPathComponent(gold).path)
        }
    }()

    func record() throws -> (Record, [String: Any]) {
        let (result, _) = Processor.forTests.processDocument(.file(textPath))
        let doc = try result.get()
        let gold =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: goldPath))) as! [String: Any]
        return (Record(doc), gold)
    }
}

@Suite("Corpus against its gold")
struct CorpusGoldTests {
    @Test("the corpus has Kyrgyz, Russian and bilingual releases")
    func corpusSize() {
        #expect(CorpusDocument.all.count >= 12)
        #expect(CorpusDocument.all.contains { $0.name.contains("kyru") })
    }

    @Test("dates, published date, event dates and contacts equal the gold", arguments: CorpusDocument.all)
    func exact(_ c: CorpusDocument) throws {
        let (record, gold) = try c.record()
        let entities = record.entities
        func pairs(_ list: [[String: Any]]) -> Set<String> {
            Set(list.map { "\($0["start"] as? String ?? "nil")…\($0["end"] as? String ?? "nil")" })
        }
        let goldDates = pairs(gold["dates"] as? [[String: Any]] ?? [])
        let dates = Set(entities.filter { $0.type == .date }.map { "\($0.start ?? "nil")…\($0.end ?? "nil")" })
        #expect(dates == goldDates)
        #expect(record.published == gold["dateline"] as? String)
        let goldEvent = gold["event"] as? [String: Any]
        #expect((record.event == nil) == (goldEvent == nil))
        if let e = record.event, let g = goldEvent {
            #expect(e.start == g["start"] as? String)
            #expect(e.end == g["end"] as? String)
        }
        for (type, key) in [(EntityType.url, "urls"), (.email, "emails")] {
            let found = Set(entities.filter { $0.type == type }.map(\.text))
            #expect(found == Set(gold[key] as? [String] ?? []), "\(type)s")
        }
        // Gold keeps the raw text (NBSPs inside); compare the digits.
        func digits(_ s: String) -> String {
            String(s.unicodeScalars.filter { $0.properties.numericType != nil }.map(Character.init))
        }
        let phones = Set(entities.filter { $0.type == .phone }.map { digits($0.text) })
        #expect(phones == Set((gold["phones"] as? [String] ?? []).map(digits)))
    }

    @Test("most gold places, organizations and persons are found under their canonical names")
    func names() throws {
        var total = 0, found = 0
        for c in CorpusDocument.all {
            let (record, gold) = try c.record()
            let entities = record.entities
            let places = Set(entities.filter { $0.type == .place }.compactMap(\.name))
            for p in gold["places"] as? [[String: Any]] ?? [] {
                total += 1
                let canonical = (p["canonical"] as? String ?? "").replacing("Chui", with: "Chuy")
                if places.contains(canonical) { found += 1 }
            }
            let persons = Set(entities.filter { $0.type == .person }.compactMap(\.name))
            for p in gold["persons"] as? [[String: Any]] ?? [] {
                total += 1
                if persons.contains(p["name"] as? String ?? "") { found += 1 }
            }
            let orgs = entities.filter { $0.type == .organization }
            for o in gold["orgs"] as? [[String: Any]] ?? [] {
                total += 1
                let canonical = o["canonical"] as? String ?? ""
                let acronym = o["acronym"] as? String
                if orgs.contains(where: {
                    $0.name == canonical || ($0.acronym != nil && $0.acronym == acronym)
                        || $0.text == o["text"] as? String
                }) {
                    found += 1
                }
            }
        }
        #expect(total > 100)
        #expect(Double(found) / Double(total) >= 0.9, "found \(found) of \(total)")
    }
}
