/// A date expression as written, before missing years and relative words are resolved.
struct DateMention: Sendable {
    var span: Span
    var start: PartialDate?
    var end: PartialDate?
    /// "since 2019": no end.
    var openEnd = false
    var time: String?
    /// бүгүн / завтра …: days from the published date.
    var relativeDay: Int?
    /// быйыл / в этом году …: years from the published year.
    var relativeYear: Int?
    /// `с.г.`, `текущего года`: the published year.
    var currentYear = false
    /// A deadline (`до 2050 года`, `2050-жылга чейинки`): says nothing of when the text was written.
    var isDeadline = false
    /// A programme's hour line (`12:00-13:00 – концерт`): a time that takes the day of the
    /// last date before it (its list's heading).
    var takesHeadingDay = false
    /// Whether the text states a year.
    var hasYear: Bool { start?.year != nil || end?.year != nil }
}
