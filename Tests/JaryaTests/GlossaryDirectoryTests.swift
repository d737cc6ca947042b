import Foundation
import Testing
@testable import Jarya

/// The order in which the glossaries are looked for, decided without touching the disk:
/// `isGlossaries` says which folders hold them.
@Suite("glossary discovery")
struct GlossaryDirectoryTests {
    let checkout = "/home/aida/src/jarya"

    func locate(env: String? = nil, exe: String?, present: Set<String>) -> GlossaryDirectory.Search {
        GlossaryDirectory.locate(
            environment: env, executable: exe, checkout: checkout, isGlossaries: { present.contains($0) })
    }

    @Test("JARYA_GLOSSARIES decides alone: found there, or not found even when other folders hold glossaries")
    func environment() {
        let everywhere: Set = [
            "/srv/glossaries", "/usr/local/share/jarya/glossaries", "/home/aida/src/jarya/glossaries",
        ]
        let found = locate(env: "/srv/glossaries", exe: "/usr/local/bin/jarya", present: everywhere)
        #expect(found.found == "/srv/glossaries")
        let typo = locate(env: "/srv/glosaries", exe: "/usr/local/bin/jarya", present: everywhere)
        #expect(typo.found == nil)
        #expect(typo.looked == ["/srv/glosaries"])
        #expect(typo.notFoundMessage.contains("JARYA_GLOSSARIES=/srv/glosaries"))
        // Set but empty counts as unset.
        #expect(
            locate(env: "", exe: "/usr/local/bin/jarya", present: everywhere).found
                == "/usr/local/share/jarya/glossaries")
    }

    @Test("beside the executable, then ../share/jarya/glossaries; the checkout only for a binary inside it")
    func order() {
        let installed = locate(
            exe: "/opt/jarya/bin/jarya", present: ["/opt/jarya/bin/glossaries", "/opt/jarya/share/jarya/glossaries"])
        #expect(installed.found == "/opt/jarya/bin/glossaries")
        let shared = locate(
            exe: "/opt/jarya/bin/jarya",
            present: ["/opt/jarya/share/jarya/glossaries", "/home/aida/src/jarya/glossaries"])
        #expect(shared.found == "/opt/jarya/share/jarya/glossaries")
        let built = locate(exe: "/home/aida/src/jarya/.build/debug/jarya", present: ["/home/aida/src/jarya/glossaries"])
        #expect(built.found == "/home/aida/src/jarya/glossaries")
        // A copy outside the checkout, even in a folder whose name starts like it, does not use it.
        for exe in ["/usr/local/bin/jarya", "/home/aida/src/jarya-old/bin/jarya"] {
            let copied = locate(exe: exe, present: ["/home/aida/src/jarya/glossaries"])
            #expect(copied.found == nil)
            #expect(!copied.looked.contains("/home/aida/src/jarya/glossaries"))
        }
    }

    @Test("the not-found line names every folder tried and both fixes")
    func message() {
        let search = locate(exe: "/usr/local/bin/jarya", present: [])
        #expect(search.looked == ["/usr/local/bin/glossaries", "/usr/local/share/jarya/glossaries"])
        let line = search.notFoundMessage
        #expect(!line.contains("\n"))
        #expect(line.contains("/usr/local/bin/glossaries, /usr/local/share/jarya/glossaries"))
        #expect(line.contains("set JARYA_GLOSSARIES"))
        #expect(line.contains("scripts/install PREFIX"))
    }

    @Test("the fingerprint changes with one byte of a glossary and ignores files that are not .tsv")
    func fingerprint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jarya-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name\tsex\torigin\nАйгерим\tf\tky\n".utf8).write(to: folder.appendingPathComponent("given-names.tsv"))
        let first = GlossaryDirectory.fingerprint(of: folder.path)
        #expect(first.count == 12)
        #expect(first.allSatisfy { $0.isHexDigit })
        try Data("notes".utf8).write(to: folder.appendingPathComponent("README.md"))
        #expect(GlossaryDirectory.fingerprint(of: folder.path) == first)
        try Data("name\tsex\torigin\nАйгерим\tf\tky\nАйбек\tm\tky\n".utf8).write(
            to: folder.appendingPathComponent("given-names.tsv"))
        #expect(GlossaryDirectory.fingerprint(of: folder.path) != first)
    }
}
