import Jarya

/// The one place `jarya serve` builds its pipeline from a `Glossaries` value, so a glossary
/// change takes effect by loading the folder again and calling this again.
///
/// The date recognizer, the event assembler and the place look-ups inside the person and
/// organization rules still read the library's `.shared` glossaries (loaded once, from the
/// folder `jarya serve` was started with) until every recognizer takes a `Glossaries` value;
/// the place, organization and person recognizers take theirs from here already.
public enum PipelineFactory {
    /// A processor with the recognizers of `jarya process`, in its order, over `glossaries`.
    public static func make(glossaries: Glossaries, maxBytes: Int) -> Processor {
        let recognizers: [any Recognizer] = [
            EmailRecognizer(), URLRecognizer(), PhoneRecognizer(), DateRecognizer(),
            OrganizationRecognizer(glossary: glossaries.organizations, people: glossaries.people),
            PersonRecognizer(people: glossaries.people),
            PlaceRecognizer(glossary: glossaries.places),
        ]
        return Processor(pipeline: .standard(recognizers: recognizers), maxBytes: maxBytes)
    }
}
