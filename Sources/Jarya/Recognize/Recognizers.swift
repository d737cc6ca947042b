/// The recognizers `jarya process` runs, in order: contacts first, so later recognizers
/// skip the digits inside phones and URLs; landmarks before organizations, persons and places, so
/// that `«Спартак» стадиону` and `Чүй проспектиси` are venues, not a club or a region; the name tagger
/// last (when a model is loaded), so rule and glossary names win wherever they overlap its names.
public enum Recognizers {
    public static func standard(_ glossaries: Glossaries) -> [any Recognizer] {
        [
            EmailRecognizer(), URLRecognizer(), PhoneRecognizer(), DateRecognizer(glossaries: glossaries),
            LandmarkRecognizer(glossaries: glossaries),
            OrganizationRecognizer(glossaries: glossaries), PersonRecognizer(glossaries: glossaries),
            PlaceRecognizer(glossaries: glossaries),
        ]
            + (glossaries.nameModel.map { [ModelRecognizer(model: $0, glossaries: glossaries)] } ?? [])
    }
}
