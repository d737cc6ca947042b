/// The recognizers `jarya process` runs, in order: contacts first, so later recognizers
/// skip the digits inside phones and URLs.
public enum Recognizers {
    public static func standard(_ glossaries: Glossaries) -> [any Recognizer] {
        [EmailRecognizer(), URLRecognizer(), PhoneRecognizer(), DateRecognizer(glossaries: glossaries),
         OrganizationRecognizer(glossaries: glossaries), PersonRecognizer(glossaries: glossaries), PlaceRecognizer(glossaries: glossaries)]
    }
}
