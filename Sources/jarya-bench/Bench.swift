import ArgumentParser
import Foundation
import Jarya

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jarya-bench",
        abstract: "Benchmark tools for Jarya: a deterministic corpus generator and per-stage timings.",
        subcommands: [Generate.self, Stages.self, SearchLatency.self, Replicate.self, Train.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write N releases by recombining the project's corpus paragraphs, with realistic noise.",
        discussion: """
            Kyrgyz, Russian and bilingual releases: a headline, a dateline with a new date, six to
            twelve paragraphs of the same language from corpus/, contacts. Noise as in real releases:
            Latin lookalike letters, ɵ/ӊ for ө/ң, NBSPs, soft hyphens, CRLF line ends.

            Example:
              jarya-bench generate --count 20000 --seed 7 --out /tmp/jarya-corpus   (about 100 MB)
            """
    )

    @Option(help: "How many releases.") var count = 1000
    @Option(help: "The seed: the same seed gives the same corpus.") var seed: UInt64 = 7
    @Option(help: "The folder to write (created).") var out: String
    @Option(help: "The project's corpus to recombine.") var corpus = "corpus"

    func run() throws {
        var paragraphs: [String: [String]] = ["ky": [], "ru": []]
        var titles: [String: [String]] = ["ky": [], "ru": []]
        let files = InputCollector.folderFiles(corpus).filter { $0.hasSuffix(".txt") }
        guard !files.isEmpty else { throw ValidationError("no .txt files in \(corpus)") }
        for path in files {
            var doc = try Pipeline(stages: [Ingest(), Normalize(), Tokenize(), Segment()]).process(
                Document(source: Source(path: path), bytes: Array(FileManager.default.contents(atPath: path)!)))
            for (n, block) in doc.segmentation.blocks.enumerated() {
                guard let lang = ["ky", "ru"].first(where: { $0 == block.language }) else { continue }
                let text = doc.text[block.span]
                if n == 0 { titles[lang]!.append(text) } else if text.count > 80 { paragraphs[lang]!.append(text) }
            }
            doc = Document(text: "")
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var rng = SeededGenerator(seed: seed)
        let places = [
            "Бишкек", "Ош", "Каракол", "Нарын", "Талас", "Баткен", "Токмок", "Жалал-Абад", "Чолпон-Ата", "Кара-Балта",
        ]
        var bytes = 0
        for n in 0..<count {
            let roll = Int.random(in: 0..<10, using: &rng)
            let langs = roll < 4 ? ["ky"] : roll < 8 ? ["ru"] : ["ky", "ru"]
            var text = ""
            for lang in langs {
                let day = Int.random(in: 1...28, using: &rng), month = Int.random(in: 1...12, using: &rng)
                let year = Int.random(in: 2015...2026, using: &rng)
                let place = places.randomElement(using: &rng)!
                text += titles[lang]!.randomElement(using: &rng)! + "\n\n"
                text +=
                    lang == "ky"
                    ? "\(place), \(day < 10 ? "0" : "")\(day).\(month < 10 ? "0" : "")\(month).\(year % 100). /Кабар/.\n\n"
                    : "\(place.uppercased()), \(day) \(["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"][month - 1]) \(year) г.\n\n"
                for _ in 0..<Int.random(in: 6...12, using: &rng) {
                    text += paragraphs[lang]!.randomElement(using: &rng)! + "\n\n"
                }
                text +=
                    "Байланыш: +996 (312) \(Int.random(in: 10...99, using: &rng))-\(Int.random(in: 10...99, using: &rng))-\(Int.random(in: 10...99, using: &rng)), info\(n)@example.kg\n\n"
            }
            text = noisy(text, &rng)
            let data = Data(text.utf8)
            bytes += data.count
            let name = String(format: "%@/%06d_%@.txt", out, n, langs.joined(separator: ""))
            try data.write(to: URL(fileURLWithPath: name))
        }
        print("wrote \(count) releases, \(bytes) bytes, to \(out)")
    }

    /// Lookalike letters, Kyrgyz letter substitutes, NBSPs, soft hyphens, CRLF.
    func noisy(_ text: String, _ rng: inout SeededGenerator) -> String {
        let level = Int.random(in: 0..<4, using: &rng)
        guard level > 0 else { return text }
        var out = String.UnicodeScalarView()
        let lookalike: [Unicode.Scalar: Unicode.Scalar] = [
            "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "ө": "ɵ", "ң": "ӊ",
        ]
        for u in text.unicodeScalars {
            let r = Int.random(in: 0..<1000, using: &rng)
            if let l = lookalike[u], r < 3 * level {
                out.append(l)
            } else if u == " ", r < 2 * level {
                out.append("\u{00A0}")
            } else if u == "\n", level == 3 {
                out.append("\r"); out.append("\n")
            } else {
                out.append(u)
            }
            if u.properties.isAlphabetic, r == 999 { out.append("\u{00AD}") }
        }
        return String(out)
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time each pipeline stage and each recognizer over a folder: MB/s and documents/s.",
        discussion: """
            Example:
              jarya-bench stages corpus --repeat 20
            """
    )

    @Argument(help: "The folder of releases.") var folder: String
    @Option(help: "Process the folder this many times (for small folders).") var `repeat` = 1

    func run() throws {
        let paths = InputCollector.folderFiles(folder)
        let inputs = try paths.map { ($0, Array(try Data(contentsOf: URL(fileURLWithPath: $0)))) }
        let stages: [any Stage] = [Ingest(), Normalize(), Tokenize(), Segment(), Analyze()]
        // Glossaries load once per process: load them before timing.
        let glossaries = try Glossaries.requireStandard()
        let recognizers = Recognizers.standard(glossaries)
        var stageTime: [String: Duration] = [:]
        var recognizerTime: [String: Duration] = [:]
        var assemble = Duration.zero, emit = Duration.zero
        let clock = ContinuousClock()
        var bytes = 0, docs = 0
        for _ in 0..<`repeat` {
            for (path, data) in inputs {
                var doc = Document(source: Source(path: path, bytes: data.count), bytes: data)
                bytes += data.count; docs += 1
                for stage in stages {
                    let t = clock.measure { try? stage.run(&doc) }
                    stageTime[stage.name, default: .zero] += t
                }
                for r in recognizers {
                    recognizerTime[r.name, default: .zero] += clock.measure { r.recognize(&doc) }
                }
                assemble += clock.measure { try? Assemble(glossaries: glossaries).run(&doc) }
                emit += clock.measure { _ = JSONLinesEncoder().line(Record(doc)) }
            }
        }
        let mb = Double(bytes) / 1_000_000
        func line(_ name: String, _ d: Duration) {
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            print(
                String(
                    format: "%-14@ %9.1f ms %9.2f MB/s %10.0f docs/s", name as NSString, s * 1000, mb / s,
                    Double(docs) / s))
        }
        print(String(format: "%d documents, %.2f MB", docs, mb))
        for s in stages { line(s.name, stageTime[s.name]!) }
        for r in recognizers { line("  " + r.name, recognizerTime[r.name]!) }
        line("assemble", assemble)
        line("emit", emit)
        let total =
            stageTime.values.reduce(Duration.zero, +) + recognizerTime.values.reduce(Duration.zero, +) + assemble + emit
        line("total", total)
    }
}
