import Foundation
import ICUText
import Testing

/// Unicode's own conformance test for normalization (NormalizationTest.txt, Debian's `unicode-data`,
/// which ships it bzip2-compressed) run through ICUText's `Normalizer`: every line, every column
/// invariant the file states, for NFC, NFD, NFKC and NFKD, then part 2: every other scalar is left alone.
@Suite("NormalizationTest.txt through ICUText")
struct NormalizationConformanceTests {
    static let locations = ["/usr/share/unicode/NormalizationTest.txt", "/usr/share/unicode/NormalizationTest.txt.bz2"]

    /// One test line: the five columns as scalars, and the line number for messages.
    struct Case {
        var line: Int
        var columns: [[UInt32]]
    }

    /// The file's text, or nil with the reason.
    static func file() -> Result<String, TestFileMissing> {
        guard let path = locations.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return .failure(
                TestFileMissing(
                    reason:
                        "Unicode's NormalizationTest.txt is missing (looked at \(locations.joined(separator: ", "))): install it with `apt-get install unicode-data` (.ci/run does)"
                ))
        }
        if !path.hasSuffix(".bz2") {
            return Result { try String(contentsOfFile: path, encoding: .utf8) }.mapError {
                TestFileMissing(reason: "\(path): \($0)")
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bzcat")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            return .failure(
                TestFileMissing(
                    reason:
                        "\(path) needs /usr/bin/bzcat to be read: install it with `apt-get install bzip2` (\(error))"))
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else {
            return .failure(TestFileMissing(reason: "bzcat \(path) failed (status \(process.terminationStatus))"))
        }
        return .success(text)
    }

    struct TestFileMissing: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// Part 1's cases and the set of scalars it lists (part 2 covers the others).
    static func parse(_ text: String) -> (cases: [Case], listed: Set<UInt32>) {
        var cases: [Case] = []
        var listed = Set<UInt32>()
        var part = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("@") { part = String(line.prefix(6)); continue }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).prefix(5)
            let columns = fields.map { $0.split(separator: " ").compactMap { UInt32($0, radix: 16) } }
            cases.append(Case(line: index + 1, columns: columns))
            if part == "@Part1" { listed.insert(columns[0][0]) }
        }
        return (cases, listed)
    }

    static func string(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.map { Unicode.Scalar($0)! }))
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test("every line of part 0 to 3 holds the invariants of NFC, NFD, NFKC and NFKD")
    func columns() throws {
        let text: String
        switch Self.file() {
        case .success(let t): text = t
        case .failure(let missing):
            Issue.record(Comment(rawValue: missing.reason))
            return
        }
        let (cases, _) = Self.parse(text)
        #expect(
            cases.count > 18_000,
            "NormalizationTest.txt has \(cases.count) test lines, fewer than Unicode 15's 19,000: the file is damaged")
        let forms: [(name: String, normalizer: Normalizer, expected: (Int) -> Int)] = [
            // For each form: the column that normalizing column i gives (0-based: source, NFC, NFD, NFKC, NFKD).
            ("NFC", try .nfc, { $0 <= 2 ? 1 : 3 }),
            ("NFD", try .nfd, { $0 <= 2 ? 2 : 4 }),
            ("NFKC", try .nfkc, { _ in 3 }),
            ("NFKD", try .nfkd, { _ in 4 }),
        ]
        var failures = 0
        for testCase in cases {
            let c = testCase.columns
            guard c.count == 5 else {
                Issue.record("NormalizationTest.txt line \(testCase.line) has \(c.count) columns, not 5")
                continue
            }
            for form in forms {
                for i in 0..<5 {
                    let got = Self.scalars(try form.normalizer.normalize(Self.string(c[i])))
                    let want = c[form.expected(i)]
                    if got != want {
                        failures += 1
                        if failures <= 20 {
                            Issue.record(
                                "line \(testCase.line): \(form.name)(c\(i + 1)) is \(got.map { String($0, radix: 16) }), the file says c\(form.expected(i) + 1) = \(want.map { String($0, radix: 16) })"
                            )
                        }
                    }
                }
            }
        }
        #expect(failures == 0, "\(failures) normalization results differ from NormalizationTest.txt")
    }

    @Test("every scalar part 1 does not list is its own NFC, NFD, NFKC and NFKD")
    func unlisted() throws {
        let text: String
        switch Self.file() {
        case .success(let t): text = t
        case .failure(let missing):
            Issue.record(Comment(rawValue: missing.reason))
            return
        }
        let (_, listed) = Self.parse(text)
        #expect(listed.count > 10_000)
        let unlisted = (UInt32(0)...0x10FFFF).filter { !(0xD800...0xDFFF).contains($0) && !listed.contains($0) }
        // Normalized in chunks, each scalar after a NUL: NUL is a starter that composes with nothing,
        // so no scalar can combine or reorder with its neighbours and each is normalized alone.
        let forms: [(String, Normalizer)] = [
            ("NFC", try .nfc), ("NFD", try .nfd), ("NFKC", try .nfkc), ("NFKD", try .nfkd),
        ]
        for (name, normalizer) in forms {
            var wrong: [UInt32] = []
            for start in stride(from: 0, to: unlisted.count, by: 8192) {
                let chunk = unlisted[start..<min(start + 8192, unlisted.count)]
                var units: [UInt16] = []
                for value in chunk {
                    units.append(0)
                    units += Unicode.Scalar(value)!.utf16
                }
                if try normalizer.normalize(units) != units {
                    wrong += chunk.filter {
                        (try? normalizer.normalize(Array(Unicode.Scalar($0)!.utf16)))
                            != Array(Unicode.Scalar($0)!.utf16)
                    }
                }
            }
            #expect(
                wrong.isEmpty,
                "\(name) changes \(wrong.count) scalars that part 1 does not list, first \(wrong.prefix(10).map { String($0, radix: 16) })"
            )
        }
    }
}
