import Jarya

/// The one place `jarya serve` builds its processor from a `Glossaries` value: a glossary
/// change takes effect by loading the folder again and calling this again.
public enum PipelineFactory {
    /// A processor with the pipeline of `jarya process` over `glossaries`.
    public static func make(glossaries: Glossaries, maxBytes: Int) -> Processor {
        Processor(glossaries: glossaries, maxBytes: maxBytes)
    }
}
