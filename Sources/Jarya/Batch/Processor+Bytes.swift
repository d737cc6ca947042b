/// Documents that arrive as bytes in memory (an upload to `jarya serve`) rather than as a path.
extension Processor {
    /// The record `process(.file(path))` would give for a file named `path` holding `bytes`,
    /// with the same limits, error codes and messages, and the exit status it calls for.
    public func process(bytes: [UInt8], path: String) -> (Record, ExitStatus) {
        var source = Source(path: path, format: DocumentFormat(path: path).rawValue, encoding: "")
        let limit = limit(for: DocumentFormat(path: path))
        guard bytes.count <= limit else {
            return (tooLarge(path: path, message: "the file has \(bytes.count) bytes, more than the limit of \(limit). Split it, or raise --max-bytes."), .dataError)
        }
        source.bytes = bytes.count
        source.sha256 = RecordID.sha256Hex(bytes)
        do {
            // Only public parts of the pipeline, so this stays right when its stages change.
            return (Record(try pipeline.decoding(encoding).process(Document(source: source, bytes: bytes))), .ok)
        } catch let e as InputError {
            return (Record(source: source, error: .init(code: e.code.rawValue, message: "\(path): \(e.message)")), ExitStatus.of(e.code))
        } catch {
            return (Record(source: source, error: .init(code: "internal", message: "\(path): \(error)")), .dataError)
        }
    }

    /// The `too_large` error record of a document named `path` that was not read to its end.
    public func tooLarge(path: String, message: String? = nil) -> Record {
        let text = message ?? "the input has more than \(limit(for: DocumentFormat(path: path))) bytes, the limit. Split it, or raise --max-bytes."
        return Record(source: Source(path: path, format: DocumentFormat(path: path).rawValue, encoding: ""),
                      error: .init(code: InputError.Code.tooLarge.rawValue, message: "\(path): \(text)"))
    }

    /// The most bytes a document named `path` may have (a `.docx` may be 4 times `maxBytes`).
    public func byteLimit(forPath path: String) -> Int { limit(for: DocumentFormat(path: path)) }
}
