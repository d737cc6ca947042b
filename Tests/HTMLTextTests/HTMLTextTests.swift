@testable import HTMLText
import Testing

@Test("libxml2 is linked") func libxmlLinked() {
    #expect(HTMLReader.libxmlVersion.hasPrefix("2"))
}

private func blocks(_ html: String, encoding: String? = "UTF-8") throws(HTMLTextError) -> [String] {
    try HTMLReader.blocks(html: Array(html.utf8), encoding: encoding)
}

@Suite("HTML → text blocks")
struct HTMLReaderTests {
    @Test("paragraphs, headings, list items and line breaks become blocks; whitespace collapses")
    func blocksAndBreaks() throws {
        let html = """
            <html><body>
            <h1>  Бишкекте   форум </h1>
            <p>Биринчи
               абзац.</p><div>Экинчи <b>абзац</b>.</div>
            <ul><li>бир</li><li>эки</li></ul>
            <p>Тел.: +996 312 62 15 19<br>E-mail: info@example.kg</p>
            <p>Бир<br><br>Эки</p>
            </body></html>
            """
        #expect(
            try blocks(html) == [
                "Бишкекте форум", "Биринчи абзац.", "Экинчи абзац.", "бир", "эки",
                "Тел.: +996 312 62 15 19\nE-mail: info@example.kg", "Бир", "Эки",
            ])
    }

    @Test("entities are decoded")
    func entities() throws {
        #expect(
            try blocks("<p>&laquo;Жаштар&raquo; &amp; &#1257;&#x4AF; &nbsp;A&lt;B &mdash; C</p>") == [
                "«Жаштар» & өү \u{A0}A<B — C"
            ])
    }

    @Test("scripts, styles, navigation, menus, header, footer, forms and cookie banners are dropped")
    func noise() throws {
        let html = """
            <html><head><title>Сайт</title><style>p { color: red }</style><script>document.write("<p>x</p>")</script></head>
            <body>
            <header><a href="/">Лого</a></header>
            <nav><ul><li>Башкы бет</li><li>Жаңылыктар</li></ul></nav>
            <div class="main-menu">Меню</div>
            <div id="breadcrumbs">Главная » Новости</div>
            <div class="cookie-banner">Мы используем cookie <button>OK</button></div>
            <div role="navigation">Навигация</div>
            <p>Текст релиза.</p>
            <noscript>Включите JavaScript</noscript>
            <form><select><option>ru</option></select><input value="Поиск"></form>
            <iframe src="https://example.com/"></iframe><svg><text>SVG</text></svg>
            <template><p>Шаблон</p></template>
            <div class="social-share">Facebook</div>
            <div class="comments">Комментарии</div>
            <aside>Читайте также</aside>
            <div style="display: none">Скрыто</div>
            <footer>© 2024</footer>
            <script>var a = 1;</script>
            </body></html>
            """
        #expect(try blocks(html) == ["Текст релиза."])
    }

    @Test("the article (or main) is preferred to the rest of the page, with the page's h1")
    func mainContent() throws {
        let html = """
            <body><div class="wrap page-with-sidebar">
            <h1>Форум фермеров в Оше</h1>
            <div class="teaser">Другие новости: концерт в Бишкеке</div>
            <main>
              <article><header class="entry-header"><time>12.03.2024</time></header>
              <p>Ош, 12 марта 2024 г. С 15 по 17 апреля в Оше пройдет форум.</p>
              <p>Организатор: Министерство сельского хозяйства.</p></article>
              <article><p>Похожая новость.</p></article>
            </main></div></body>
            """
        #expect(
            try blocks(html) == [
                "Форум фермеров в Оше", "12.03.2024",
                "Ош, 12 марта 2024 г. С 15 по 17 апреля в Оше пройдет форум.",
                "Организатор: Министерство сельского хозяйства.",
            ])
        // Without preference, the whole page (but not its furniture).
        let all = try HTMLReader.blocks(html: Array(html.utf8), encoding: "UTF-8", preferMainContent: false)
        #expect(all.contains("Другие новости: концерт в Бишкеке"))
        #expect(all.contains("Похожая новость."))
    }

    @Test("table rows are lines with cells joined by |")
    func tables() throws {
        #expect(
            try blocks(
                "<table><tr><th>Тел.</th><td>+996 312 62 15 19</td><td></td></tr><tr><td>Сайт</td><td>www.example.kg</td></tr></table>"
            )
                == ["Тел. | +996 312 62 15 19", "Сайт | www.example.kg"])
    }

    @Test("pre keeps its line breaks")
    func pre() throws {
        #expect(try blocks("<pre>бир\n  эки\nүч</pre>") == ["бир\nэки\nүч"])
    }

    @Test("<meta charset> is honoured when no encoding is given, and read by declaredCharset")
    func metaCharset() throws {
        // "Ош шаары" in windows-1251.
        let body: [UInt8] = [0xCE, 0xF8, 0x20, 0xF8, 0xE0, 0xE0, 0xF0, 0xFB]
        let page =
            Array("<html><head><meta charset=windows-1251></head><body><p>".utf8) + body
            + Array("</p></body></html>".utf8)
        #expect(try HTMLReader.blocks(html: page) == ["Ош шаары"])
        #expect(HTMLReader.declaredCharset(page) == "windows-1251")
        let equiv = Array(
            #"<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R"></HEAD>"#.utf8)
        #expect(HTMLReader.declaredCharset(equiv) == "KOI8-R")
        #expect(
            HTMLReader.declaredCharset(Array(#"<?xml version="1.0" encoding="windows-1251"?><html/>"#.utf8))
                == "windows-1251")
        #expect(HTMLReader.declaredCharset(Array("<html><body>charset=utf-8</body></html>".utf8)) == nil)
    }

    @Test("a DOCTYPE declaring entities is refused; the entity is never read")
    func externalEntity() throws {
        let html = """
            <!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <html><body><p>&x;</p></body></html>
            """
        #expect(throws: HTMLTextError.self) { try blocks(html) }
        do {
            _ = try blocks(html)
        } catch {
            #expect(error.kind == .entityDeclaration)
            #expect(error.message.contains("ENTITY"))
        }
        // An ordinary DOCTYPE, with a public identifier, is fine and nothing is fetched.
        let xhtml = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
            <html><body><p>Текст</p></body></html>
            """
        #expect(try blocks(xhtml) == ["Текст"])
        #expect(try blocks("<!doctype html><p>Текст &unknownentity; бар</p>") == ["Текст &unknownentity; бар"])
    }

    @Test("broken HTML is recovered, empty input has no blocks")
    func recovery() throws {
        #expect(try blocks("<p>Бир<p>Эки<div><span>Үч</div></p></b>") == ["Бир", "Эки", "Үч"])
        #expect(try blocks("") == [])
        #expect(try blocks("   ") == [])
    }
}

private let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

private func wordLines(_ body: String) throws(HTMLTextError) -> [String] {
    try WordXML.lines(
        Array(
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(w)><w:body>\#(body)</w:body></w:document>"#
                .utf8))
}

@Suite("DOCX word/document.xml → lines")
struct WordXMLTests {
    @Test("paragraphs from runs, tabs and breaks; empty paragraphs are left out")
    func paragraphs() throws {
        let lines = try wordLines(
            """
            <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Бишкекте </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>форум</w:t></w:r></w:p>
            <w:p/>
            <w:p><w:r><w:t>Тел.:</w:t><w:tab/><w:t>+996 312 62 15 19</w:t><w:br/><w:t>E-mail: info@example.kg</w:t></w:r></w:p>
            <w:p><w:r><w:delText>өчүрүлгөн</w:delText><w:instrText>HYPERLINK</w:instrText><w:t xml:space="preserve">  калды  </w:t></w:r></w:p>
            """)
        #expect(lines == ["Бишкекте форум", "Тел.:\t+996 312 62 15 19\nE-mail: info@example.kg", "калды"])
    }

    @Test("a table row is one line, cells joined by |")
    func table() throws {
        let lines = try wordLines(
            """
            <w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Сайт</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>www.example.kg</w:t></w:r></w:p><w:p><w:r><w:t>(ru)</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>Тел.</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>+996 312 62 15 19</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Кийин</w:t></w:r></w:p>
            """)
        #expect(lines == ["Сайт | www.example.kg (ru)", "Тел. | +996 312 62 15 19", "Кийин"])
    }

    @Test("entities are not expanded: a DOCTYPE, with or without an external entity, is refused")
    func entities() {
        let xxe =
            #"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document \#(w)><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#
        #expect(
            throws: HTMLTextError(
                .entityDeclaration,
                "the document type declaration (<!DOCTYPE … [ … ]>) declares entities (<!ENTITY …>); an external entity could make a parser read local files or the network, so the file is refused"
            )
        ) {
            try WordXML.lines(Array(xxe.utf8))
        }
        let laughs =
            #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document \#(w)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#
        #expect(throws: HTMLTextError.self) { try WordXML.lines(Array(laughs.utf8)) }
        let external =
            #"<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "http://example.com/evil.dtd"><w:document \#(w)><w:body/></w:document>"#
        #expect(throws: HTMLTextError.self) { try WordXML.lines(Array(external.utf8)) }
    }

    @Test("malformed XML and a document that is not WordprocessingML are errors with a message")
    func malformed() {
        do {
            _ = try WordXML.lines(Array(#"<w:document \#(w)><w:body><w:p></w:body>"#.utf8))
            Issue.record("no error")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.message.contains("not well-formed"))
        }
        #expect(throws: HTMLTextError.self) { try WordXML.lines(Array("<root><p>text</p></root>".utf8)) }
        #expect(throws: HTMLTextError.self) { try WordXML.lines([]) }
    }
}

@Suite("HTMLText: a tag with very many attributes")
struct AttributeLimitTests {
    @Test("100,000 attributes on one paragraph: its text is read, and the page is shortened to the first 256")
    func manyAttributes() throws {
        let attributes = (0..<100_000).map { " data-n\($0)=\"маани \($0)\"" }.joined()
        let page =
            "<html><body><p class=\"lead\"\(attributes)>Бишкекте 15-мартта жыйын өттү.</p><p>Экинчи абзац.</p></body></html>"
        // libxml2 compares every attribute with the earlier ones: 10¹⁰ steps without the limit.
        let clock = ContinuousClock(), start = clock.now
        #expect(
            try HTMLReader.blocks(html: Array(page.utf8), encoding: "UTF-8") == [
                "Бишкекте 15-мартта жыйын өттү.", "Экинчи абзац.",
            ])
        #expect(clock.now - start < .seconds(60))
        let shortened = AttributeLimit.apply(Array(page.utf8))
        let kept = String(decoding: shortened, as: UTF8.self).split(separator: " ").filter { $0.hasPrefix("data-n") }
        #expect(kept.count == AttributeLimit.maximum - 1)
        #expect(kept.last == "data-n254=\"маани")
    }

    @Test(
        "an ordinary page is passed on as it is",
        arguments: [
            "<p class=\"a\" id='b' hidden data-x=1>Текст</p>",
            "<div title=\"a > b\">Текст</div><img src=x.png alt=\"\"/>",
            "<p a=\"unterminated>Текст</p>",
            "Текст < 5 жана <!-- <p> --> 3 > 2",
        ])
    func unchanged(page: String) {
        #expect(AttributeLimit.apply(Array(page.utf8)) == Array(page.utf8))
    }

    @Test("a tag the page ends inside is cut after the first 256 attributes")
    func unterminated() {
        let page = "<p" + (0..<300).map { " a\($0)=1" }.joined()
        let out = String(decoding: AttributeLimit.apply(Array(page.utf8)), as: UTF8.self)
        #expect(out == "<p" + (0..<256).map { " a\($0)=1" }.joined() + " ")
    }
}
