import Jarya
import Testing

/// Runs `recognizers` on the unmarked text and checks that the entities of `kind` are exactly
/// the marked spans, with their texts and `values` in order.
func expectEntities(
    _ marked: String, kind: Entity.Kind, values: [String], with recognizers: [any Recognizer],
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let m = MarkedText(marked)
    let doc = try recognize(m.text, with: recognizers)
    let found = doc.entities.filter { $0.kind == kind }
    #expect(found.map(\.span) == m.spans, "spans in: \(m.text)", sourceLocation: sourceLocation)
    #expect(found.map(\.value) == values.map { .contact($0) }, "values in: \(m.text)", sourceLocation: sourceLocation)
    for e in found {
        #expect(e.text == doc.text[e.span], sourceLocation: sourceLocation)
    }
    #expect(values.count == m.spans.count, "test case has one value per marked span", sourceLocation: sourceLocation)
}

@Suite("Contacts: URLs")
struct URLRecognizerTests {
    @Test(
        "addresses with and without a scheme",
        arguments: [
            ("Толук маалымат ⟦www.dpi.kg⟧ сайтында жарыяланат.", ["https://www.dpi.kg"]),
            ("Подробнее на сайте ⟦https://edu.gov.kg/ky/news/123⟧.", ["https://edu.gov.kg/ky/news/123"]),
            ("Архив: ⟦http://kabar.kg/news/2025⟧", ["http://kabar.kg/news/2025"]),
            (
                "Каналга жазылыңыз: ⟦t.me/dpi_kg⟧ жана ⟦facebook.com/dpi.kg⟧.",
                ["https://t.me/dpi_kg", "https://facebook.com/dpi.kg"]
            ),
            ("Статистика на ⟦stat.gov.kg⟧ обновляется ежемесячно.", ["https://stat.gov.kg"]),
            (
                "Анкета: ⟦https://forms.gle/AbC123xyz?usp=sf_link&lang=ru#top⟧",
                ["https://forms.gle/AbC123xyz?usp=sf_link&lang=ru#top"]
            ),
            (
                "Видео ⟦https://www.youtube.com/watch?v=dQw4w9WgXcQ⟧ жана ⟦www.instagram.com/undp_kg⟧",
                ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.instagram.com/undp_kg"]
            ),
            ("О городе: ⟦https://en.wikipedia.org/wiki/Osh_(city)⟧.", ["https://en.wikipedia.org/wiki/Osh_(city)"]),
        ])
    func positives(marked: String, values: [String]) throws {
        try expectEntities(marked, kind: .url, values: values, with: [URLRecognizer()])
    }

    @Test(
        "trailing punctuation and closing quotes are not part of the address",
        arguments: [
            ("Сайт: ⟦www.dpi.kg⟧.", "https://www.dpi.kg"),
            ("Сайттар: ⟦www.dpi.kg⟧, ⟦www.gov.kg⟧;", "https://www.dpi.kg"),
            ("Маалымат (⟦www.dpi.kg⟧) сайтында.", "https://www.dpi.kg"),
            ("Сайт «⟦www.dpi.kg⟧» иштей баштады.", "https://www.dpi.kg"),
            ("Сайт “⟦https://www.dpi.kg/ru/news⟧” запущен.", "https://www.dpi.kg/ru/news"),
            ("Кайсы сайт? ⟦www.dpi.kg⟧?", "https://www.dpi.kg"),
            ("(подробнее: ⟦https://edu.gov.kg/ky/news/123/⟧).", "https://edu.gov.kg/ky/news/123/"),
            ("Адрес \"⟦t.me/dpi_kg⟧\".", "https://t.me/dpi_kg"),
        ])
    func trailing(marked: String, first: String) throws {
        let m = MarkedText(marked)
        let doc = try recognize(m.text, with: [URLRecognizer()])
        #expect(doc.entities.map(\.span) == m.spans)
        #expect(doc.entities.first?.value == .contact(first))
    }

    @Test(
        "brand names, e-mail addresses, numbers and abbreviations are not addresses",
        arguments: [
            "Кабарды 24.kg агенттиги жана AKIpress таратты.",
            "Информацию распространило агентство 24.kg.",
            "По данным AKIpress.org и Kaktus.media, форум перенесен.",
            "Кат жазыңыз: info@dpi.kg",
            "Инфляция составила 1.5 процента, дата отчета 12.12.2025.",
            "китептер, дептерлер ж.б. жана т.б., e.g. reports",
            "Отчет в файле report.pdf прилагается.",
        ])
    func negatives(text: String) throws {
        let doc = try recognize(text, with: [URLRecognizer()])
        #expect(doc.entities.isEmpty, "found \(doc.entities.map(\.text))")
    }
}

@Suite("Contacts: e-mail addresses")
struct EmailRecognizerTests {
    @Test(
        "addresses, with the value in lower case",
        arguments: [
            ("Кат жөнөтүңүз: ⟦info@dpi.kg⟧.", ["info@dpi.kg"]),
            ("E-mail: ⟦Press.Service@Mail.Gov.KG⟧", ["press.service@mail.gov.kg"]),
            ("Аккредитация (⟦ivan_petrov-2025@undp.org⟧) до пятницы.", ["ivan_petrov-2025@undp.org"]),
            ("Пишите ⟦media+kg@osce.org⟧, ⟦office@osce.org⟧ или звоните.", ["media+kg@osce.org", "office@osce.org"]),
            ("Электрондук дарек: «⟦aikol.toktosunova@gmail.com⟧»", ["aikol.toktosunova@gmail.com"]),
        ])
    func positives(marked: String, values: [String]) throws {
        try expectEntities(marked, kind: .email, values: values, with: [EmailRecognizer()])
    }

    @Test(
        "no address without a local part or a real domain",
        arguments: [
            "Биздин баракча: @dpi_kg жана @undp.",
            "Ошибка на сервере user@localhost исправлена.",
            "Формат: a@b.c или name@123.45",
            "Электрондук почта (e-mail) аркылуу кайрылыңыз.",
        ])
    func negatives(text: String) throws {
        let doc = try recognize(text, with: [EmailRecognizer()])
        #expect(doc.entities.isEmpty, "found \(doc.entities.map(\.text))")
    }

    @Test("with every recognizer, an address is an e-mail and its domain no URL")
    func notAlsoURL() throws {
        let m = MarkedText("Кат: ⟦info@dpi.kg⟧, сайт: ⟦www.dpi.kg⟧, почта ⟦press@mail.gov.kg⟧")
        let doc = try recognize(m.text, with: Recognizers.standard(.forTests))
        #expect(doc.entities.map(\.kind) == [.email, .url, .email])
        #expect(doc.entities.map(\.span) == m.spans)
    }
}

@Suite("Contacts: phones")
struct PhoneRecognizerTests {
    @Test(
        "Kyrgyz numbers in the usual forms, with E.164 values",
        arguments: [
            ("Телефон: ⟦+996 312 62 15 19⟧", ["+996312621519"]),
            ("Байланыш телефону: ⟦+996 (555) 12-34-56⟧.", ["+996555123456"]),
            ("Справки по тел.: ⟦0 (3222) 5-55-55⟧", ["+996322255555"]),
            ("⟦0555 123 456⟧ номерине чалыңыз.", ["+996555123456"]),
            ("WhatsApp: ⟦0700415327⟧", ["+996700415327"]),
            ("Тел.: ⟦+996 312 62 15 19⟧, ⟦+996 312 62 15 20⟧ (приемная).", ["+996312621519", "+996312621520"]),
            ("Кабылдама (тел. ⟦0312 62 15 19⟧) саат 9дан баштап иштейт.", ["+996312621519"]),
            ("Московский офис: ⟦+7 (495) 123-45-67⟧", ["+74951234567"]),
            ("Номер ⟦+996555123456⟧ WhatsApp аркылуу да иштейт.", ["+996555123456"]),
        ])
    func positives(marked: String, values: [String]) throws {
        try expectEntities(marked, kind: .phone, values: values, with: [PhoneRecognizer()])
    }

    @Test(
        "office numbers: the area code with its trunk 0 in brackets, toll-free 0800",
        arguments: [
            ("Справки по телефону ⟦(0312) 65-68-78⟧.", ["+996312656878"]),
            ("Маалымат үчүн: ⟦(03222) 5-55-55⟧ телефону.", ["+996322255555"]),
            ("Ишеним телефону: ⟦0800 800 55 10⟧ (акысыз).", ["+9968008005510"]),
            ("Акимиат — проспект Чуй, 28, ⟦(0312) 36-07-07⟧.", ["+996312360707"]),
            ("Кабылдама: ⟦(0312) 62-15-19⟧ телефону.", ["+996312621519"]),
        ])
    func officeForms(marked: String, values: [String]) throws {
        try expectEntities(marked, kind: .phone, values: values, with: [PhoneRecognizer()])
    }

    @Test(
        "brackets, short numbers and scores that are not office phones",
        arguments: [
            "Катышуучулар (2024-жылы 120 адам) тизмеге кирди.",
            "Результат (0:3) не устроил тренера, счёт 36-01-93 в архиве.",
            "Дом 36-01-93, корпус 2: адрес без телефона.",
            "Шифр документа (0312) без номера.",
            "Код 0800 800 55 доступен не везде.",
        ])
    func officeNegatives(text: String) throws {
        let doc = try recognize(text, with: [PhoneRecognizer()])
        #expect(doc.entities.isEmpty, "found \(doc.entities.map(\.text))")
    }

    @Test("no-break spaces inside a number")
    func nbsp() throws {
        let marked = "Тел.:\u{00A0}⟦+996\u{00A0}312\u{00A0}62\u{00A0}15\u{00A0}19⟧ жана ⟦0555\u{202F}123\u{202F}456⟧"
        try expectEntities(marked, kind: .phone, values: ["+996312621519", "+996555123456"], with: [PhoneRecognizer()])
        let doc = try recognize(MarkedText(marked).text, with: [PhoneRecognizer()])
        #expect(doc.entities.map(\.text) == ["+996 312 62 15 19", "0555 123 456"])
    }

    @Test(
        "dates, years, sums and document numbers are not phones",
        arguments: [
            "Форум өтөт 12.12.2025 жана 05.12.2025 күндөрү.",
            "Семинар пройдет с 01.12.2025 по 05.12.2025 в Бишкеке.",
            "Программа 2011-2022 жылдары жана 2011–2022 гг. ишке ашты.",
            "Сумма гранта составила 100 000 сом, а всего — 1 000 000 сом.",
            "Кат № 12-345 боюнча жооп берилди.",
            "Приказ № 05-117-2025-000083 от 5 декабря.",
            "Регистрационный номер №05-117-2025-000083.",
            "2025-жылдын 05-декабрында саат 09:00-18:00 чейин.",
            "Процент 0,5 жана ИНН 01234567891234 жазылды.",
            "Дата: 05/12/2025, температура +10 °C.",
        ])
    func negatives(text: String) throws {
        let doc = try recognize(text, with: [PhoneRecognizer()])
        #expect(doc.entities.isEmpty, "found \(doc.entities.map(\.text))")
    }

    @Test(
        "a text that ends on a plus sign or an open bracket is read to its end, not past it",
        arguments: [
            "Температура: +",
            "Байланыш телефону: +(",
            "Тел.: (0",
            "+",
        ])
    func endsOnPlus(text: String) throws {
        let doc = try recognize(text, with: [PhoneRecognizer()])
        #expect(doc.entities.isEmpty, "found \(doc.entities.map(\.text))")
    }

    @Test("digits inside a URL are not a phone")
    func urlFirst() throws {
        let m = MarkedText("Видео: ⟦https://youtu.be/0555123456⟧ жана тел. ⟦0555 123 456⟧")
        let doc = try recognize(m.text, with: Recognizers.standard(.forTests))
        #expect(doc.entities.map(\.kind) == [.url, .phone])
        #expect(doc.entities.map(\.span) == m.spans)
    }
}
