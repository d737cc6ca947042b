/// The recognizers `jarya process` runs, in order: contacts first, so later recognizers
/// skip the digits inside phones and URLs; landmarks before organizations, persons and places, so
/// that `«Спартак» стадиону` and `Чүй проспектиси` are venues, not a club or a region.
public enum Recognizers {
    public static func standard(_ glossaries: Glossaries) -> [any Recognizer] {
        [EmailRecognizer(), URLRecognizer(), PhoneRecognizer(), DateRecognizer(glossaries: glossaries),
         LandmarkRecognizer(glossaries: glossaries),
         OrganizationRecognizer(glossaries: glossaries), PersonRecognizer(glossaries: glossaries), PlaceRecognizer(glossaries: glossaries)]
    }
}
