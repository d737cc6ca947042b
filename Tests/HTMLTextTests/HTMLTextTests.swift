import HTMLText
import Testing

@Test("libxml2 is linked") func libxmlLinked() {
    #expect(HTMLText.libxmlVersion.hasPrefix("2"))
}
