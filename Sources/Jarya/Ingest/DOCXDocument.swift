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
            throw InputError(
                .malformed,
                "this is not a .docx file but an old Word 97–2003 document (.doc) or a password-protected one. Save it as .docx without a password."
            )
        }
        guard bytes.starts(with: [0x50, 0x4B]) else {
            throw InputError(
                .malformed,
                "this is not a .docx file: a .docx is a ZIP archive, and these bytes are not one. Save the document from Word as .docx."
            )
        }
        // ZIPFoundation traps on offsets past the end of the file: check them all first.
        let layout: ZIPLayout
        do {
            layout = try ZIPLayout(bytes)
        } catch let damage as ZIPLayout.Damage {
            throw InputError(
                .malformed, "this .docx file is damaged: \(damage). Open it in Word and save it again as .docx.")
        }
        if layout.entryCount > maxEntries {
            throw InputError(
                .malformed,
                "this .docx file has more than \(maxEntries) entries in its ZIP archive; a Word document has a few dozen. It may be a zip bomb, so it is refused."
            )
        }
        guard let document = layout.entries.first(where: { $0.name == documentPath }) else {
            throw InputError(
                .malformed, "this .docx file has no \(documentPath): it is not a Word document (or it is damaged).")
        }
        let declared = UInt64(document.uncompressedSize), compressed = UInt64(document.compressedSize)
        if declared > maxDocumentBytes {
            throw InputError(
                .malformed,
                "this .docx file's \(documentPath) would expand to \(declared) bytes, more than the limit of \(maxDocumentBytes). It may be a zip bomb, so it is refused."
            )
        }
        if declared > ratioFloor && (compressed == 0 || declared / max(compressed, 1) > maxRatio) {
            throw InputError(
                .malformed,
                "this .docx file's \(documentPath) is compressed \(compressed == 0 ? "from nothing" : "\(declared / max(compressed, 1)):1") (\(compressed) → \(declared) bytes), more than \(maxRatio):1. It may be a zip bomb, so it is refused."
            )
        }
        let xml = try contents(of: document, in: bytes)
        if UInt64(xml.count) != declared {
            throw InputError(
                .malformed,
                "this .docx file is damaged: \(documentPath) has \(xml.count) bytes, not the \(declared) its ZIP header declares."
            )
        }
        return xml
    }

    /// The entry's bytes, from exactly the compressed bytes `ZIPLayout` located. ZIPFoundation's
    /// own reader is not used: on Linux it inflates from the file until the stream ends, so a
    /// stream that never ends (a damaged or hostile entry) read past its data forever, and it
    /// handed zlib a full buffer's length for a shorter last chunk.
    static func contents(of entry: ZIPLayout.Entry, in bytes: [UInt8]) throws -> [UInt8] {
        let data = bytes[
            entry.dataOffset..<(entry.dataOffset + (entry.method == 0 ? entry.uncompressedSize : entry.compressedSize))]
        let declared = entry.uncompressedSize
        var xml: [UInt8] = []
        switch entry.method {
        case 0:
            xml = Array(data)
        case 8:
            xml.reserveCapacity(declared)
            // Chunks of exactly `chunk` bytes, the last one padded with zeros (zlib is told each
            // chunk is that long); asked for more once the data is used up, the stream has no end.
            let chunk = 64 << 10
            var next = data.startIndex
            do {
                _ = try Data.decompress(
                    size: Int64(data.count), bufferSize: chunk, skipCRC32: true,
                    provider: { _, _ in
                        guard next < data.endIndex else { throw DeflateEndError() }
                        let end = min(next + chunk, data.endIndex)
                        var piece = Data(data[next..<end])
                        if piece.count < chunk { piece.append(Data(count: chunk - piece.count)) }
                        next = end
                        return piece
                    },
                    consumer: { out in
                        if xml.count + out.count > declared { throw ZipBombError() }
                        xml.append(contentsOf: out)
                    })
            } catch is ZipBombError {
                throw InputError(
                    .malformed,
                    "this .docx file's \(documentPath) expands to more than the \(declared) bytes its ZIP header declares. It may be a zip bomb, so it is refused."
                )
            } catch is DeflateEndError {
                throw InputError(
                    .malformed,
                    "this .docx file is damaged: the compressed \(documentPath) ends before its end mark (the file may be truncated)."
                )
            } catch {
                throw InputError(
                    .malformed, "this .docx file is damaged: \(documentPath) cannot be extracted (\(error)).")
            }
        default:
            throw InputError(
                .malformed,
                "this .docx file's \(documentPath) is compressed with method \(entry.method), which Word never uses (only stored or deflated)."
            )
        }
        if xml.count == declared, Data(xml).crc32(checksum: 0) != entry.crc32 {
            throw InputError(.malformed, "this .docx file is damaged: \(documentPath) does not match its checksum.")
        }
        return xml
    }

    private struct DeflateEndError: Error {}
    private struct ZipBombError: Error {}
}

/// `WordXML` errors as input errors.
enum WordXMLReader {
    static func lines(_ xml: [UInt8]) throws -> [String] {
        do {
            return try WordXML.lines(xml)
        } catch {
            switch error.kind {
            case .entityDeclaration:
                throw InputError(.malformed, "this .docx file cannot be read safely: \(error.message).")
            case .malformed, .parser: throw InputError(.malformed, "this .docx file is damaged: \(error.message).")
            case .tooLarge: throw InputError(.tooLarge, "this .docx file is too large: \(error.message).")
            }
        }
    }
}
