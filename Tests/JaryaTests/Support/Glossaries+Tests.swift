import Jarya

extension Glossaries {
    /// The repository's glossaries, loaded once for every test, as `jarya process` loads them.
    static let forTests = try! Glossaries.requireStandard()
}

extension Processor {
    /// `jarya process`'s processor with default settings.
    static let forTests = Processor(glossaries: .forTests)
}
