/// Builds the event of a document from its entities, the way an editor reads a release: the
/// kind from the wording of the title and lead; the main date from the lead (the umbrella
/// range of a schedule, not a project's years or an application deadline); the places in the
/// event's sentence; organizers, funders and partners from the cues around organization names;
/// the number of participants and the countries taking part.
struct EventAssembler {
    let document: Document
    let tokens: [NameToken]
    let lexicon: EventLexicon
    /// The lead: the title and the first two paragraphs, as a range of text offsets.
    let lead: Span
    let titleBlock: Span?
    /// The kind words of the whole text, with their tokens.
    let kindWords: [(kind: String, token: Int)]
    /// The lexicon entries matching at each token, found once.
    let matches: [[(EventLexicon.Entry, Int)]]
    /// `applicationsBefore[k]`: how many of the first `k` tokens start an application cue, so
    /// "is there one in this sentence" costs two look-ups however long the sentence.
    let applicationsBefore: [Int]
    /// For a bilingual release: each block's position among the blocks of its language.
    let blockInLanguage: [Int: Int]

    /// The first entry with one of `roles` at token `i`, and the index after it.
    func match(at i: Int, roles: [EventLexicon.Role]) -> (EventLexicon.Entry, Int)? {
        guard i >= 0 && i < matches.count else { return nil }
        return matches[i].first { roles.contains($0.0.role) }
    }

    init(document: Document, lexicon: EventLexicon = .shared) {
        self.document = document
        self.lexicon = lexicon
        self.tokens = document.words
        self.matches = document.words.indices.map { lexicon.allMatches(document.words, at: $0) }
        self.kindWords = Self.kindWords(matches)
        var applications = [0]
        applications.reserveCapacity(matches.count + 1)
        for m in matches { applications.append(applications.last! + (m.contains { $0.0.role == .application } ? 1 : 0)) }
        self.applicationsBefore = applications
        var inLanguage: [Int: Int] = [:]
        if document.language == "ky+ru" {
            var seen: [String: Int] = [:]
            for b in document.segmentation.blocks {
                inLanguage[b.span.start] = seen[b.language, default: 0]
                seen[b.language, default: 0] += 1
            }
        }
        self.blockInLanguage = inLanguage
        let blocks = document.segmentation.blocks
        let title = Assemble.titleBlocks(document)
        self.titleBlock = title.map { Span(blocks[$0.lowerBound].span.start, blocks[$0.upperBound - 1].span.end) }
        var paragraphs = 0
        var end = title.map { blocks[$0.upperBound - 1].span.end } ?? 0
        for b in blocks where b.span.start >= end && paragraphs < 2 {
            end = b.span.end
            // A dateline alone on its line is not a paragraph of the lead.
            if let d = document.datelineSpan, b.span.contains(d), b.span.count < d.count + 40 { continue }
            paragraphs += 1
        }
        self.lead = Span(0, end)
    }

    // MARK: Sentences

    func sentence(at offset: Int) -> Span {
        let sentences = document.segmentation.sentences
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].start <= offset ? sentences[lo] : Span(offset, offset)
    }

    /// The first token that starts at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func tokens(in span: Span) -> Range<Int> {
        let a = firstToken(atOrAfter: span.start)
        return a..<max(a, firstToken(atOrAfter: span.end))
    }

    /// Kind words in a span with their token positions.
    func kinds(in span: Span) -> [(kind: String, token: Int)] {
        let range = kindWordRange(tokens(in: span))
        return Array(kindWords[range])
    }

    /// Whether a span holds a kind word.
    func hasKind(in span: Span) -> Bool { !kindWordRange(tokens(in: span)).isEmpty }

    /// The kind words (sorted by token) whose token lies in `range`.
    func kindWordRange(_ range: Range<Int>) -> Range<Int> {
        func firstAtOrAfter(_ token: Int) -> Int {
            var lo = 0, hi = kindWords.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if kindWords[mid].token < token { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let a = firstAtOrAfter(range.lowerBound)
        return a..<max(a, firstAtOrAfter(range.upperBound))
    }

    /// Every kind word of the document, found once.
    static func kindWords(_ matches: [[(EventLexicon.Entry, Int)]]) -> [(kind: String, token: Int)] {
        var result: [(String, Int)] = []
        var i = 0
        while i < matches.count {
            if let (e, next) = matches[i].first(where: { $0.0.role == .kind }) { result.append((e.value, i)); i = next } else { i += 1 }
        }
        return result
    }

    // MARK: The event

    func assemble() -> Event? {
        let titleKinds = titleBlock.map(kinds(in:)) ?? []
        let leadKinds = kinds(in: lead)
        let all = titleKinds + leadKinds
        guard !all.isEmpty else { return nil }
        let kind = (titleKinds.first { $0.kind != "other" } ?? leadKinds.first { $0.kind != "other" } ?? all[0]).kind
        guard let main = mainDate() else { return nil }
        guard case .date(let value) = main.value else { return nil }
        var event = Event(kind: EventKind(name: kind), start: value.start, end: value.end, time: value.time)
        if event.time == nil { event.time = timeOnTheDay(value.start, besides: main) }
        event.title = quotedTitle()
        event.places = places(around: main)
        let roles = organizationRoles()
        event.organizers = roles.organizers
        event.funders = roles.funders
        event.partners = roles.partners
        event.participants = participants(around: main)
        return event
    }

    /// For a bilingual release: the main dates that the Kyrgyz and the Russian halves give,
    /// when they differ.
    func disagreement() -> (ky: DateValue, ru: DateValue)? {
        guard document.language == "ky+ru",
              let ky = mainDate(language: "ky"), let ru = mainDate(language: "ru"),
              case .date(let k) = ky.value, case .date(let r) = ru.value else { return nil }
        return k.start == r.start && k.end == r.end ? nil : (k, r)
    }

    /// The date of the event: scored by precision, place in the lead, the event's words in its
    /// sentence, and whether it spans the other dates (a schedule's week).
    func mainDate(language: String? = nil) -> Entity? {
        let dates = document.entities.filter { d in
            d.kind == .date && (language == nil || document.segmentation.block(at: d.span.start)?.language == language)
                && !isSecondDateline(d)
        }
        // A half of a bilingual release has its own title and lead.
        var lead = self.lead, titleBlock = self.titleBlock
        if let language {
            let blocks = document.segmentation.blocks.filter { $0.language == language }
            if blocks.count >= 2 {
                titleBlock = blocks[0].span
                lead = Span(blocks[0].span.start, blocks[min(2, blocks.count - 1)].span.end)
            }
        }
        // Day-precise starts, sorted, to count the dates a range spans.
        let days = dates.compactMap { o -> PartialDate? in
            guard case .date(let ov) = o.value, let os = ov.start, os.day != nil else { return nil }
            return os
        }.sorted()
        func countDays(from a: PartialDate, to b: PartialDate) -> Int {
            func firstNotBelow(_ x: PartialDate) -> Int {
                var lo = 0, hi = days.count
                while lo < hi { let mid = (lo + hi) / 2; if days[mid] < x { lo = mid + 1 } else { hi = mid } }
                return lo
            }
            func firstAbove(_ x: PartialDate) -> Int {
                var lo = 0, hi = days.count
                while lo < hi { let mid = (lo + hi) / 2; if !(x < days[mid]) { lo = mid + 1 } else { hi = mid } }
                return lo
            }
            return max(0, firstAbove(b) - firstNotBelow(a))
        }
        var best: (Entity, Int)? = nil
        for d in dates {
            guard case .date(let v) = d.value, let start = v.start else { continue }
            var score = 0
            if v.end == nil { score -= 5 }  // since 2019
            if start.day != nil { score += 3 } else if start.month != nil { score += 1 } else { score -= 2 }
            if v.isDeadline { score -= 4 }
            let s = sentence(at: d.span.start)
            let kindNearby = hasKind(in: s)
            // A headline that names both the event and its date says which date is the event's.
            if let t = titleBlock, t.contains(d.span) { score += kindNearby || hasKind(in: t) ? 7 : 3 }
            else if lead.contains(d.span) { score += 2 }
            if kindNearby { score += 2 }
            // An application or registration window is not the event.
            let range = tokens(in: s)
            if applicationsBefore[range.upperBound] > applicationsBefore[range.lowerBound] { score -= 3 }
            if let end = v.end, start.day != nil, end != start {
                // The other dates inside the range (this one's own start is among them when the
                // range is not backwards).
                let inside = countDays(from: start, to: end) - (start <= end ? 1 : 0)
                if inside >= 2 { score += 2 }
            }
            if best == nil || score > best!.1 { best = (d, score) }
        }
        guard let (d, score) = best, score >= 3 else { return nil }
        return d
    }

    /// The dateline of the second half of a bilingual release (`Талас, 4 марта 2024 года.`): the
    /// release's date, which Recognize leaves among the dates since only the first dateline is
    /// the published date. A single day near the start of one of its half's first three blocks,
    /// after a place and a comma or before an agency mark (`/Кабар/`).
    func isSecondDateline(_ d: Entity) -> Bool {
        guard document.language == "ky+ru", case .date(let v) = d.value, v.start?.day != nil, v.end == v.start,
              let block = document.segmentation.block(at: d.span.start), d.span.start - block.span.start <= 60,
              let n = blockInLanguage[block.span.start], n < 3
        else { return false }
        let t = document.text.scalars
        let before = String(scalars: t[block.span.start..<d.span.start])
        let after = String(scalars: t[d.span.end..<min(block.span.end, d.span.end + 20)])
        let placeComma = before.trimmingCharacters(in: "").endsWith(",") && DatelineReader.isDatelineHead(before)
        let agency = after.drop { $0 == " " || $0 == "." || $0 == "," }.first == "/"
        return placeComma || agency
    }

    /// A time given for the event's first day elsewhere (`бүрсүгүнү, саат 10:00дө`).
    func timeOnTheDay(_ day: PartialDate?, besides main: Entity) -> String? {
        guard let day, day.day != nil else { return nil }
        for e in document.entities where e.kind == .date && e.span != main.span {
            if case .date(let v) = e.value, v.start == day, let t = v.time { return t }
        }
        return nil
    }

    /// The quoted name of the event in the title or lead: a quotation followed by `деген`, or
    /// next to a kind word, that is not an organization's name.
    func quotedTitle() -> String? {
        let orgs = SpanIndex(document.entities.lazy.filter { $0.kind == .organization }.map(\.span))
        let range = tokens(in: Span(0, lead.end))
        var i = range.lowerBound
        while i < range.upperBound {
            guard tokens[i].is("«") || tokens[i].is("“") || tokens[i].is("\"") else { i += 1; continue }
            var c = i + 1
            while c < range.upperBound && !(tokens[c].is("»") || tokens[c].is("”") || tokens[c].is("\"")) && !tokens[c].newlineBefore { c += 1 }
            // A quotation of one word (`"Ысык-Көл"`) is no title: go past its closing mark.
            guard c < range.upperBound, c - i > 2 else { i = c + 1; continue }
            let span = Span(tokens[i].span.start, tokens[c].span.end)
            // `«…» деген темадагы`, `«…» аттуу … конференциясы`, `форум «…»`.
            let near = (c + 1 < tokens.count && ["деген", "аттуу", "атындагы", "под"].contains(tokens[c + 1].lower))
                || (max(0, i - 3)..<min(tokens.count, c + 4)).contains { k in match(at: k, roles: [.kind]) != nil }
            if near && !orgs.overlaps(span) {
                return document.text[Span(tokens[i + 1].span.start, tokens[c - 1].span.end)]
            }
            i = c + 1
        }
        return nil
    }

    /// Where: the places in the title and in the event's sentence where the event happens
    /// (`Бишкекте`, `в Оше`), not where people come from (`Оштон`, `из Оша`); settlements, or the
    /// region when no settlement is named.
    func places(around main: Entity) -> [String] {
        var spans = [sentence(at: main.span.start)]
        if let t = titleBlock { spans.insert(t, at: 0) }
        var found: [(name: String, kind: String)] = []
        for p in document.entities where p.kind == .place && spans.contains(where: { $0.contains(p.span) }) {
            guard case .place(let name, let kind, _) = p.value, isVenue(p) else { continue }
            if !found.contains(where: { $0.name == name }) { found.append((name, kind)) }
        }
        let settlements = found.filter { $0.kind == "city" || $0.kind == "village" }
        if !settlements.isEmpty { return settlements.map(\.name) }
        let areas = found.filter { $0.kind == "district" || $0.kind == "region" }
        if !areas.isEmpty { return areas.map(\.name) }
        // Nothing in the event's sentence: the lead's settlements, then the dateline's city.
        let leadPlaces = document.entities.filter { $0.kind == .place && lead.contains($0.span) && isVenue($0) }
        for p in leadPlaces { if case .place(let name, let kind, _) = p.value, kind == "city" || kind == "village" { return [name] } }
        if let d = document.datelineSpan,
           let p = document.entities.first(where: { $0.kind == .place && $0.span.end <= d.start && d.start - $0.span.end < 30 }),
           case .place(let name, let kind, _) = p.value, kind == "city" {
            return [name]
        }
        return []
    }

    /// A place in the case of a venue: Kyrgyz locative or nominative, Russian after в/на/г.
    func isVenue(_ place: Entity) -> Bool {
        // Tokens are in text order: the first one starting at or after the place.
        let first = firstToken(atOrAfter: place.span.start)
        let t = first < tokens.count && tokens[first].span.start == place.span.start ? first : nil
        if let t, t > 0, ["из", "от", "с", "со", "до"].contains(tokens[t - 1].lower) { return false }
        // Kyrgyz case endings only in Kyrgyz text: Russian `Бишкеке` is a locative, not a dative.
        guard (document.segmentation.block(at: place.span.start)?.language ?? document.language) == "ky" else { return true }
        let word = place.text.split(separator: " ").last.map { $0.lowercased() } ?? ""
        // Where people come from or go to (ablative, genitive, dative) is not the venue.
        let origin = KyrgyzMorphology.ablativeEndings + KyrgyzMorphology.genitiveEndings + KyrgyzMorphology.dativeEndings
        if word.unicodeScalars.count > 4 && origin.contains(where: { word.endsWith($0) }) { return false }
        // Accusative (`Талас шаарын`, `Бишкекти`): the place is an object, not the venue.
        if word.unicodeScalars.count > 4 && KyrgyzMorphology.accusativeEndings.contains(where: { word.endsWith($0) })
            && !word.endsWith("шаары") && !word.endsWith("айылы") { return false }
        return !KyrgyzMorphology.isAccusativeAfterPossessive(word)
    }

    /// The most organizations a cue takes from before it in its sentence (`A, B жана C уюштурду`).
    static let listedBeforeCue = 32

    /// Organizations next to the cues of organizing, funding and partnering, in the whole text.
    /// Funding and partnering cues are read first: an organization they name in a sentence is not
    /// also an organizer by the sentence's verb (`X Y-нын колдоосу менен уюштурду`: Y funds).
    func organizationRoles() -> (organizers: [String], funders: [String], partners: [String]) {
        let orgs = document.entities.filter { $0.kind == .organization }
        var organizers: [String] = [], funders: [String] = [], partners: [String] = []
        var taken: Set<String> = []
        var listed: [Set<String>] = [[], [], []]
        func add(_ name: String, to list: inout [String], _ n: Int) { if listed[n].insert(name).inserted { list.append(name) } }
        func name(_ e: Entity) -> String? { if case .organization(let n, _) = e.value { return n }; return nil }
        var cues: [(entry: EventLexicon.Entry, at: Int, next: Int)] = []
        var i = 0
        while i < tokens.count {
            if let (cue, next) = match(at: i, roles: [.organizerBefore, .organizerAfter, .funderBefore, .funderAfter, .partnerBefore, .partnerAfter]) {
                cues.append((cue, i, next)); i = next
            } else { i += 1 }
        }
        let organizerRoles: Set<EventLexicon.Role> = [.organizerBefore, .organizerAfter]
        let ordered = cues.filter { !organizerRoles.contains($0.entry.role) } + cues.filter { organizerRoles.contains($0.entry.role) }
        let organizerCueEnds = Set(cues.filter { organizerRoles.contains($0.entry.role) }.map(\.next))
        let organizerCueStarts = Set(cues.filter { organizerRoles.contains($0.entry.role) }.map(\.at))
        // Organizations are in text order and never overlap: those of a stretch of text are a
        // slice found by binary search, not a filter of the whole document per cue.
        func firstOrganization(startingAtOrAfter offset: Int) -> Int {
            var lo = 0, hi = orgs.count
            while lo < hi { let mid = (lo + hi) / 2; if orgs[mid].span.start < offset { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        for (cue, i, next) in ordered {
            let s = sentence(at: tokens[i].span.start)
            // At most the last `listedBeforeCue` organizations before a cue: `A, B жана C уюштурду`.
            let beforeSlice = orgs[max(firstOrganization(startingAtOrAfter: s.start), firstOrganization(startingAtOrAfter: tokens[i].span.start) - Self.listedBeforeCue)..<firstOrganization(startingAtOrAfter: tokens[i].span.start)]
            let before = beforeSlice.filter { s.start <= $0.span.start && $0.span.end <= tokens[i].span.start && !taken.contains(name($0) ?? "") }
            let afterSlice = orgs[firstOrganization(startingAtOrAfter: tokens[next - 1].span.end)...].prefix { $0.span.start < s.end }
            // `организован совместно с X`, `X Y менен биргеликте уюштурду`: a partner in the
            // organizing is an organizer.
            let coOrganizer = (cue.role == .partnerAfter && (organizerCueEnds.contains(i) || organizerCueEnds.contains(i - 1)))
                || (cue.role == .partnerBefore && (organizerCueStarts.contains(next) || organizerCueStarts.contains(next + 1)))
            let targets: [Entity]
            switch cue.role {
            case .organizerBefore, .funderBefore, .partnerBefore:
                // `X-тин колдоосу менен`, `X каржылап`: the name right before; `A, B жана C уюштурду`: all of them.
                targets = cue.words.count > 1 || cue.role != .organizerBefore ? Array(before.suffix(1)) : before
            default:
                // Russian verbs stand before or after their subject: `организуют X и Y`, `X провели`.
                // The organizations after the cue, up to the next cue of another role.
                let nextCue = (next..<tokens.count).first { k in
                    tokens[k].span.start >= s.end || match(at: k, roles: [.funderAfter, .partnerAfter, .organizerAfter]) != nil
                }.map { tokens[$0].span.start } ?? s.end
                let upToNextCue = afterSlice.prefix { $0.span.start < nextCue }.filter { $0.span.end <= s.end && !taken.contains(name($0) ?? "") }
                targets = upToNextCue.isEmpty ? Array(before.suffix(1)) : Array(upToNextCue)
            }
            for o in targets {
                guard let n = name(o) else { continue }
                if !organizerRoles.contains(cue.role) && !coOrganizer { taken.insert(n) }
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
               !taken.overlaps(tokens[k].span) {
                var j = k + 1
                if j < tokens.count, tokens[j].kind == .word, tokens[j].span.start == tokens[k].span.end { j += 1 }  // 100дөн
                var q: String? = nil
                if let (e, next) = j < tokens.count ? match(at: j, roles: [.qualifier]) : nil { q = e.value; j = next }
                // `более 40`, `около 50`: the qualifier right before the number (or one word before it).
                for a in [k - 1, k - 2] where a >= 0 {
                    if let (e, next) = match(at: a, roles: [.qualifier]), next == k || next == k - 1 { q = e.value; break }
                }
                if j < tokens.count, match(at: j, roles: [.participantNoun]) != nil
                    || (j + 1 < tokens.count && match(at: j + 1, roles: [.participantNoun]) != nil && tokens[j].kind == .word) {
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
