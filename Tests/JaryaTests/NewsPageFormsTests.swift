import Jarya
import Testing

/// Forms seen on Kyrgyz news pages that the dev set does not have: surnames with Kyrgyz case
/// suffixes, a dateline with the weekday and "Bishkek time", `келерки жылы`, a курултай.
@Suite("News-page forms")
struct NewsPageFormsTests {
    @Test(
        "a Kyrgyz case suffix on a surname is not part of the name",
        arguments: [
            ("Жыйын министр ⟦Нурлан Асановдун⟧ катышуусунда өттү.", "Нурлан Асанов"),
            ("Сыйлык ⟦Айгүл Осмонованын⟧ колуна тапшырылды.", "Айгүл Осмонова"),
            ("Долбоорду ⟦Бакыт Жумабек уулунун⟧ командасы даярдады.", "Бакыт Жумабек уулу"),
            ("Президент ⟦Нурлан Асановду⟧ атайын өкүл кылып дайындады.", "Нурлан Асанов"),
        ])
    func kyrgyzCaseOnSurname(_ marked: String, _ name: String) throws {
        let m = MarkedText(marked)
        let persons = try entities(.person, in: m.text)
        #expect(persons.map(\.span) == m.spans)
        guard case .person(let found, _)? = persons.first?.value else { Issue.record("no person in \(m.text)"); return }
        #expect(found == name)
    }

    @Test("a dateline with the weekday and the capital's time gives the published date and is no date entity")
    func weekdayDateline() throws {
        let text = """
            12-Март, 2024-жыл, шейшемби, Бишкек убактысы 09:15

            Келерки жылы Ошто эл аралык курултай өтөт

            Курултайды өткөрүү боюнча даярдык 11-мартта башталды. Ага 300дөн ашык делегат катышат.
            """
        let doc = try Pipeline.standard(.forTests).process(Document(text: text))
        #expect(doc.published == PartialDate(year: 2024, month: 3, day: 12))
        let dates = doc.entities.filter { $0.kind == .date }
        #expect(!dates.contains { $0.text.hasPrefix("12-Март") })
        // `Келерки жылы` is the year after the published one.
        #expect(
            dates.contains { e in
                if case .date(let v) = e.value { return e.text == "Келерки жылы" && v.start == PartialDate(year: 2025) }
                return false
            })
        #expect(doc.title == "Келерки жылы Ошто эл аралык курултай өтөт")
        // The headline names the event and its year: that is the event's date, not the start of the preparations.
        #expect(doc.event?.kind == .meeting)
        #expect(doc.event?.start == PartialDate(year: 2025))
        #expect(doc.event?.participants?.count == 300)
        #expect(doc.event?.participants?.qualifier == "more_than")
    }
}
