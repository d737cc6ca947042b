import Jarya
import Testing

/// Records of different files that are translations of each other: a Kyrgyz and a Russian
/// release of one event are linked both ways; other pairs are not. The releases are written
/// for these tests.
@Suite("Translation links")
struct TranslationLinkerTests {
    static func record(_ text: String, path: String) throws -> Record {
        Record(try Pipeline.standard(.forTests).process(Document(text: text, path: path)))
    }

    /// The links of the records, in order, as lists of (id, relation).
    static func links(_ records: [Record]) -> [[Record.Related]] {
        var linker = TranslationLinker()
        for r in records { linker.add(r) }
        let links = linker.links()
        return records.indices.map { links[$0] ?? [] }
    }

    static let kyrgyzForum = """
        Нарында жаштар форуму өтөт
        Нарын, 03.06.24. /Кабар/. 2024-жылдын 18-19-июнунда Нарын шаарында «Жаштар жана айыл» аттуу аймактык жаштар форуму өтөт.
        Форумду Нарын шаардык мэриясы уюштурат.
        Форумга облустун бардык райондорунан 200дөн ашык жаш катышат.
        Кошумча маалымат: +996 (3522) 5-12-34, naryn.youth@gmail.com.

        """

    static let russianForum = """
        В Нарыне пройдет молодежный форум
        Нарын, 3 июня 2024 года. 18-19 июня 2024 года в Нарыне пройдет региональный молодежный форум «Молодежь и село».
        Форум организует мэрия города Нарын.
        В форуме примут участие более 200 молодых людей из всех районов области.
        Дополнительная информация: +996 (3522) 5-12-34, naryn.youth@gmail.com.

        """

    /// Another release, the same day, in the same town, published the same day: a different
    /// event by a different organizer, with other contacts.
    static let russianExhibition = """
        В Нарыне откроется выставка ремесленников
        Нарын, 3 июня 2024 года. 18-19 июня 2024 года в Нарыне пройдет выставка изделий народных мастеров.
        Выставку проводит Ассоциация ремесленников Нарынской области.
        На выставке будут представлены войлочные ковры, шырдаки и изделия из кожи.
        Справки: +996 (555) 77-88-99.

        """

    /// The Kyrgyz release reworded by another outlet: same event, same contacts, same language.
    static let kyrgyzForumRetold = """
        Нарын шаарында аймактык жаштар форуму болот
        Нарын, 03.06.24. /Кабар/. Нарын шаарында 2024-жылдын 18-19-июнунда «Жаштар жана айыл» аттуу жаштар форуму болот.
        Форумду Нарын шаардык мэриясы уюштурат.
        Кеңири маалымат алуу үчүн: +996 (3522) 5-12-34.

        """

    @Test("a Kyrgyz and a Russian version of one release are linked both ways")
    func translationsAreLinked() throws {
        let ky = try Self.record(Self.kyrgyzForum, path: "ky/naryn_forum.txt")
        let ru = try Self.record(Self.russianForum, path: "ru/naryn_forum.txt")
        // The signature the link rests on: same event dates and place.
        #expect(ky.event?.start == "2024-06-18" && ky.event?.end == "2024-06-19")
        #expect(ru.event?.start == "2024-06-18" && ru.event?.end == "2024-06-19")
        #expect(ky.event?.places == ["Naryn"] && ru.event?.places == ["Naryn"])
        let kyID = ky.id, ruID = ru.id
        #expect(kyID != ruID)
        let links = Self.links([ky, ru])
        #expect(links[0].map(\.id) == [ruID])
        #expect(links[1].map(\.id) == [kyID])
        #expect((links[0] + links[1]).allSatisfy { $0.relation == "translation" })
    }

    @Test("the link does not depend on the order of the records or on records in between")
    func orderAndNeighbours() throws {
        let ky = try Self.record(Self.kyrgyzForum, path: "ky/naryn_forum.txt")
        let ru = try Self.record(Self.russianForum, path: "ru/naryn_forum.txt")
        let other = try Self.record(
            "Талас шаарында тегерек стол өтөт\nТалас, 04.03.24. /Кабар/. 2024-жылдын 11-мартында Талас шаарында тегерек стол өтөт.\n",
            path: "ky/talas.txt")
        let links = Self.links([ru, other, ky])
        #expect(links[0].map(\.id) == [ky.id])
        #expect(links[1].isEmpty)
        #expect(links[2].map(\.id) == [ru.id])
    }

    @Test("two releases on the same day in the same town with nothing else in common are not linked")
    func sameDaySameTownNotLinked() throws {
        let ky = try Self.record(Self.kyrgyzForum, path: "ky/naryn_forum.txt")
        let ru = try Self.record(Self.russianExhibition, path: "ru/naryn_crafts.txt")
        // The premise: the same dates, place and published date, in different languages.
        #expect(ru.event?.start == ky.event?.start && ru.event?.end == ky.event?.end)
        #expect(ru.event?.places == ky.event?.places)
        #expect(ru.published == ky.published)
        #expect(ru.event?.kind != ky.event?.kind)
        let links = Self.links([ky, ru])
        do {
            #expect(links[0].isEmpty)
            #expect(links[1].isEmpty)
        }
    }

    @Test("two Kyrgyz records of the same event are not translations")
    func sameLanguageNotLinked() throws {
        let a = try Self.record(Self.kyrgyzForum, path: "ky/naryn_forum.txt")
        let b = try Self.record(Self.kyrgyzForumRetold, path: "ky/naryn_forum_2.txt")
        #expect(a.language == .kyrgyz && b.language == .kyrgyz)
        #expect(a.event?.start == b.event?.start && a.event?.places == b.event?.places)
        let links = Self.links([a, b])
        #expect(links[0].isEmpty)
        #expect(links[1].isEmpty)
    }

    @Test("a record without an event is not linked, even to a release of the same day")
    func noEventNotLinked() throws {
        let ky = try Self.record(Self.kyrgyzForum, path: "ky/naryn_forum.txt")
        let statement = try Self.record(
            """
            Мэрия Нарына запустила онлайн-запись к специалистам
            Нарын, 3 июня 2024 года. Мэрия города Нарын запустила онлайн-запись на прием к специалистам.
            Записаться можно по телефону +996 (3522) 5-12-34.

            """, path: "ru/naryn_service.txt")
        #expect(statement.event == nil)
        let links = Self.links([statement, ky])
        #expect(links.allSatisfy { $0.isEmpty })
    }
}
