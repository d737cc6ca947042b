import Foundation
import Jarya
@testable import JaryaArchive
import Testing

@Suite("Reading record lines without JSONDecoder")
struct RecordLineDecoderTests {
    static func decoded(_ line: String) -> Record? {
        try? JSONDecoder().decode(Record.self, from: Data(line.utf8))
    }

    @Test("Every record of corpus/ reads as JSONDecoder reads it")
    func corpus() throws {
        let records = try CorpusArchive.archive().records()
        #expect(records.count >= 30)
        // The corpus has places, organizations, persons, dates and contacts, events with and without participants.
        #expect(Set(records.flatMap { $0.entities.map(\.type) }).count == EntityType.allCases.count)
        for r in records {
            let line = Data(r.jsonBytes())
            let fast = RecordLineDecoder.record(line)
            #expect(fast == r, "\(r.source.path)")
            #expect(fast == (try JSONDecoder().decode(Record.self, from: line)), "\(r.source.path)")
        }
    }

    /// A record line with `entity` as its one entity and `event` as its event.
    static func line(
        title: String = #""Тегерек стол""#,
        entity: String = #"{"type":"person","text":"Асанов","span":[0,6],"name":"Асанов","role":null}"#,
        event: String = "null", extra: String = ""
    ) -> String {
        #"{"schema":"jarya.record/1","id":"abc","source":{"path":"a.txt","sha256":"00","bytes":12,"format":"txt","encoding":"UTF-8"},"language":"ky","title":"#
            + title + #","summary":null,"published":"2024-03-01","event":"# + event + #","entities":["# + entity
            + #"],"text":"Асанов айтты","warnings":[],"related":[{"id":"def","relation":"translation"}]"# + extra + "}"
    }

    @Test(
        "Escapes, a surrogate pair, missing optional members, members it does not know and white space read as JSONDecoder reads them",
        arguments: [
            line(),
            line(title: #""a\"b\\c\/d\n\t\r\b\f \u0041\u00e9\u041a \ud83d\ude00 end""#),
            line(title: "null"),
            line(extra: #","future":{"a":[1,-2,true,false,null,"x"]}"#),
            line(
                event:
                    #"{"kind":"round_table","title":null,"start":"2024-03","end":null,"time":"10:00","places":["Бишкек"],"organizers":["ПРООН"],"funders":[],"partners":[],"participants":{"count":40,"qualifier":"about","countries":["KG"]}}"#
            ),
            line(event: #"{"kind":"forum","places":[],"organizers":[],"funders":[],"partners":[]}"#),
            line(
                entity:
                    #"{"type":"place","text":"Ош","span":[1,3],"name":"Ош","kind":"city","country":"KG","source":"model"}"#
            ),
            line(entity: #"{"type":"date","text":"2024","span":[0,4],"start":"2024"}"#),
            line(entity: #"{"type":"organization","text":"БУУ","span":[0,3],"name":"БУУ","acronym":"БУУ"}"#),
            line(entity: #"{"type":"email","text":"a@b.kg","span":[0,6],"value":"a@b.kg"}"#),
            " \t" + line().replacingOccurrences(of: ",", with: " ,\n ") + " \r",
        ])
    func sameAsJSONDecoder(line: String) throws {
        let expected = try #require(Self.decoded(line))
        #expect(RecordLineDecoder.record(Data(line.utf8)) == expected)
    }

    @Test(
        "Lines it does not take are left to JSONDecoder: error records, repeated keys, fractions, half a surrogate pair, bad JSON",
        arguments: [
            #"{"schema":"jarya.record/1","source":{"path":"a","sha256":"0","bytes":1,"format":"txt","encoding":null},"error":{"code":"empty","message":"empty"}}"#,
            line(extra: #","id":"again""#),
            line().replacingOccurrences(of: #""bytes":12"#, with: #""bytes":12.0"#),
            line().replacingOccurrences(of: #""bytes":12"#, with: #""bytes":012"#),
            line(title: #""\ud83d alone""#),
            line(title: #""\udc00""#),
            line(title: "\"tab\tinside\""),
            line(title: #""\x""#),
            line(entity: #"{"type":"place","text":"Ош","span":[1,3],"name":"Ош","kind":"planet"}"#),
            line(entity: #"{"type":"person","text":"А","span":[3,1],"name":"А"}"#),
            line(entity: #"{"type":"person","text":"А","span":[0,1]}"#),
            line() + "x",
            String(line().dropLast()),
            line().replacingOccurrences(of: #""language":"ky""#, with: #""language":"xx""#),
            line().replacingOccurrences(of: #""warnings":[],"#, with: ""),
        ])
    func declined(line: String) {
        #expect(RecordLineDecoder.record(Data(line.utf8)) == nil)
    }

    @Test("Bytes that are not UTF-8 are left to JSONDecoder")
    func notUTF8() {
        var bytes = Array(Self.line().utf8)
        let at = bytes.firstIndex(of: 0xD0)!  // the title's first letter, Т
        bytes[at] = 0xFF
        #expect(Self.decoded(String(decoding: Self.line().utf8, as: UTF8.self)) != nil)
        #expect(RecordLineDecoder.record(Data(bytes)) == nil)
    }
}
