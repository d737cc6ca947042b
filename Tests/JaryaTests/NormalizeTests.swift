import Foundation
@testable import Jarya
import Testing

/// The scalars of a string: `String ==` treats composed and decomposed text as equal, so
/// normalization is checked scalar by scalar.
func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

/// Normalizes `text` and returns the normalized string with the warnings.
func normalized(_ text: String) throws -> (text: NormalizedText, string: String, warnings: [String]) {
    let (t, w) = try Normalize.text(text)
    return (t, t.string, w)
}

/// The original scalars of a span of `text`.
func slice(_ text: String, _ span: Span) -> String {
    String(String.UnicodeScalarView(Array(text.unicodeScalars)[span.start..<span.end]))
}

@Suite("Normalize: typography")
struct TypographyTests {
    @Test(
        "CRLF and lone CR become LF",
        arguments: [
            ("Пресс-релиз\r\nБишкек шаарында\r\n", "Пресс-релиз\nБишкек шаарында\n"),
            ("Пресс-релиз\rБишкек шаарында\r", "Пресс-релиз\nБишкек шаарында\n"),
            ("Маалымат\r\n\r\nАнонс", "Маалымат\n\nАнонс"),
            ("Абзац\u{2029}Строка\u{2028}Конец", "Абзац\nСтрока\nКонец"),
        ])
    func lineEnds(input: String, expected: String) throws {
        #expect(scalars(try normalized(input).string) == scalars(expected))
    }

    @Test(
        "soft hyphens, zero-width characters and BOM are removed",
        arguments: [
            ("Кыр\u{00AD}гыз\u{00AD}стан", "Кыргызстан"),
            ("ми\u{200B}нистр\u{200C}лиги", "министрлиги"),
            ("\u{FEFF}Пресс\u{200D}-релиз\u{2060}", "Пресс-релиз"),
        ])
    func invisibles(input: String, expected: String) throws {
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars(expected))
        #expect(result.warnings.isEmpty)
    }

    @Test(
        "NBSP and other spaces become a plain space",
        arguments: [
            "\u{00A0}", "\u{2002}", "\u{2007}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{3000}",
        ])
    func spaces(space: String) throws {
        let input = "100\(space)000 сом, +996\(space)312\(space)62\(space)15\(space)19"
        #expect(scalars(try normalized(input).string) == scalars("100 000 сом, +996 312 62 15 19"))
    }

    @Test("Unicode hyphens become -, dashes and quotes stay")
    func hyphensDashesQuotes() throws {
        let input = "Жалал\u{2010}Абад, Иссык\u{2011}Куль — «Ала-Тоо» “Manas” 2011–2022"
        #expect(
            scalars(try normalized(input).string) == scalars("Жалал-Абад, Иссык-Куль — «Ала-Тоо» “Manas” 2011–2022"))
    }

    @Test("NFC composes decomposed й and ё")
    func nfc() throws {
        let input = "Жаңы и\u{0306}ыгын жана е\u{0308}лка"
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars("Жаңы йыгын жана ёлка"))
        #expect(result.text.count == input.unicodeScalars.count - 2)
    }

    @Test("text that needs no change is unchanged, with the identity map")
    func unchanged() throws {
        let input = "Бишкек шаарында 5-декабрда семинар өтөт. Семинар пройдет в Бишкеке."
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars(input))
        #expect(result.text.origin == (0...input.unicodeScalars.count).map { Int32($0) })
        #expect(result.warnings.isEmpty)
    }
}

@Suite("Normalize: Kyrgyz letter repair")
struct LetterRepairTests {
    @Test(
        "addresses are the runs with `@`, with `/` and `.`, or opening with `www.`: protected from repair",
        arguments: [
            "Кайрылуу: info@kabar.kg же +996 312 62 15 19",
            "Сайт: https://www.gov.kg/ky/post/123 жана WWW.Kabar.kg, www. деп эмес",
            "Бишкек /Кабар/. 10:00дө a/b.c жана a/b, a.b, w.w, www жана wwwx.kg",
            "Почта: Бишкек,mail@24.kg;  тел. 0555/12.34",
            "w", "", "@", "  / . ",
        ])
    func protectedRanges(text: String) {
        let scalars = Array(text.unicodeScalars)
        // The rule written the plain way: every run of non-space text, tested whole.
        var expected: [Range<Int>] = []
        var i = 0
        while i < scalars.count {
            guard !scalars[i].properties.isWhitespace else { i += 1; continue }
            var j = i
            while j < scalars.count, !scalars[j].properties.isWhitespace { j += 1 }
            let run = String(String.UnicodeScalarView(scalars[i..<j]))
            if run.contains("@") || (run.contains("/") && run.contains("."))
                || (j - i >= 4 && run.lowercased().hasPrefix("www."))
            {
                expected.append(i..<j)
            }
            i = j
        }
        #expect(LetterRepair.protectedRanges(scalars) == expected)
    }

    @Test(
        "Kyrgyz letter substitutes become ө Ө ң Ң",
        arguments: [
            ("Кɵлдɵ жаштар лагери", "Көлдө жаштар лагери"),  // U+0275 Latin barred o
            ("Ɵзгɵн районунда", "Өзгөн районунда"),  // U+019F capital barred O
            ("Ѳзгѳрүүлѳр кирет", "Өзгөрүүлөр кирет"),  // U+0472/U+0473 fita
            ("Жаӊы мыйзам жана таӊ", "Жаңы мыйзам жана таң"),  // U+04CA en with tail
            ("ӉАРЫН облусу", "ҢАРЫН облусу"),  // U+04C9
        ])
    func kyrgyzSubstitutes(input: String, expected: String) throws {
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars(expected))
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("repaired Kyrgyz letters in") == true)
    }

    @Test("Kazakh ұ Ұ become ү Ү in Kyrgyz text")
    func kazakhUInKyrgyz() throws {
        let result = try normalized("Ұй-бұлөлөр ұчұн жаңы программа")
        #expect(scalars(result.string) == scalars("Үй-бүлөлөр үчүн жаңы программа"))
        #expect(result.warnings == ["repaired Kyrgyz letters in 3 words: Ұй → Үй, бұлөлөр → бүлөлөр, ұчұн → үчүн"])
    }

    @Test(
        "ұ stays in Kazakh text (ә қ ғ і)",
        arguments: [
            "Қазақстан Республикасының Ұлттық банкі",
            "Ұлы дала елі: әлем мәдениеті",
            "Ұйымдастырушылар ғылыми конференция өткізеді",
        ])
    func kazakhTextLeftAlone(input: String) throws {
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars(input))
        #expect(result.warnings.isEmpty)
    }

    @Test(
        "Latin lookalikes inside Cyrillic words become Cyrillic",
        arguments: [
            ("Бишкeк", "Бишкек"),
            ("шаарындa", "шаарында"),
            ("Кытaйдан", "Кытайдан"),
            ("Ocoбo", "Особо"),
            ("ТOКМOКЕ", "ТОКМОКЕ"),
            // Y in a word of front rounded vowels is Ү; elsewhere У.
            ("Yкүева", "Үкүева"),
            ("Тyрдүбаев", "Түрдүбаев"),
            ("Yсубалиев", "Усубалиев"),
        ])
    func latinInCyrillic(word: String, repaired: String) throws {
        let result = try normalized("Маалымат: \(word) боюнча жаңылык")
        #expect(scalars(result.string) == scalars("Маалымат: \(repaired) боюнча жаңылык"))
        #expect(result.warnings == ["repaired mixed Latin/Cyrillic letters in 1 word: \(word) → \(repaired)"])
    }

    @Test("a lone Latin c between Cyrillic words becomes с")
    func loneLatinLetter() throws {
        let result = try normalized("Прием граждан c 10:00 до 12:00")
        #expect(scalars(result.string) == scalars("Прием граждан с 10:00 до 12:00"))
    }

    @Test(
        "Cyrillic lookalikes inside Latin words become Latin",
        arguments: [
            ("USАID", "USAID"),  // Cyrillic А
            ("Sрutnik", "Sputnik"),  // Cyrillic р
            ("UNIСEF", "UNICEF"),  // Cyrillic С
        ])
    func cyrillicInLatin(word: String, repaired: String) throws {
        let result = try normalized("\(word) уюмунун өкүлдөрү келди")
        #expect(scalars(result.string) == scalars("\(repaired) уюмунун өкүлдөрү келди"))
        #expect(result.warnings == ["repaired mixed Latin/Cyrillic letters in 1 word: \(word) → \(repaired)"])
    }

    @Test(
        "Latin words, URLs and e-mail addresses are left alone",
        arguments: [
            "USAID жана UNDP уюмдарынын колдоосу менен",
            "Кабарды Sputnik Кыргызстан агенттиги таратты",
            "Толук маалымат www.dpi.kg сайтында",
            "Кат жазыңыз: info@dpi.kg же press@mail.gov.kg",
            "Электрондук почта (e-mail) аркылуу кайрылыңыз",
            "Подробности на https://edu.gov.kg/ky/news/123 и t.me/dpi_kg",
            "Маалымат ICT Park жана Coca-Cola компаниясынан",
        ])
    func latinLeftAlone(input: String) throws {
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars(input))
        #expect(result.warnings.isEmpty)
    }

    @Test("the warnings list each kind of repair with examples")
    func warnings() throws {
        let input = "Кɵлдɵ жана Ѳзгѳн. Бишкeк шаарындa USАID."
        let result = try normalized(input)
        #expect(scalars(result.string) == scalars("Көлдө жана Өзгөн. Бишкек шаарында USAID."))
        #expect(
            result.warnings == [
                "repaired Kyrgyz letters in 2 words: Кɵлдɵ → Көлдө, Ѳзгѳн → Өзгөн",
                "repaired mixed Latin/Cyrillic letters in 3 words: Бишкeк → Бишкек, шаарындa → шаарында, USАID → USAID",
            ])
    }

    @Test("more than five repairs are shown as five examples and an ellipsis")
    func manyRepairs() throws {
        let input = "Кɵл Ɵзгɵн тɵр Ѳрнѳк кɵк жɵн"
        let warnings = try normalized(input).warnings
        #expect(
            warnings == [
                "repaired Kyrgyz letters in 6 words: Кɵл → Көл, Ɵзгɵн → Өзгөн, тɵр → төр, Ѳрнѳк → Өрнөк, кɵк → көк, …"
            ])
    }

    @Test("letter repair keeps one scalar per scalar: the map stays the identity")
    func repairKeepsOffsets() throws {
        let input = "Бишкeк Кɵлдɵ"
        let result = try normalized(input)
        #expect(result.text.origin == (0...input.unicodeScalars.count).map { Int32($0) })
    }
}

@Suite("Normalize: the offset map")
struct OffsetMapTests {
    // Original scalars: К0 ы1 р2 SHY3 г4 ы5 з6 ZWSP7 ␠8 э9 л10 и11, length 12.
    // Normalized:       К0 ы1 р2 г3 ы4 з5 ␠6 э7 л8 и9, length 10.
    let removed = "Кыр\u{00AD}гыз\u{200B} эли"

    @Test("across removed characters: normalized → original")
    func removedToOriginal() throws {
        let t = try normalized(removed).text
        #expect(t.string == "Кыргыз эли")
        #expect(t.origin == [0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12])
        // "эли" maps back exactly.
        #expect(t.originalSpan(of: Span(7, 10)) == Span(9, 12))
        // "гыз" starts after the soft hyphen; its end is the next kept scalar's origin, so
        // the zero-width space that followed it is inside the original span.
        #expect(t.originalSpan(of: Span(3, 6)) == Span(4, 8))
        // The whole word spans the soft hyphen.
        #expect(t.originalSpan(of: Span(0, 6)) == Span(0, 8))
        #expect(t.originalSpan(of: Span(0, 10)) == Span(0, 12))
        // Empty spans stay empty.
        #expect(t.originalSpan(of: Span(3, 3)) == Span(4, 4))
    }

    @Test("across removed characters: original → normalized")
    func removedToNormalized() throws {
        let t = try normalized(removed).text
        #expect(t.normalizedOffset(ofOriginal: 0) == 0)
        #expect(t.normalizedOffset(ofOriginal: 3) == 3)  // the soft hyphen → where г now is
        #expect(t.normalizedOffset(ofOriginal: 4) == 3)  // г
        #expect(t.normalizedOffset(ofOriginal: 7) == 6)  // the zero-width space → the space after it
        #expect(t.normalizedOffset(ofOriginal: 9) == 7)  // э
        #expect(t.normalizedOffset(ofOriginal: 12) == 10)  // the end
        #expect(t.normalizedSpan(ofOriginal: Span(4, 7)) == Span(3, 6))  // гыз
        #expect(t.normalizedSpan(ofOriginal: Span(0, 8)) == Span(0, 6))  // Кыр­гыз + ZWSP
        #expect(t.normalizedSpan(ofOriginal: Span(9, 12)) == Span(7, 10))  // эли
    }

    // Original: Б0 и1 ш2 к3 е4 к5 CR6 LF7 О8 ш9 CR10 LF11, length 12.
    // Normalized: Бишкек LF6 О7 ш8 LF9, length 10.
    let crlf = "Бишкек\r\nОш\r\n"

    @Test("across CRLF: both directions")
    func crlfMap() throws {
        let t = try normalized(crlf).text
        #expect(scalars(t.string) == scalars("Бишкек\nОш\n"))
        #expect(t.origin == [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 12])
        #expect(t.originalSpan(of: Span(0, 6)) == Span(0, 6))  // Бишкек
        #expect(t.originalSpan(of: Span(6, 7)) == Span(6, 8))  // LF ← CR LF
        #expect(t.originalSpan(of: Span(7, 9)) == Span(8, 10))  // Ош
        #expect(t.originalSpan(of: Span(7, 10)) == Span(8, 12))  // Ош + line end
        #expect(t.normalizedOffset(ofOriginal: 6) == 6)
        #expect(t.normalizedOffset(ofOriginal: 7) == 7)  // the LF of CR LF → after the line end
        #expect(t.normalizedOffset(ofOriginal: 8) == 7)
        #expect(t.normalizedSpan(ofOriginal: Span(8, 10)) == Span(7, 9))
        #expect(t.normalizedSpan(ofOriginal: Span(6, 8)) == Span(6, 7))
        #expect(t.normalizedSpan(ofOriginal: Span(0, 12)) == Span(0, 10))
    }

    // Original: Ж0 а1 ң2 ы3 ␠4 и5 ◌̆6 ы7 г8 ы9 н10, length 11.
    // Normalized: Жаңы␠ й5 ы6 г7 ы8 н9, length 10.
    let decomposed = "Жаңы и\u{0306}ыгын"

    @Test("across a decomposed sequence that NFC composes: both directions")
    func composition() throws {
        let t = try normalized(decomposed).text
        #expect(scalars(t.string) == scalars("Жаңы йыгын"))
        #expect(t.origin == [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11])
        #expect(t.originalSpan(of: Span(5, 6)) == Span(5, 7))  // й ← и + breve
        #expect(t.originalSpan(of: Span(5, 10)) == Span(5, 11))  // йыгын
        #expect(t.originalSpan(of: Span(6, 10)) == Span(7, 11))  // ыгын
        #expect(t.normalizedOffset(ofOriginal: 5) == 5)
        #expect(t.normalizedOffset(ofOriginal: 6) == 6)  // the breve → after й
        #expect(t.normalizedOffset(ofOriginal: 7) == 6)
        #expect(t.normalizedSpan(ofOriginal: Span(5, 7)) == Span(5, 6))
        #expect(t.normalizedSpan(ofOriginal: Span(5, 11)) == Span(5, 10))
    }

    @Test("all of it at once: an entity span maps to its original text")
    func roundTrip() throws {
        let original = "Кыр\u{00AD}гыз и\u{0306}ыгыны\r\nБайланыш:\u{00A0}www.dpi.kg\r\nБишкeк шаары"
        let t = try normalized(original).text
        #expect(scalars(t.string) == scalars("Кыргыз йыгыны\nБайланыш: www.dpi.kg\nБишкек шаары"))
        let url = try #require(t.string.range(of: "www.dpi.kg"))
        let start = t.string.unicodeScalars.distance(from: t.string.unicodeScalars.startIndex, to: url.lowerBound)
        let span = Span(start, start + 10)
        #expect(t[span] == "www.dpi.kg")
        let back = t.originalSpan(of: span)
        #expect(slice(original, back) == "www.dpi.kg")
        #expect(t.normalizedSpan(ofOriginal: back) == span)
        // The repaired word maps to the word with the Latin e.
        let word = Span(t.count - 12, t.count - 6)
        #expect(t[word] == "Бишкек")
        #expect(scalars(slice(original, t.originalSpan(of: word))) == scalars("Бишкeк"))
        // Every normalized offset maps back into range, monotonically.
        #expect(t.origin == t.origin.sorted())
        #expect(t.origin.last == Int32(original.unicodeScalars.count))
    }
}
