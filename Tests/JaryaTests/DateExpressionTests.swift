import Foundation
import Jarya
import Testing

/// The table of Tests/JaryaTests/Fixtures/date-expressions.tsv: a sentence per row with the
/// expected date spans marked ⟦…⟧ and their values; a row without marks must yield no date.
struct DateExpressionCase: CustomTestStringConvertible, Sendable {
    let line: Int
    let lang: String
    let published: PartialDate?
    let sentence: String
    let starts: [String]
    let ends: [String]
    let times: [String]

    var testDescription: String { "line \(line) [\(lang)] \(sentence)" }

    static let all: [DateExpressionCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/date-expressions.tsv")
        let text = try! String(contentsOf: url, encoding: .utf8)
        var cases: [DateExpressionCase] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("lang\t") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(cells.count == 6, "date-expressions.tsv:\(n + 1): \(cells.count) cells")
            func values(_ s: String) -> [String] { s == "-" ? [] : s.components(separatedBy: " ; ") }
            cases.append(
                DateExpressionCase(
                    line: n + 1, lang: cells[0], published: cells[1] == "-" ? nil : PartialDate(iso: cells[1]),
                    sentence: cells[2], starts: values(cells[3]), ends: values(cells[4]), times: values(cells[5])))
        }
        return cases
    }()
}

@Suite("Date expressions table")
struct DateExpressionTests {
    @Test("the table has enough cases in each language")
    func coverage() {
        let cases = DateExpressionCase.all
        #expect(cases.filter { $0.lang == "ky" && !$0.starts.isEmpty }.count >= 150)
        #expect(cases.filter { $0.lang == "ru" && !$0.starts.isEmpty }.count >= 150)
        #expect(cases.filter { $0.starts.isEmpty }.count >= 40)
    }

    @Test("each expression is found with its span and value", arguments: DateExpressionCase.all)
    func expression(_ c: DateExpressionCase) throws {
        let marked = MarkedText(c.sentence)
        let doc = try recognize(
            marked.text,
            with: [
                EmailRecognizer(), URLRecognizer(), PhoneRecognizer(),
                DateRecognizer(glossaries: .forTests, published: c.published),
            ])
        let dates = doc.entities.filter { $0.kind == .date }
        #expect(dates.map(\.span) == marked.spans, "spans: found \(dates.map(\.text))")
        guard dates.count == marked.spans.count else { return }
        for (k, e) in dates.enumerated() {
            guard case .date(let v) = e.value else { continue }
            #expect(v.start?.description == c.starts[k], "start of \(e.text)")
            #expect((v.end?.description ?? "null") == c.ends[k], "end of \(e.text)")
            let time = c.times.isEmpty || c.times[k] == "-" ? nil : c.times[k]
            #expect(v.time == time, "time of \(e.text)")
        }
    }
}
