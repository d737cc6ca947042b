/// Who announces the release: a body that announces its own event organizes it, when nothing in
/// the text says who does (`Бул тууралуу Ош шаарынын мэриясынын басма сөз кызматы билдирди`,
/// `Об этом сообщает пресс-служба мэрии`, `В мэрии рассказали`).
extension EventAssembler {
    /// The most words between the body and the verb: `в пресс-службе`, `басма сөз кызматы`.
    static let announcerGap = 4

    /// The first organization that announces the release, other than a news agency, which
    /// reports what others announce (`Об этом сообщает 24.kg`).
    func announcer() -> String? {
        let orgs = document.entities.filter { $0.kind == .organization }
        for i in tokens.indices {
            guard let (cue, next) = match(at: i, roles: [.announcerBefore, .announcerAfter]) else { continue }
            let s = sentence(at: tokens[i].span.start)
            let before = orgs.last { $0.span.end <= tokens[i].span.start && $0.span.start >= s.start }.flatMap {
                onlyOffice(from: $0.span.end, to: tokens[i].span.start) ? $0 : nil
            }
            let after = orgs.first { $0.span.start >= tokens[next - 1].span.end && $0.span.end <= s.end }.flatMap {
                onlyOffice(from: tokens[next - 1].span.end, to: $0.span.start) ? $0 : nil
            }
            let sides = cue.role == .announcerBefore ? [before, after] : [after, before]
            for case .organization(let name, _) in sides.compactMap({ $0?.value }) where !isMedia(name) {
                return name
            }
        }
        return nil
    }

    /// A news agency of the glossary, an outlet named as one (`Газета «Ведомости»`, `телеканал
    /// НТС`: the lexicon's `media` words) or a web address (`NEWSru.com`): it reports, it does not organize.
    func isMedia(_ name: String) -> Bool {
        if media.contains(name) { return true }
        let words = name.lowercased().split { $0 == " " || $0 == "«" || $0 == "»" || $0 == "\"" }
        if let first = words.first, lexicon.isMediaWord(String(first)) { return true }
        return words.contains { w in
            guard let dot = w.lastIndex(of: "."), dot != w.startIndex else { return false }
            let tld = w[w.index(after: dot)...]
            return (2...4).contains(tld.count) && tld.allSatisfy { $0.isLetter }
        }
    }

    /// Whether the text between `start` and `end` is only what stands between a body and its
    /// announcement: its press service, `уюму`, `в`, quotes (at most `announcerGap` words).
    private func onlyOffice(from start: Int, to end: Int) -> Bool {
        var k = firstToken(atOrAfter: start)
        var words = 0
        while k < tokens.count && tokens[k].span.start < end {
            if let (_, next) = match(at: k, roles: [.announcerOffice]) {
                words += next - k
                k = next
            } else if tokens[k].kind == .punctuation && "«»“”\"„".contains(tokens[k].text) {
                k += 1
            } else {
                return false
            }
        }
        return words <= Self.announcerGap
    }
}
