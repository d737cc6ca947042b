/// Where the event is held: a body that hosts its event organizes it, when nothing in the text
/// says who does and no body announces it (`Ош мамлекеттик университетинде … конференция болуп
/// өттү`, `В Жогорку Кенеше началась конференция`).
extension EventAssembler {
    /// The first organization the event's sentences name as the place where it is held: in the
    /// Kyrgyz locative, or after Russian `в`/`во`. Not a news agency, nor a body with another role.
    func host(in sentences: [Span], except others: Set<String>) -> String? {
        let orgs = document.entities.filter { $0.kind == .organization }
        for s in sentences {
            for org in orgs where s.contains(org.span) {
                guard case .organization(let name, _) = org.value, !isMedia(name), !others.contains(name)
                else { continue }
                if isKyrgyzLocative(org) || followsRussianIn(org) { return name }
            }
        }
        return nil
    }

    /// `университетинде`, `ОШТУда`: the name's last word ends in a locative ending, in Kyrgyz text.
    private func isKyrgyzLocative(_ org: Entity) -> Bool {
        guard document.language != "ru", let last = org.text.split(byte: " ").last else { return false }
        let word = String(last).lowercased()
        return KyrgyzCase.locative.ends(word) && word.unicodeScalars.count > 3
    }

    /// `в Жогорку Кенеше`, `во Дворце`: the word before the name is `в` or `во`, in Russian text.
    private func followsRussianIn(_ org: Entity) -> Bool {
        guard document.language != "ky",
            case let k = firstToken(atOrAfter: org.span.start), k > 0, k < tokens.count
        else { return false }
        return tokens[k - 1].lower == "в" || tokens[k - 1].lower == "во"
    }
}
