/// What the rules' tokens (`NameToken`) and the tagger's (`TaggerToken`) share, for the checks
/// both read the same way.
protocol SpannedToken {
    var span: Span { get }
    var text: String { get }
    var isNumber: Bool { get }
}

extension NameToken: SpannedToken {
    var isNumber: Bool { kind == .number }
}

extension TaggerToken: SpannedToken {
    var isNumber: Bool { kind == .number }
}

extension Array where Element: SpannedToken {
    /// Whether a hyphen and a number follow token `end - 1` with no space between (`ТМА-13`,
    /// `STS-124`): the name before it is a model's or a mission's code, not an organization's.
    func numberCodeFollows(_ end: Int) -> Bool {
        guard end > 0, end + 1 < count, self[end].text == "-", self[end + 1].isNumber else { return false }
        return self[end - 1].span.end == self[end].span.start && self[end].span.end == self[end + 1].span.start
    }
}
