import ICUText
import Testing

@Suite("Transliterator")
struct TransliteratorTests {
    @Test("built-in Cyrillic-Latin")
    func builtIn() throws {
        let t = try Transliterator(id: "Cyrillic-Latin")
        #expect(try t.transliterate("Бишкек") == "Biškek")
        #expect(try t.transliterate("Ош шаары") == "Oš šaary")
        // Latin text and digits pass through.
        #expect(try t.transliterate("USAID 2025") == "USAID 2025")
        #expect(try t.transliterate("") == "")
    }

    @Test("compound ID: Any-Latin; Latin-ASCII")
    func compound() throws {
        let t = try Transliterator(id: "Any-Latin; Latin-ASCII")
        #expect(try t.transliterate("Жалал-Абад") == "Zalal-Abad")
    }

    @Test("custom rules repair Kyrgyz lookalikes")
    func customRules() throws {
        let t = try Transliterator(rules: "ɵ > ө ; Ɵ > Ө ; ӊ > ң ;")
        #expect(try t.transliterate("Кɵлдɵ жаӊы Ɵзгɵн") == "Көлдө жаңы Өзгөн")
        #expect(try t.transliterate("Бишкек") == "Бишкек")
    }

    @Test("custom rules that lengthen the text grow the buffer")
    func growingRules() throws {
        let t = try Transliterator(rules: "ш > шшшшшшшш ;")
        let input = String(repeating: "шаар ", count: 20)
        let result = try t.transliterate(input)
        #expect(result == String(repeating: "шшшшшшшшаар ", count: 20))
    }

    @Test("an unknown transliterator ID is an ICUError")
    func badID() throws {
        let error = #expect(throws: ICUError.self) { try Transliterator(id: "Kyrgyz-Klingon") }
        #expect(error?.name.hasPrefix("U_") == true)
        #expect(error?.code ?? 0 > 0)
        #expect(error?.description.contains("Kyrgyz-Klingon") == true)
    }

    @Test("rules with a syntax error are an ICUError that names the position")
    func badRules() throws {
        let error = #expect(throws: ICUError.self) { try Transliterator(rules: "ɵ > ө ; ) > (") }
        #expect(error?.operation.contains("line") == true)
        #expect(error?.description.hasPrefix("ICU utrans_openU") == true)
    }
}
