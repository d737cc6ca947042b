import Jarya
import Testing

/// The body that announces a release organizes its event when no cue names who does (issue 11:
/// real pages end `Бул тууралуу … басма сөз кызматы билдирди`, `Об этом сообщает пресс-служба …`);
/// failing that, the body where the event is held. Each release is written for these tests.
@Suite("Event assembly: the announcing body and the host")
struct AnnouncerHostTests {
    static func organizers(_ text: String) throws -> [String] {
        try EventAssemblerTests.event(text).organizers
    }

    @Test(
        "the announcing body is the organizer when nothing else names one",
        arguments: [
            (
                """
                Ош шаарында 31-декабрь күнү борбордук аянтта майрамдык концерт өтөт. Бул тууралуу Ош шаарынын \
                мэриясынын басма сөз кызматы билдирди.
                """, "Ош шаарынын мэриясы"
            ),
            (
                """
                Бишкекте 12-мартта Мамлекеттик тарых музейинде китеп көргөзмөсү ачыла турганын Маданият, маалымат \
                жана туризм министрлиги билдирди.
                """, "Маданият, маалымат жана туризм министрлиги"
            ),
            (
                """
                Ярмарка пройдет в Токмоке 14 октября с 10:00 до 17:00. Об этом сообщает пресс-служба \
                Министерства сельского хозяйства Кыргызской Республики.
                """, "Министерство сельского хозяйства Кыргызской Республики"
            ),
            (
                """
                Концерт на площади Ала-Тоо начнется 31 декабря в 21:00, сообщили в пресс-службе Министерства \
                культуры Кыргызской Республики.
                """, "Министерство культуры Кыргызской Республики"
            ),
        ])
    func announcerOrganizes(text: String, organizer: String) throws {
        #expect(try Self.organizers(text) == [organizer])
    }

    @Test("a person's initiative is not the organization's before it; the announcing body organizes")
    func personsInitiative() throws {
        let text = """
            Ош шаарында “Келечек” чыгармачылык борборунун жанында шаардын мэри Жеңишбек Токторбаевдин \
            демилгеси менен балдар үчүн амфитеатр ачылды. Бул тууралуу Ош шаарынын мэриясы билдирди.
            """
        #expect(try Self.organizers(text) == ["Ош шаарынын мэриясы"])
    }

    @Test("a body the text names as organizer wins over the one that announces")
    func cueWins() throws {
        let text = """
            Ош мамлекеттик университети 20-апрелде эл аралык конференция уюштурат. Бул тууралуу Ош \
            шаарынын мэриясынын басма сөз кызматы билдирди.
            """
        #expect(try Self.organizers(text) == ["Ош мамлекеттик университети"])
    }

    @Test(
        "a news agency, a person, or a body far from the verb announces nothing",
        arguments: [
            // A news agency, a newspaper or a site reports what others do.
            "Фестиваль пройдет в Бишкеке 5 июня на площади Ала-Тоо. Об этом сообщает 24.kg.",
            "Фестиваль пройдет в Бишкеке 5 июня на площади Ала-Тоо, сообщает газета «Вечерний Бишкек».",
            "Фестиваль пройдет в Бишкеке 5 июня на площади Ала-Тоо, сообщает Kaktus.kg.",
            // A person speaks: no body stands by the verb.
            "Бишкекте 5-июнда Ала-Тоо аянтында фестиваль өтөт деп билдирди мэр Айбек Жумабаев.",
            // The body is the subject of another clause, not the one announcing.
            """
            Фестиваль пройдет в Бишкеке 5 июня, Министерство культуры Кыргызской Республики поддерживает \
            молодых артистов, сообщили участники.
            """,
        ])
    func noAnnouncer(text: String) throws {
        #expect(try Self.organizers(text) == [])
    }

    @Test(
        "with no cue and no announcement, the body where the event is held organizes it",
        arguments: [
            (
                """
                Ош мамлекеттик университетинде 20-апрелде «Байыркы Ош» аттуу эл аралык илимий-практикалык \
                конференция болуп өттү.
                """, "Ош мамлекеттик университети"
            ),
            (
                """
                В Жогорку Кенеше 19 октября началась научно-практическая конференция, посвященная творчеству \
                Чингиза Айтматова.
                """, "Жогорку Кенеш"
            ),
        ])
    func hostOrganizes(text: String, organizer: String) throws {
        #expect(try Self.organizers(text) == [organizer])
    }

    @Test(
        "a body named in another case, or a Russian body not after `в`, is no host",
        arguments: [
            // Genitive: the university's students, not the place.
            "20-апрелде Бишкекте Ош мамлекеттик университетинин студенттери үчүн конференция болуп өттү.",
            // A funder is not also the host.
            "В Бишкеке 19 октября при поддержке Программы развития ООН прошла конференция по экологии.",
        ])
    func noHost(text: String) throws {
        #expect(try Self.organizers(text) == [])
    }

    @Test("a press service is not an organization: its body is")
    func pressServiceIsItsBody() throws {
        let record = try EventAssemblerTests.record(
            "Бул тууралуу Ош шаарынын мэриясынын басма сөз кызматы билдирди. Ала-Тоо аянтында концерт өтөт.")
        let names = record.entities.compactMap { e -> String? in
            if case .organization(let name, _) = e.value { return name }
            return nil
        }
        #expect(names == ["Ош шаарынын мэриясы"])
    }
}
