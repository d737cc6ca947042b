/// A date as precise as the text: `2022`, `2022-03`, `2022-03-03`, or a day without a known
/// year (`--03-03`, ISO 8601's truncated form) when nothing in the text gives the year.
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Eight bytes, not 48: a long document can hold a million dates. `.min` stands for nil.
    private var storedYear: Int32 = .min
    private var storedMonth: Int16 = .min
    private var storedDay: Int16 = .min

    public var year: Int? {
        get { storedYear == .min ? nil : Int(storedYear) }
        set { storedYear = newValue.map { Int32(clamping: $0) } ?? .min }
    }
    public var month: Int? {
        get { storedMonth == .min ? nil : Int(storedMonth) }
        set { storedMonth = newValue.map { Int16(clamping: $0) } ?? .min }
    }
    public var day: Int? {
        get { storedDay == .min ? nil : Int(storedDay) }
        set { storedDay = newValue.map { Int16(clamping: $0) } ?? .min }
    }

    public init(year: Int?, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// False for a day that does not exist, such as 29 February of a year that is not a leap
    /// year; a date without a year or a day is always possible.
    public var isCalendarDate: Bool {
        guard let month, let day else { return true }
        return CivilDate.isValid(year: year, month: month, day: day)
    }

    /// ISO 8601 text.
    public var description: String {
        // Written as bytes into a small string when the parts have their usual sizes: records
        // write thousands of these, and the interpolations cost some 1,300 instructions a date.
        if (year.map { (0...9999).contains($0) } ?? true), (month.map { (0...99).contains($0) } ?? true),
            (day.map { (0...99).contains($0) } ?? true)
        {
            return String(unsafeUninitializedCapacity: 10) { out in
                var n = 0
                func put(_ byte: UInt8) { out[n] = byte; n += 1 }
                func two(_ v: Int) { put(UInt8(48 + v / 10)); put(UInt8(48 + v % 10)) }
                if let year {
                    if year >= 1000 { put(UInt8(48 + year / 1000)) }
                    if year >= 100 { put(UInt8(48 + year / 100 % 10)) }
                    if year >= 10 { put(UInt8(48 + year / 10 % 10)) }
                    put(UInt8(48 + year % 10))
                    // A day is written only with its month.
                    if let month {
                        put(UInt8(ascii: "-")); two(month)
                        if let day { put(UInt8(ascii: "-")); two(day) }
                    }
                } else {
                    put(UInt8(ascii: "-")); put(UInt8(ascii: "-"))
                    if let month { two(month) }
                    if let day { put(UInt8(ascii: "-")); two(day) }
                }
                return n
            }
        }
        return Self.spelled(year: year, month: month, day: day)
    }

    /// `description` by string interpolation, for any values (an unusual year or month).
    static func spelled(year: Int?, month: Int?, day: Int?) -> String {
        let m = month.map { $0 < 10 ? "0\($0)" : "\($0)" }
        let d = day.map { $0 < 10 ? "0\($0)" : "\($0)" }
        guard let year else { return "--\(m ?? "")" + (d.map { "-\($0)" } ?? "") }
        var s = String(year)
        if let m { s += "-\(m)"; if let d { s += "-\(d)" } }
        return s
    }

    /// Parses the forms `description` writes.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if iso.startsWith("--") {
            guard parts.count >= 3, let m = Int(parts[2]) else { return nil }
            self.init(year: nil, month: m, day: parts.count > 3 ? Int(parts[3]) : nil)
        } else {
            guard let y = Int(parts[0]), parts[0].count == 4 else { return nil }
            self.init(year: y, month: parts.count > 1 ? Int(parts[1]) : nil, day: parts.count > 2 ? Int(parts[2]) : nil)
        }
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year ?? 0, a.month ?? 0, a.day ?? 0) < (b.year ?? 0, b.month ?? 0, b.day ?? 0)
    }
}

/// What a `date` entity means.
public struct DateValue: Equatable, Sendable {
    public var start: PartialDate?
    /// nil for an open range ("since 2019").
    public var end: PartialDate?
    /// `HH:MM` or `HH:MM-HH:MM`.
    public var time: String?
    /// A deadline (`до 20 июня`, `20-июнга чейин`): a date things happen by, not on.
    public var isDeadline: Bool

    public init(start: PartialDate?, end: PartialDate?, time: String? = nil, isDeadline: Bool = false) {
        self.start = start
        self.end = end
        self.time = time
        self.isDeadline = isDeadline
    }
}

/// Something found in the text: its kind, where it is, and what it means.
public struct Entity: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case date, place, organization, person, url, email, phone
    }

    public enum Value: Equatable, Sendable {
        case date(DateValue)
        /// A normalized contact: `https://…` URL, lowercased e-mail, E.164 phone.
        case contact(String)
        case place(name: String, kind: String, country: String?)
        case organization(name: String, acronym: String?)
        case person(name: String, role: String?)
    }

    public var kind: Kind
    public var span: Span
    /// The text of `span`, exactly as in the normalized text.
    public var text: String
    public var value: Value
    /// Where the entity comes from when not from a glossary or a rule: `.model`, the name tagger.
    public var origin: Origin?

    /// Who found an entity, when it matters to the user: the trained tagger's names carry their
    /// surface as name and no canonical link, so the record says so.
    public enum Origin: String, Sendable, Codable { case model }

    public init(kind: Kind, span: Span, text: String, value: Value, origin: Origin? = nil) {
        self.kind = kind
        self.span = span
        self.text = text
        self.value = value
        self.origin = origin
    }
}

/// A recognizer finds one kind of thing in a document. Recognizers run in order, and each
/// sees the entities of the ones before it (dates skip what contacts already claimed).
public protocol Recognizer: Sendable {
    var name: String { get }
    /// Appends what it finds to `document.entities`; may set the document fields it owns
    /// (the date recognizer sets `published`).
    func recognize(_ document: inout Document)
}

/// Recognize: runs the recognizers and sorts the entities by position.
public struct Recognize: Stage {
    public let name = "recognize"
    public let reach = StageReach.part
    public let recognizers: [any Recognizer]

    public init(recognizers: [any Recognizer]) {
        self.recognizers = recognizers
    }

    public func run(_ document: inout Document) throws {
        for r in recognizers { r.recognize(&document) }
        document.entities.sort { $0.span < $1.span }
    }
}

extension Document {
    /// Whether a span overlaps an entity already found.
    public func isClaimed(_ span: Span) -> Bool {
        entities.contains { $0.span.overlaps(span) }
    }

    /// Adds an entity for a span of the normalized text.
    public mutating func add(_ kind: Entity.Kind, _ span: Span, _ value: Entity.Value) {
        entities.append(Entity(kind: kind, span: span, text: text[span], value: value))
    }
}
