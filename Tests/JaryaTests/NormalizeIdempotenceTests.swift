import Jarya
import Testing

/// Normalizing normalized text changes nothing. Each case is a reproducer the normalize fuzzer
/// found (scripts/fuzz), rewritten as release text: the first pass left something that a second
/// pass would still have changed.
@Suite("Normalize: a second pass changes nothing")
struct NormalizeIdempotenceTests {
    @Test(
        "a one-letter Latin lookalike is judged after the next word's repair",
        arguments: [
            // "c" is Latin; "Бишкeк" has a Latin e. Fuzzer's input: К0A/MЀ (d0 9a 30 41 2f 4d d0 80).
            ("Кеңеш c Бишкeк шаарынын өкүлдөрү менен өттү", "Кеңеш с Бишкек шаарынын өкүлдөрү менен өттү"),
            ("Кеңеш c Бишкек шаарынын өкүлдөрү менен өттү", "Кеңеш с Бишкек шаарынын өкүлдөрү менен өттү"),
            // The next word is Cyrillic only once the fused word is split: letter repair runs again after
            // the split. Fuzzer's input: ◌̡пBo\uFFFDM\uFFFDе (cc a1 d0 bf 42 6f b5 4d b5 d0 b5).
            (
                "Кеңешме c депутатКыргызстанdin өкүлдөрү менен өттү",
                "Кеңешме с депутат Кыргызстанdin өкүлдөрү менен өттү"
            ),
        ])
    func loneLetterAfterRepair(input: String, expected: String) throws {
        let once = try normalized(input)
        #expect(scalars(once.string) == scalars(expected))
        #expect(scalars(try normalized(once.string).string) == scalars(once.string))
    }

    @Test("a repaired letter composes with the mark after it")
    func composeAfterRepair() throws {
        // Latin y + combining breve does not compose; once y is Cyrillic у it is ў.
        let input = "Минскиден келген акын Яy\u{0306}ген Бишкекте китебин тааныштырат."
        let once = try normalized(input)
        #expect(scalars(once.string) == scalars("Минскиден келген акын Яўген Бишкекте китебин тааныштырат."))
        #expect(scalars(try normalized(once.string).string) == scalars(once.string))
        #expect(once.text.origin.count == once.text.count + 1)
    }

    @Test("a composed letter joins a word, and the lone letter beside it is judged again")
    func composeJoinsWord() throws {
        // Round one: `кY̆` becomes `кЎ`, which is not yet all Cyrillic (the breve is a mark), so the
        // lone Latin y after it stays; composing makes `кЎ`, and only a second round may change y.
        // Fuzzer's input, reduced: кY̆\uFFFDy}н (d0 ba 59 cc 86 ef bf bd 79 7d d0 bd).
        let input = "Ташкенттен келген акын Мирзакy\u{0306} y нас Бишкекте китебин тааныштырат."
        let once = try normalized(input)
        #expect(scalars(once.string) == scalars("Ташкенттен келген акын Мирзакў у нас Бишкекте китебин тааныштырат."))
        #expect(scalars(try normalized(once.string).string) == scalars(once.string))
    }

    @Test(
        "fused-word splitting leaves URLs and e-mail addresses whole",
        arguments: [
            // Fuzzer's input: ./оѾоc (2e 2f d0 be d1 be d0 be 63): a split moved the tail out of the URL.
            "Толугураак: https://минжаш.кг/жаңылыкКыргызcтан сайтында.",
            "Суроолор боюнча: пресс.катчыБишкекc@минжаш.кг дарегине жазыңыз.",
        ])
    func fusedWordsKeepLinks(input: String) throws {
        let once = try normalized(input)
        #expect(scalars(once.string) == scalars(input))
        #expect(scalars(try normalized(once.string).string) == scalars(once.string))
    }
}
