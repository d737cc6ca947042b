import JaryaArchive
import Testing

@Test("SQLite is linked") func sqliteLinked() throws {
    #expect(try JaryaArchive.sqliteVersion().hasPrefix("3."))
}
