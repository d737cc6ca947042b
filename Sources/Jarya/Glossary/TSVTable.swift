import ICUText

/// A tab-separated glossary file: `#` comment lines, then a header row, then one entry per
/// line. Editable in any spreadsheet; errors name the file and line so people can fix them.
public struct TSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the file.
        public let line: Int
        public let cells: [String]
        private let columns: [String: Int]

        init(line: Int, cells: [String], columns: [String: Int]) {
            self.line = line
            self.cells = cells
            self.columns = columns
        }

        /// The cell of a column, or "" when the row is short.
        public subscript(column: String) -> String {
            guard let i = columns[column], i < cells.count else { return "" }
            return cells[i]
        }
    }

    public let name: String
    public let header: [String]
    public let rows: [Row]

    /// Parses `text`; `required` columns must be in the header, and every row must have as
    /// many cells as the header.
    public init(name: String, text: String, required: [String]) throws {
        self.name = name
        var header: [String]? = nil
        var columns: [String: Int] = [:]
        var rows: [Row] = []
        var lineNumber = 0
        // Lines and cells are split on bytes, by hand: splitting a String by Character runs
        // grapheme breaking over the whole file, and the generic `split` of `utf8` cost some
        // 6,000 instructions a line.
        var text = text
        try text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {  // a last empty line after a final line break, as `split` gave
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                lineNumber += 1
                let lineEnd = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                if lineEnd == start || (header == nil && bytes[start] == UInt8(ascii: "#")) { continue }
                var cells: [String] = []
                var cellStart = start
                for k in start...lineEnd where k == lineEnd || bytes[k] == UInt8(ascii: "\t") {
                    let cell = Self.nfc(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[cellStart..<k]), as: UTF8.self))
                    // Trim only what needs it: most cells have no spaces around them.
                    cells.append(
                        Self.mayNeedTrim(cell) && (cell.first?.isWhitespace == true || cell.last?.isWhitespace == true)
                            ? cell.trimmingCharacters(in: "") : cell)
                    cellStart = k + 1
                }
                guard let h = header else {
                    header = cells
                    for (i, c) in cells.enumerated() { columns[c] = i }
                    for r in required where columns[r] == nil {
                        throw GlossaryError(
                            file: name, line: lineNumber,
                            message: "the header has no column `\(r)` (it has: \(cells.joined(separator: ", ")))")
                    }
                    continue
                }
                guard cells.count == h.count else {
                    throw GlossaryError(
                        file: name, line: lineNumber,
                        message:
                            "\(cells.count) cells, but the header has \(h.count) columns (check for a missing or extra TAB)"
                    )
                }
                rows.append(Row(line: lineNumber, cells: cells, columns: columns))
            }
        }
        guard let h = header else { throw GlossaryError(file: name, line: lineNumber, message: "no header row") }
        self.header = h
        self.rows = rows
    }
}

extension TSVTable {
    /// False when the cell's first and last Characters are surely not white space, decided on
    /// bytes: a printable ASCII byte or a basic Cyrillic letter (U+0410–U+044F) is no white space,
    /// and no mark joins such a last letter to a white space before it. Asking `Character` for
    /// every cell ran grapheme breaking at both ends of each.
    static func mayNeedTrim(_ cell: String) -> Bool {
        let u = cell.utf8
        guard let first = u.first, let last = u.last else { return false }
        func plainASCII(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }
        let firstPlain = plainASCII(first) || first == 0xD0 || first == 0xD1
        guard firstPlain else { return true }
        if plainASCII(last) { return false }
        guard u.count >= 2 else { return true }
        let lead = u[u.index(u.endIndex, offsetBy: -2)]
        let basicCyrillic =
            (lead == 0xD0 && last >= 0x90 && last <= 0xBF) || (lead == 0xD1 && last >= 0x80 && last <= 0x8F)
        return !basicCyrillic
    }

    /// A cell in NFC, the form of the text it is compared with: the recognizers compare words as
    /// bytes (see `FastText.swift`), so a glossary saved with decomposed letters (и + ˘ for й)
    /// must be composed here. Only a cell with a scalar NFC could change is normalized.
    static func nfc(_ cell: String) -> String {
        guard !cell.unicodeScalars.allSatisfy(CanonicalComposition.isInert) else { return cell }
        return (try? Normalizer.nfc.normalize(cell)) ?? cell
    }
}

/// A glossary file is not what its format says.
public struct GlossaryError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}
