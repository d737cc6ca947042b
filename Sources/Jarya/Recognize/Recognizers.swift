/// The recognizers `jarya process` runs, in order: contacts first, so later recognizers
/// skip the digits inside phones and URLs.
public enum Recognizers {
    public static var all: [any Recognizer] {
        [EmailRecognizer(), URLRecognizer(), PhoneRecognizer(), DateRecognizer(), OrganizationRecognizer(), PersonRecognizer(), PlaceRecognizer()]
    }
}
