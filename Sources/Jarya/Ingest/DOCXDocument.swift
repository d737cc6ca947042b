import Foundation
import HTMLText
import ZIPFoundation

/// A Word file (.docx) → plain text: the ZIP container is opened in memory with ZIPFoundation,
/// only `word/document.xml` is extracted, within limits against zip bombs, and read with
/// libxml2 without DTDs or entities (HTMLText's `WordXML`). Paragraphs are separated by blank
/// lines; a table row is one line with its cells joined by ` | `.
enum DOCXDocument {
    /// At most this many entries in the archive.
    static let maxEntries = 10_000
    /// `word/document.xml` may expand to at most this many bytes.
    static let maxDocumentBytes: UInt64 = 32 << 20
    /// Uncompressed size over compressed size, at most; checked for documents over `ratioFloor`
    /// bytes (a small document that compresses well is harmless).
    static let maxRatio: UInt64 = 100
    static let ratioFloor: UInt64 = 1 << 20

    static let documentPath = "word/document.xml"

    static func text(_ bytes: [UInt8]) throws -> String {
        // Ends with a newline, as a text file does: the same release as .txt and .docx has the same id.
        let lines = try lines(bytes)
        return lines.isEmpty ? "" : lines.joined(separator: "\n\n") + "\n"
    }

    static func lines(_ bytes: [UInt8]) throws -> [String] {
        try WordXMLReader.lines(try documentXML(bytes))
    }

    /// The bytes of `word/document.xml`, or an `InputError` that says what is wrong with the file.
    static func documentXML(_ bytes: [UInt8]) throws -> [UInt8] {
        if bytes.isEmpty { throw InputError(.empty, "the file is empty (0 bytes)") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(.malformed, "this is not a .docx file but an old Word 97–2003 document (.doc) or a password-protected one. Save it as .docx without a password.")
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw InputError(.malformed, "this is not a .docx file: a .docx is a ZIP archive, and these bytes are not one. Save the document from Word as .docx.")
        }
        // ZIPFoundation traps on offsets past the end of the file: check them all first.
        let layout: ZIPLayout
        do {
            layout = try ZIPLayout(bytes)
        } catch let damage as ZIPLayout.Damage {
            throw InputError(.malformed, "this .docx file is damaged: \(damage). Open it in Word and save it again as .docx.")
        }
        if layout.entryCount > maxEntries {
            throw InputError(.malformed, "this .docx file has more than \(maxEntries) entries in its ZIP archive; a Word document has a few dozen. It may be a zip bomb, so it is refused.")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw InputError(.malformed, "this .docx file is damaged: its ZIP structure cannot be read (\(error)).")
        }
        let document = archive.first { $0.path == documentPath }
        guard let document, document.type == .file else {
            throw InputError(.malformed, "this .docx file has no \(documentPath): it is not a Word document (or it is damaged).")
        }
        let declared = document.uncompressedSize, compressed = document.compressedSize
        if declared > maxDocumentBytes {
            throw InputError(.malformed, "this .docx file's \(documentPath) would expand to \(declared) bytes, more than the limit of \(maxDocumentBytes). It may be a zip bomb, so it is refused.")
        }
        if declared > ratioFloor && (compressed == 0 || declared / max(compressed, 1) > maxRatio) {
            throw InputError(.malformed, "this .docx file's \(documentPath) is compressed \(compressed == 0 ? "from nothing" : "\(declared / max(compressed, 1)):1") (\(compressed) → \(declared) bytes), more than \(maxRatio):1. It may be a zip bomb, so it is refused.")
        }
        var xml: [UInt8] = []
        xml.reserveCapacity(Int(declared))
        do {
            _ = try archive.extract(document, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                if UInt64(xml.count + chunk.count) > declared {
                    throw ZipBombError()
                }
                xml.append(contentsOf: chunk)
            }
        } catch is ZipBombError {
            throw InputError(.malformed, "this .docx file's \(documentPath) expands to more than the \(declared) bytes its ZIP header declares. It may be a zip bomb, so it is refused.")
        } catch {
            throw InputError(.malformed, "this .docx file is damaged: \(documentPath) cannot be extracted (\(error)).")
        }
        if UInt64(xml.count) != declared {
            throw InputError(.malformed, "this .docx file is damaged: \(documentPath) has \(xml.count) bytes, not the \(declared) its ZIP header declares.")
        }
        return xml
    }

    private struct ZipBombError: Error {}
}

/// `WordXML` errors as input errors.
enum WordXMLReader {
    static func lines(_ xml: [UInt8]) throws -> [String] {
        do {
            return try WordXML.lines(xml)
        } catch {
            switch error.kind {
            case .entityDeclaration: throw InputError(.malformed, "this .docx file cannot be read safely: \(error.message).")
            case .malformed, .parser: throw InputError(.malformed, "this .docx file is damaged: \(error.message).")
            case .tooLarge: throw InputError(.tooLarge, "this .docx file is too large: \(error.message).")
            }
        }
    }
}
