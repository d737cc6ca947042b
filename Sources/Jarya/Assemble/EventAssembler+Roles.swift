/// Who organizes, funds and partners the event, and who takes part.
extension EventAssembler {
    /// The most organizations a cue takes from before it in its sentence (`A, B жана C уюштурду`).
    static let listedBeforeCue = 32

    /// Organizations next to the cues of organizing, funding and partnering, in the whole text.
    /// Funding and partnering cues are read first: an organization they name in a sentence is not
    /// also an organizer by the sentence's verb (`X Y-нын колдоосу менен уюштурду`: Y funds).
    /// The roles of the cues that name organizers, funders and partners (one array, not one per token).
    static let cueRoles: [EventLexicon.Role] = [
        .organizerBefore, .organizerAfter, .funderBefore, .funderAfter, .partnerBefore, .partnerAfter,
    ]

    func organizationRoles() -> (organizers: [String], funders: [String], partners: [String]) {
        let orgs = document.entities.filter { $0.kind == .organization }
        let persons = document.entities.filter { $0.kind == .person }
        var organizers: [String] = [], funders: [String] = [], partners: [String] = []
        // Keyed by bytes: organizations' names are long, and a `Set<String>` hashed each Cyrillic
        // name scalar by scalar through Unicode normalization (some 12,000 instructions a name).
        var taken: Set<WordKey> = []
        var listed: [Set<WordKey>] = [[], [], []]
        func add(_ name: String, to list: inout [String], _ n: Int) {
            if listed[n].insert(WordKey(name)).inserted { list.append(name) }
        }
        func name(_ e: Entity) -> String? { if case .organization(let n, _) = e.value { return n }; return nil }
        var cues: [(entry: EventLexicon.Entry, at: Int, next: Int)] = []
        var i = 0
        while i < tokens.count {
            if let (cue, next) = match(at: i, roles: Self.cueRoles) {
                cues.append((cue, i, next)); i = next
            } else {
                i += 1
            }
        }
        let organizerRoles: Set<EventLexicon.Role> = [.organizerBefore, .organizerAfter]
        let ordered =
            cues.filter { !organizerRoles.contains($0.entry.role) }
            + cues.filter { organizerRoles.contains($0.entry.role) }
        let organizerCueEnds = Set(cues.filter { organizerRoles.contains($0.entry.role) }.map(\.next))
        let organizerCueStarts = Set(cues.filter { organizerRoles.contains($0.entry.role) }.map(\.at))
        // Organizations are in text order and never overlap: those of a stretch of text are a
        // slice found by binary search, not a filter of the whole document per cue.
        func firstOrganization(startingAtOrAfter offset: Int) -> Int {
            var lo = 0, hi = orgs.count
            while lo < hi {
                let mid = (lo + hi) / 2; if orgs[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        for (cue, i, next) in ordered {
            let s = sentence(at: tokens[i].span.start)
            // At most the last `listedBeforeCue` organizations before a cue: `A, B жана C уюштурду`.
            let beforeSlice = orgs[
                max(
                    firstOrganization(startingAtOrAfter: s.start),
                    firstOrganization(startingAtOrAfter: tokens[i].span.start) - Self.listedBeforeCue)..<firstOrganization(
                        startingAtOrAfter: tokens[i].span.start)]
            let before = beforeSlice.filter {
                s.start <= $0.span.start && $0.span.end <= tokens[i].span.start
                    && !taken.contains(WordKey(name($0) ?? ""))
            }
            let afterSlice = orgs[firstOrganization(startingAtOrAfter: tokens[next - 1].span.end)...].prefix {
                $0.span.start < s.end
            }
            // `организован совместно с X`, `X Y менен биргеликте уюштурду`: a partner in the
            // organizing is an organizer.
            // `Тренинг проводится X совместно с Y`, `X совместно с Y провели`: a joint cue (the
            // glossary's `joint`) in a sentence with an organizing verb, however long X's name,
            // makes Y a co-organizer too (the dev set's convention).
            let jointAfterOrganizing =
                cue.role == .partnerAfter && cue.value == "joint"
                && cues.contains { organizerRoles.contains($0.entry.role) && s.contains(tokens[$0.at].span) }
            let coOrganizer =
                (cue.role == .partnerAfter && (organizerCueEnds.contains(i) || organizerCueEnds.contains(i - 1)))
                || (cue.role == .partnerBefore
                    && (organizerCueStarts.contains(next) || organizerCueStarts.contains(next + 1)))
                || jointAfterOrganizing
            let targets: [Entity]
            switch cue.role {
            case .organizerBefore, .funderBefore, .partnerBefore:
                // `X-тин колдоосу менен`, `X каржылап`: the name right before; `A, B жана C уюштурду`: all of them.
                // A person between the name and the cue is whose initiative or support it is
                // (`… мэри Жеңишбек Токторбаевдин демилгеси менен`).
                let nearest = before.suffix(1).filter { o in
                    !persons.contains { $0.span.start >= o.span.end && $0.span.end <= tokens[i].span.start }
                }
                targets = cue.words.count > 1 || cue.role != .organizerBefore ? Array(nearest) : before
            default:
                // Russian verbs stand before or after their subject: `организуют X и Y`, `X провели`.
                // The organizations after the cue, up to the next cue of another role.
                let nextCue =
                    (next..<tokens.count).first { k in
                        tokens[k].span.start >= s.end
                            || match(at: k, roles: [.funderAfter, .partnerAfter, .organizerAfter]) != nil
                    }.map { tokens[$0].span.start } ?? s.end
                let upToNextCue = afterSlice.prefix { $0.span.start < nextCue }.filter {
                    $0.span.end <= s.end && !taken.contains(WordKey(name($0) ?? ""))
                }
                targets = upToNextCue.isEmpty ? Array(before.suffix(1)) : Array(upToNextCue)
            }
            for o in targets {
                guard let n = name(o) else { continue }
                if !organizerRoles.contains(cue.role) { taken.insert(WordKey(n)) }
                switch cue.role {
                case .organizerBefore, .organizerAfter: add(n, to: &organizers, 0)
                case .funderBefore, .funderAfter: add(n, to: &funders, 1)
                default: if coOrganizer { add(n, to: &organizers, 0) } else { add(n, to: &partners, 2) }
                }
            }
        }
        return (organizers, funders, partners)
    }

    /// `100дөн ашык өкүлү`, `более 120 представителей`, `около 50 участников`, `41 кызматчы`, and
    /// the countries named where the text speaks of who takes part.
    func participants(around main: Entity) -> Event.Participants? {
        var count: Int? = nil
        var qualifier: String? = nil
        var countrySentences: [Span] = [sentence(at: main.span.start)]
        var countrySentenceSet: Set<Span> = [sentence(at: main.span.start)]
        // Numbers inside dates, phones and the like are not counts (spans only: no entity copies).
        let taken = SpanIndex(document.entities.lazy.filter { $0.kind != .organization }.map(\.span))
        var k = 0
        while k < tokens.count {
            if match(at: k, roles: [.participation]) != nil {
                let s = sentence(at: tokens[k].span.start)
                if countrySentenceSet.insert(s).inserted { countrySentences.append(s) }
            }
            if count == nil, tokens[k].kind == .number, let n = Int(tokens[k].text), n > 1, n < 1_000_000,
                !taken.overlaps(tokens[k].span)
            {
                var j = k + 1
                // A case suffix written onto the number: 100дөн.
                if j < tokens.count, tokens[j].kind == .word, tokens[j].span.start == tokens[k].span.end { j += 1 }
                var q: String? = nil
                if let (e, next) = j < tokens.count ? match(at: j, roles: [.qualifier]) : nil { q = e.value; j = next }
                // `более 40`, `около 50`: the qualifier right before the number (or one word before it).
                for a in [k - 1, k - 2] where a >= 0 {
                    if let (e, next) = match(at: a, roles: [.qualifier]), next == k || next == k - 1 {
                        q = e.value; break
                    }
                }
                if j < tokens.count,
                    match(at: j, roles: [.participantNoun]) != nil
                        || (j + 1 < tokens.count && match(at: j + 1, roles: [.participantNoun]) != nil
                            && tokens[j].kind == .word)
                {
                    count = n; qualifier = q
                }
            }
            k += 1
        }
        var countries: [String] = []
        let inCountrySentence = SpanIndex(countrySentences)
        for p in document.entities where p.kind == .place && inCountrySentence.contains(p.span) {
            if case .place(let name, "country", _) = p.value, !countries.contains(name) { countries.append(name) }
        }
        if count == nil && countries.isEmpty { return nil }
        return Event.Participants(count: count, qualifier: qualifier, countries: countries)
    }
}
