import Foundation
import Hummingbird
import HummingbirdTesting
import Jarya
@testable import JaryaServe

/// Releases written for these tests, and a server over a private copy of the glossaries.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A Kyrgyz announcement: two organizers, a funder with its acronym, a two-day date, places,
    /// a person with a role, and contacts.
    static let kyrgyzRelease = """
        Бишкекте жаштардын санариптик форуму өтөт

        Бишкек, 2025-жылдын 3-марты. /Кабар/.

        Кыргыз Республикасынын Санариптик өнүктүрүү министрлиги жана Бишкек шаарынын мэриясы 2025-жылдын 12-13-март күндөрү Бишкек шаарында жаштардын санариптик форумун өткөрөт. Форумду Бириккен Улуттар Уюмунун Өнүктүрүү Программасы (ПРООН) каржылайт.

        Форумга Чүй, Ысык-Көл жана Нарын облустарынан 300дөн ашык жаш катышат. Ачылыш аземинде министрдин орун басары Айбек Токтосунов сөз сүйлөйт.

        Форумдун программасы 10-марттан тартып www.digitalforum.kg сайтында жарыяланат.

        Байланыш үчүн: +996 555 123 456, forum@digital.gov.kg

        """

    /// The Russian version of `kyrgyzRelease`: the two are linked as translations.
    static let russianTranslation = """
        В Бишкеке пройдет цифровой форум молодежи

        Бишкек, 3 марта 2025 г.

        Министерство цифрового развития Кыргызской Республики и мэрия города Бишкек 12-13 марта 2025 года проведут в Бишкеке цифровой форум молодежи. Форум финансирует Программа развития ООН (ПРООН).

        В форуме примут участие более 300 молодых людей из Чуйской, Иссык-Кульской и Нарынской областей.

        Контакты: +996 555 123 456, forum@digital.gov.kg

        """

    /// A Russian release naming a company no glossary knows (Тундук Техно).
    static let russianRelease = """
        В Оше пройдет ярмарка вакансий

        Ош, 14 апреля 2025 г.

        Мэрия города Ош совместно с компанией Тундук Техно 22 апреля 2025 года проведет ярмарку вакансий для выпускников.

        Справки по телефону: 0 (3222) 5-48-61

        """

    /// A copy of the repository's glossaries in a new temporary folder.
    static func glossaries() throws -> String {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jarya-serve-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: root.appendingPathComponent("glossaries"), to: target)
        return target.path
    }

    /// The processor of `jarya process` over the glossaries the tests' build reads.
    static func standardProcessor() throws -> Processor {
        Processor(glossaries: try Glossaries.load(from: root.appendingPathComponent("glossaries").path))
    }

    static let token = "0123456789abcdef0123456789abcdef"

    static func configuration(database: String? = nil, maxBytes: Int = Processor.defaultMaxBytes) throws
        -> ServeConfiguration
    {
        ServeConfiguration(port: 0, glossaries: try glossaries(), database: database, maxBytes: maxBytes, token: token)
    }

    /// Runs `body` against the application's router (no socket).
    static func test<Value: Sendable>(
        _ configuration: ServeConfiguration, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await ServeApp.build(configuration).test(.router, body)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}

extension ByteBuffer {
    init(_ text: String) { self.init(string: text) }
}

/// `application/x-www-form-urlencoded` of `fields`.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return ByteBuffer(
        string: fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(
            separator: "&"))
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
