/// The page's words in Kyrgyz (the default), Russian and English.
enum Labels {
    static let languages = ["ky", "ru", "en"]

    /// `lang` if the page has labels in it, else Kyrgyz.
    static func language(_ lang: String?) -> String {
        guard let lang, languages.contains(lang) else { return "ky" }
        return lang
    }

    static func of(_ lang: String) -> [String: String] {
        var result: [String: String] = [:]
        let column = languages.firstIndex(of: language(lang))!
        for (key, words) in table { result[key] = words[column] }
        return result
    }

    /// key: [ky, ru, en]
    static let table: [String: [String]] = [
        "title": ["Жарыя: пресс-релизди текшерүү", "Жарыя: проверка пресс-релиза", "Jarya: check a press release"],
        "process": ["Иштетүү", "Обработать", "Process"],
        "paste": [
            "Пресс-релиздин текстин бул жерге коюңуз", "Вставьте сюда текст пресс-релиза",
            "Paste the press release here",
        ],
        "files": [
            "Же файлдарды тандаңыз (.txt, .md, .html, .docx) же бул жерге сүйрөп таштаңыз",
            "Или выберите файлы (.txt, .md, .html, .docx) или перетащите их сюда",
            "Or choose files (.txt, .md, .html, .docx), or drop them here",
        ],
        "archive": ["Архив", "Архив", "Archive"],
        "home": ["Жаңы документ", "Новый документ", "New document"],
        "documents": ["Документтер", "Документы", "Documents"],
        "name": ["Аты", "Имя", "Name"],
        "status": ["Абалы", "Состояние", "Status"],
        "open": ["Ачуу", "Открыть", "Open"],
        "error": ["Ката", "Ошибка", "Error"],
        "text": ["Текст", "Текст", "Text"],
        "legend": ["Белгилер", "Обозначения", "Legend"],
        "date": ["Дата", "Дата", "Date"],
        "place": ["Жер", "Место", "Place"],
        "organization": ["Уюм", "Организация", "Organization"],
        "person": ["Адам", "Персона", "Person"],
        "contact": ["Байланыш", "Контакт", "Contact"],
        "event": ["Иш-чара", "Событие", "Event"],
        "noEvent": ["Датасы бар иш-чара табылган жок", "Событие с датой не найдено", "No dated event found"],
        "kind": ["Түрү", "Вид", "Kind"],
        "eventTitle": ["Аталышы", "Название", "Title"],
        "dates": ["Датасы", "Даты", "Dates"],
        "time": ["Убактысы", "Время", "Time"],
        "places": ["Жерлер", "Места", "Places"],
        "organizers": ["Уюштуруучулар", "Организаторы", "Organizers"],
        "funders": ["Каржылоочулар", "Финансирование", "Funders"],
        "partners": ["Өнөктөштөр", "Партнёры", "Partners"],
        "participants": ["Катышуучулар", "Участники", "Participants"],
        "published": ["Жарыяланган күнү", "Дата публикации", "Published"],
        "language": ["Тили", "Язык", "Language"],
        "warnings": ["Эскертүүлөр", "Предупреждения", "Warnings"],
        "translation": ["Котормосу", "Перевод", "Translation"],
        "downloads": ["Жүктөп алуу", "Скачать", "Download"],
        "json": ["Жазуу (JSON)", "Запись (JSON)", "Record (JSON)"],
        "ics": ["Календарь (.ics)", "Календарь (.ics)", "Calendar (.ics)"],
        "csv": ["Тизме (CSV)", "Список (CSV)", "List (CSV)"],
        "entities": ["Табылгандар", "Найденное", "Entities"],
        "remove": ["Өчүрүү", "Убрать", "Remove"],
        "teach": ["Оңдоо жана үйрөтүү", "Исправить и обучить", "Correct and teach"],
        "teachHelp": [
            "Тексттен сөздү белгилеп, аны сөздүккө кошуңуз.", "Выделите фрагмент текста и добавьте его в глоссарий.",
            "Select a span of the text and add it to a glossary.",
        ],
        "selected": ["Белгиленген текст", "Выделенный текст", "Selected text"],
        "canonical": [
            "Негизги аты (жер үчүн англисче)", "Каноническое имя (для места по-английски)",
            "Canonical name (English for a place)",
        ],
        "acronym": ["Кыскартылышы", "Аббревиатура", "Acronym"],
        "role": ["Кызматы", "Должность", "Role"],
        "add": ["Сөздүккө кошуу", "Добавить в глоссарий", "Add to the glossary"],
        "changes": ["Бул сеанстагы өзгөртүүлөр", "Изменения в этом сеансе", "Changes in this session"],
        "undo": ["Артка кайтаруу", "Отменить", "Undo"],
        "search": ["Издөө", "Поиск", "Search"],
        "query": ["Сөздөр", "Слова", "Words"],
        "from": ["Башталышы", "С", "From"],
        "to": ["Аягы", "По", "To"],
        "person_f": ["Адам", "Персона", "Person"],
        "results": ["Натыйжалар", "Результаты", "Results"],
        "none": ["Эч нерсе табылган жок", "Ничего не найдено", "Nothing found"],
        "addArchive": ["Архивге кошуу", "Добавить в архив", "Add to the archive"],
        "back": ["Артка", "Назад", "Back"],
        "placeKind": ["Жердин түрү", "Тип места", "Kind of place"],
        "country": ["Өлкө (ISO)", "Страна (ISO)", "Country (ISO)"],
        "orgKind": ["Уюмдун түрү", "Тип организации", "Kind of organization"],
        "sex": ["Жынысы", "Пол", "Sex"],
    ]
}
