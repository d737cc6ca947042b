/// The event: its main date, title, places, and the time on its day.
extension EventAssembler {
    func assemble() -> Event? {
        let titleKinds = titleBlock.map(kinds(in:)) ?? []
        let leadKinds = kinds(in: lead)
        let all = titleKinds + leadKinds
        guard !all.isEmpty else { return nil }
        let kind = (titleKinds.first { $0.kind != "other" } ?? leadKinds.first { $0.kind != "other" } ?? all[0]).kind
        guard let main = mainDate(), case .date(let value) = main.value else {
            return undatedEvent(kind: kind, titleKinds: titleKinds)
        }
        var event = Event(
            kind: EventKind(name: kind), start: value.start,
            end: lastStage(after: main) ?? followingDays(after: main) ?? runsUntil(after: main) ?? value.end,
            time: value.time)
        if event.time == nil { event.time = timeOnTheDay(value.start, besides: main) }
        event.title = quotedTitle()
        event.places = places(around: main)
        // `В Кыргызстане намечен республиканский форум … Форум пройдет … с 2 по 13 февраля`: no
        // settlement or region anywhere near, the country the event's sentences name.
        if event.places.isEmpty {
            event.places = country(in: [sentence(at: main.span.start)] + [leadEventSentence()].compactMap { $0 })
        }
        let sentences = [titleBlock, sentence(at: main.span.start), leadEventSentence()].compactMap { $0 }
        addOrganizationRoles(to: &event)
        addImpliedOrganizer(to: &event, eventSentences: sentences)
        event.participants = participants(around: main)
        return event
    }

    /// The organizers, funders and partners the whole text names (`organizationRoles()`).
    func addOrganizationRoles(to event: inout Event) {
        let roles = organizationRoles()
        (event.organizers, event.funders, event.partners) = (roles.organizers, roles.funders, roles.partners)
    }

    /// With no organizer named, the body that announces the release (`announcer()`), else the
    /// body where the event's `sentences` hold it (`host(in:)`).
    func addImpliedOrganizer(to event: inout Event, eventSentences: [Span]) {
        guard event.organizers.isEmpty else { return }
        let others = Set(event.funders + event.partners)
        if let body = announcer(), !others.contains(body) {
            event.organizers = [body]
        } else if let body = host(in: eventSentences, except: others) {
            event.organizers = [body]
        }
    }

    /// `31-октябрда жана 1-ноябрда`, `5 мая и 6 мая`: single days running on from the main date in
    /// its sentence make one event; the last of them is the event's end.
    func followingDays(after main: Entity) -> PartialDate? {
        guard case .date(let v) = main.value, let start = v.start, start.day != nil, v.end == start else { return nil }
        let s = sentence(at: main.span.start)
        var end = start
        for e in document.entities where e.kind == .date && e.span.start >= main.span.end && s.contains(e.span) {
            guard case .date(let w) = e.value, let day = w.start, w.end == day, day.day != nil, day.year == end.year
            else { continue }
            // A year-less pair is compared in a leap year (`28 февраля и 29 февраля`).
            guard
                let next = CivilDate.adding(1, to: PartialDate(year: end.year ?? 2000, month: end.month, day: end.day)),
                next.month == day.month, next.day == day.day
            else { continue }
            end = day
        }
        return end == start ? nil : end
    }

    /// `21 сентября стартует фестиваль, который будет проходить до 24 сентября`, `21-сентябрда
    /// ачылып, 24-сентябрга чейин уланат`: a single main day followed in its sentence by a later
    /// "until" day of the same year (within two months, and not an application deadline) is the
    /// event's first day, and that day its last.
    func runsUntil(after main: Entity) -> PartialDate? {
        guard case .date(let v) = main.value, let start = v.start, let startMonth = start.month, start.day != nil,
            v.end == start
        else { return nil }
        let s = sentence(at: main.span.start)
        let range = tokens(in: s)
        guard applicationsBefore[range.upperBound] == applicationsBefore[range.lowerBound] else { return nil }
        for e in document.entities where e.kind == .date && e.span.start >= main.span.end && s.contains(e.span) {
            guard case .date(let w) = e.value, w.isDeadline, let day = w.start, let month = day.month, day.day != nil,
                w.end == day,
                day.year == start.year, start < day, month - startMonth <= 2
            else { continue }
            return day
        }
        return nil
    }

    /// `Форум пройдет в несколько этапов: первый этап … с 2 по 13 февраля, … четвертый этап
    /// состоится 24 и 25 марта`: when the main date's sentence names a stage, the event ends
    /// with the latest date of the stages that follow it in its paragraph.
    func lastStage(after main: Entity) -> PartialDate? {
        guard case .date(let v) = main.value, let start = v.start, start.day != nil,
            let block = document.segmentation.block(at: main.span.start)?.span
        else { return nil }
        func namesStage(_ s: Span) -> Bool { tokens(in: s).contains { match(at: $0, roles: [.stage]) != nil } }
        guard namesStage(sentence(at: main.span.start)) else { return nil }
        var last: PartialDate? = nil
        for e in document.entities where e.kind == .date && e.span.start >= main.span.end && block.contains(e.span) {
            guard case .date(let w) = e.value, let end = w.end ?? w.start, end.day != nil, end.year == start.year,
                !w.isDeadline,
                start < end, namesStage(sentence(at: e.span.start))
            else { continue }
            if last.map({ $0 < end }) ?? true { last = end }
        }
        return last.flatMap { l in (v.end.map { $0 < l } ?? true) ? l : nil }
    }

    /// A release that reports its event without a date (`ОШТУда эл аралык конференция болуп өттү`,
    /// `В Бишкеке отмечают день флага`): the kind, places and organizers, no dates. Only when the
    /// title names the event, the lead calls for no applications, and a place or an organizer is known.
    func undatedEvent(kind: String, titleKinds: [(kind: String, token: Int)]) -> Event? {
        guard let named = titleKinds.first(where: { $0.kind != "other" }), let title = titleBlock else { return nil }
        let leadTokens = tokens(in: lead)
        if applicationsBefore[leadTokens.upperBound] > applicationsBefore[leadTokens.lowerBound] { return nil }
        // The lead's first sentence that names the event, else the title.
        let s = leadEventSentence() ?? sentence(at: tokens[named.token].span.start)
        var event = Event(kind: EventKind(name: kind), start: nil, end: nil, time: nil)
        // `Бишкек, 19.10.18. /Кабар/. В Жогорку Кенеше началась конференция`: going on as the agency writes.
        let headline = sentence(at: tokens[named.token].span.start)
        if let p = document.published, let d = document.datelineSpan, headline.start <= d.end + 40,
            headline.end > d.end,
            tokens(in: headline).contains(where: { match(at: $0, roles: [.underWay]) != nil })
        {
            event.start = p; event.end = p
        }
        event.title = quotedTitle()
        event.places = places(inSentence: s)
        addOrganizationRoles(to: &event)
        // `ОШТУда эл аралык конференция болуп өттү`: the host is enough to place the event.
        addImpliedOrganizer(to: &event, eventSentences: [title, s])
        guard !event.places.isEmpty || !event.organizers.isEmpty else { return nil }
        return event
    }

    /// The first sentence after the title, in the lead, that names an event's kind.
    func leadEventSentence() -> Span? {
        kinds(in: Span(titleBlock?.end ?? 0, lead.end)).first.map { sentence(at: tokens[$0.token].span.start) }
    }

    /// For a bilingual release: the main dates that the Kyrgyz and the Russian halves give,
    /// when they differ.
    func disagreement() -> (ky: DateValue, ru: DateValue)? {
        guard document.language == "ky+ru",
            let ky = mainDate(language: "ky"), let ru = mainDate(language: "ru"),
            case .date(let k) = ky.value, case .date(let r) = ru.value
        else { return nil }
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
            // A month with neither day nor year (`в марте` with no published date) dates no event.
            if start.year == nil && start.day == nil { continue }
            var score = 0
            if v.end == nil { score -= 5 }  // since 2019
            if start.day != nil { score += 3 } else if start.month != nil { score += 1 } else { score -= 2 }
            if v.isDeadline { score -= 4 }
            let s = sentence(at: d.span.start)
            let kindNearby = hasKind(in: s)
            // A headline that names both the event and its date says which date is the event's.
            if let t = titleBlock, t.contains(d.span) {
                score += kindNearby || hasKind(in: t) ? 7 : 3
            } else if lead.contains(d.span) {
                score += 2
            }
            if kindNearby { score += 2 }
            // An application or registration window is not the event.
            let range = tokens(in: s)
            if applicationsBefore[range.upperBound] > applicationsBefore[range.lowerBound] { score -= 3 }
            // A month alone dates an event only next to the event's word or in the headline:
            // `В марте прошлого года, во время визита, были достигнуты договоренности` is no event.
            if start.day == nil && !kindNearby && !(titleBlock?.contains(d.span) ?? false) { continue }
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
        // A date may run past its block's end (`20-\nмарт`): nothing after it is read then.
        let after = String(scalars: t[d.span.end..<max(d.span.end, min(block.span.end, d.span.end + 20))])
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
            while c < range.upperBound && !(tokens[c].is("»") || tokens[c].is("”") || tokens[c].is("\""))
                && !tokens[c].newlineBefore
            { c += 1 }
            // A quotation of one word (`"Ысык-Көл"`) is no title: go past its closing mark.
            guard c < range.upperBound, c - i > 2 else { i = c + 1; continue }
            let span = Span(tokens[i].span.start, tokens[c].span.end)
            // `«…» деген темадагы`, `«…» аттуу … конференциясы`, `форум «…»`.
            let near =
                (c + 1 < tokens.count && ["деген", "аттуу", "атындагы", "под"].contains(tokens[c + 1].lower))
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
    func places(around main: Entity) -> [String] { places(inSentence: sentence(at: main.span.start)) }

    /// The places of the title and of the sentence `s` (see `places(around:)`).
    func places(inSentence s: Span) -> [String] {
        var spans = [s]
        if let t = titleBlock { spans.insert(t, at: 0) }
        var found: [(name: String, kind: String)] = []
        for p in document.entities where p.kind == .place && spans.contains(where: { $0.contains(p.span) }) {
            guard case .place(let name, let kind, _) = p.value, isVenue(p), !isDatelineCity(p) else { continue }
            if !found.contains(where: { $0.name == name }) { found.append((name, kind)) }
        }
        let settlements = found.filter { $0.kind == "city" || $0.kind == "village" }
        if !settlements.isEmpty { return settlements.map(\.name) }
        let areas = found.filter { $0.kind == "district" || $0.kind == "region" }
        if !areas.isEmpty { return areas.map(\.name) }
        // `В столичных парках`, `гости столицы`, `борбор калаада`: the capital, Bishkek.
        if spans.contains(where: namesTheCapital) { return ["Bishkek"] }
        // Nothing in the event's sentence: the lead's settlements, then the dateline's city.
        let leadPlaces = document.entities.filter {
            $0.kind == .place && lead.contains($0.span) && isVenue($0) && !isDatelineCity($0)
        }
        for p in leadPlaces {
            if case .place(let name, let kind, _) = p.value, kind == "city" || kind == "village" { return [name] }
        }
        // `Бишкек шаарынын 135 жылдыгына карата «Спартак» стадионунда`: a landmark in the event's
        // sentence or the lead is the venue, in the city its sentence names, whatever that name's case.
        let all =
            document.entities.filter { p in p.kind == .place && spans.contains { $0.contains(p.span) } && isVenue(p) }
            + leadPlaces
        for l in all {
            guard case .place(_, "other", _) = l.value else { continue }
            let ls = sentence(at: l.span.start)
            for p in document.entities where p.kind == .place && ls.contains(p.span) && !isDatelineCity(p) {
                if case .place(let name, "city", _) = p.value { return [name] }
            }
        }
        if let d = document.datelineSpan,
            let p = document.entities.first(where: {
                $0.kind == .place && $0.span.end <= d.start && d.start - $0.span.end < 30
            }),
            case .place(let name, let kind, _) = p.value, kind == "city"
        {
            return [name]
        }
        return []
    }

    /// Whether sentence `s` says "the capital" with no country after it (`столичных парках`,
    /// `гости столицы`, `борбор калаада`), which Kyrgyz releases write for Bishkek; not `столице
    /// Казахстана`.
    func namesTheCapital(_ s: Span) -> Bool {
        tokens(in: s).contains { k in
            let w = tokens[k].lower
            let capital =
                w.startsWith("столиц") || w.startsWith("столичн")
                || (w == "борбор" && k + 1 < tokens.count && tokens[k + 1].lower.startsWith("калаа"))
            guard capital else { return false }
            let next = w == "борбор" ? k + 2 : k + 1
            return !(next < tokens.count && tokens[next].isCapitalized && tokens[next].kind == .word)
        }
    }

    /// A nationwide event (`В Кыргызстане намечен республиканский форум`): the first country that
    /// these sentences name as a venue.
    func country(in sentences: [Span]) -> [String] {
        for p in document.entities
        where p.kind == .place && sentences.contains(where: { $0.contains(p.span) }) && isVenue(p) {
            if case .place(let name, "country", _) = p.value { return [name] }
        }
        return []
    }

    /// The city that opens the dateline (`Бишкек, 01.01.24. /Кабар/.`): where the agency writes
    /// from, not where the event is; the event sentence names its venue again if it is there.
    func isDatelineCity(_ p: Entity) -> Bool {
        guard let d = document.datelineSpan, let block = document.segmentation.block(at: d.start),
            block.span.contains(p.span)
        else { return false }
        return p.span.end <= d.start && d.start - p.span.end < 30
    }

    /// Whether one of the three words after `offset` is a possessive in the locative
    /// (`аянтында`, `мектебинде`): the place before it in the genitive holds the venue.
    func locativeFollows(_ offset: Int) -> Bool {
        let first = firstToken(atOrAfter: offset)
        return (first..<min(tokens.count, first + 3)).contains { k in
            tokens[k].kind == .word && !tokens[k].isCapitalized
                && KyrgyzCase.locative.endingsAfterPossessive.contains { tokens[k].lower.endsWith($0) }
        }
    }

    /// A place in the case of a venue: Kyrgyz locative or nominative, Russian after в/на/г.
    func isVenue(_ place: Entity) -> Bool {
        // Tokens are in text order: the first one starting at or after the place.
        let first = firstToken(atOrAfter: place.span.start)
        let t = first < tokens.count && tokens[first].span.start == place.span.start ? first : nil
        if let t, t > 0, ["из", "от", "с", "со", "до"].contains(tokens[t - 1].lower) { return false }
        // Kyrgyz case endings only in Kyrgyz text: Russian `Бишкеке` is a locative, not a dative.
        guard (document.segmentation.block(at: place.span.start)?.language ?? document.language) == "ky" else {
            return true
        }
        let word = place.text.split(byte: " ").last.map { $0.lowercased() } ?? ""
        // Where people come from or go to (ablative, genitive, dative) is not the venue.
        let origin =
            KyrgyzMorphology.ablativeEndings + KyrgyzMorphology.genitiveEndings + KyrgyzMorphology.dativeEndings
        if word.unicodeScalars.count > 4 && origin.contains(where: { word.endsWith($0) }) {
            // `Ош шаарынын борбордук аянтында`: a genitive that names where a place within it is.
            return KyrgyzMorphology.genitiveEndings.contains(where: { word.endsWith($0) })
                && locativeFollows(place.span.end)
        }
        // Accusative (`Талас шаарын`, `Бишкекти`): the place is an object, not the venue.
        if word.unicodeScalars.count > 4 && KyrgyzMorphology.accusativeEndings.contains(where: { word.endsWith($0) })
            && !word.endsWith("шаары") && !word.endsWith("айылы")
        {
            return false
        }
        return !KyrgyzMorphology.isAccusativeAfterPossessive(word)
    }
}
