/// The layout of a ZIP archive, checked against the file before ZIPFoundation reads it.
///
/// ZIPFoundation trusts the offsets and sizes an archive declares: an end-of-central-directory
/// record whose directory lies past the end of the file makes it trap (a 22-byte file is enough),
/// and a trap ends the whole batch. `ZIPLayout` walks the same structures bounds-checked, so an
/// inconsistent archive becomes a `malformed` error record instead. Every read here is checked
/// against the buffer; nothing is trusted that was not checked.
struct ZIPLayout {
    /// Why an archive is refused; the message completes "this .docx file is damaged: …".
    struct Damage: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// An entry as the central directory declares it, with where its data starts in the file.
    struct Entry {
        var name: String
        /// 0 stored, 8 deflated.
        var method: Int
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var dataOffset: Int
    }

    /// The entries of the central directory, each one checked.
    let entries: [Entry]
    var entryCount: Int { entries.count }

    static let endRecordSignature: UInt32 = 0x0605_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50
    static let endRecordSize = 22
    static let centralHeaderSize = 46
    static let localHeaderSize = 30

    /// Checks every structure ZIPFoundation will read: the end record (found as ZIPFoundation
    /// finds it, the last signature within the final 64 KiB + 22 bytes), the central directory
    /// inside the file and before the end record, each entry's local header and data inside the
    /// file and before the directory. ZIP64 archives are refused: a Word document never needs one.
    init(_ bytes: [UInt8]) throws {
        let count = bytes.count
        guard count >= Self.endRecordSize else { throw Damage("it is too short to be a ZIP archive (\(count) bytes)") }
        guard let end = Self.endRecordOffset(bytes) else {
            throw Damage("its ZIP end-of-central-directory record is missing (the file may be truncated)")
        }
        let diskNumber = Self.u16(bytes, end + 4), directoryDisk = Self.u16(bytes, end + 6)
        let entriesOnDisk = Self.u16(bytes, end + 8), totalEntries = Self.u16(bytes, end + 10)
        let directorySize = Int(Self.u32(bytes, end + 12)), directoryOffset = Int(Self.u32(bytes, end + 16))
        let commentLength = Self.u16(bytes, end + 20)
        if end >= 20 && Self.u32(bytes, end - 20) == 0x0706_4B50 {
            throw Damage("it is a ZIP64 archive, which a Word document never is")
        }
        if totalEntries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw Damage("it is a ZIP64 archive, which a Word document never is")
        }
        guard diskNumber == 0, directoryDisk == 0, entriesOnDisk == totalEntries else {
            throw Damage("it is one part of a multi-volume ZIP archive")
        }
        guard end + Self.endRecordSize + commentLength <= count else {
            throw Damage("its ZIP comment runs past the end of the file")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw Damage(
                "its ZIP central directory (offset \(directoryOffset), \(directorySize) bytes) lies outside the file")
        }
        let directoryEnd = directoryOffset + directorySize
        var at = directoryOffset
        var entries: [Entry] = []
        for number in 0..<totalEntries {
            guard at + Self.centralHeaderSize <= directoryEnd, Self.u32(bytes, at) == Self.centralSignature else {
                throw Damage("ZIP central directory entry \(number + 1) of \(totalEntries) is missing or cut short")
            }
            let compressed = Int(Self.u32(bytes, at + 20)), uncompressed = Int(Self.u32(bytes, at + 24))
            let nameLength = Self.u16(bytes, at + 28), extraLength = Self.u16(bytes, at + 30)
            let commentLength = Self.u16(bytes, at + 32), localOffset = Int(Self.u32(bytes, at + 42))
            let next = at + Self.centralHeaderSize + nameLength + extraLength + commentLength
            guard next <= directoryEnd else {
                throw Damage("ZIP central directory entry \(number + 1) runs past the directory")
            }
            let nameStart = at + Self.centralHeaderSize, extraStart = nameStart + nameLength
            // ZIPFoundation takes sizes and offsets from a ZIP64 extra field (id 1) when there is one.
            if Self.u16(bytes, at + 6) & 0xFF >= 45 || compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF
                || localOffset == 0xFFFF_FFFF || Self.hasZIP64Field(bytes, extraStart..<(extraStart + extraLength))
            {
                throw Damage("entry \(number + 1) uses ZIP64 sizes, which a Word document never needs")
            }
            let method = Self.u16(bytes, at + 10), hasDescriptor = Self.u16(bytes, at + 8) & 0x8 != 0
            let dataOffset = try Self.checkLocalHeader(
                bytes, at: localOffset, dataSize: method == 0 ? uncompressed : compressed,
                descriptor: hasDescriptor, before: directoryOffset, entry: number + 1)
            entries.append(
                Entry(
                    name: String(decoding: bytes[nameStart..<extraStart], as: UTF8.self), method: method,
                    crc32: Self.u32(bytes, at + 16), compressedSize: compressed, uncompressedSize: uncompressed,
                    dataOffset: dataOffset))
            at = next
        }
        self.entries = entries
    }

    /// A local header must lie before the central directory, and its data (and data descriptor)
    /// there too. Returns where the data starts.
    private static func checkLocalHeader(
        _ bytes: [UInt8], at offset: Int, dataSize: Int, descriptor: Bool,
        before limit: Int, entry: Int
    ) throws -> Int {
        guard offset + localHeaderSize <= limit, u32(bytes, offset) == localSignature else {
            throw Damage("the local header of ZIP entry \(entry) (offset \(offset)) is not where the directory says")
        }
        let extraStart = offset + localHeaderSize + u16(bytes, offset + 26), extraLength = u16(bytes, offset + 28)
        let dataStart = extraStart + extraLength
        guard dataStart <= limit, dataSize + (descriptor ? 16 : 0) <= limit - dataStart else {
            throw Damage(
                "the data of ZIP entry \(entry) (\(dataSize) bytes) runs past the end of its place in the file")
        }
        if hasZIP64Field(bytes, extraStart..<dataStart) {
            throw Damage("entry \(entry) uses ZIP64 sizes, which a Word document never needs")
        }
        return dataStart
    }

    /// Whether the extra fields in `range` include a ZIP64 extended information field (id 1).
    private static func hasZIP64Field(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var at = range.lowerBound
        while at + 4 <= range.upperBound {
            if u16(bytes, at) == 1 { return true }
            at += 4 + u16(bytes, at + 2)
        }
        return false
    }

    /// The offset of the last end-of-central-directory signature within reach of the end.
    static func endRecordOffset(_ bytes: [UInt8]) -> Int? {
        let last = bytes.count - endRecordSize
        let first = max(0, last - 0xFFFF)
        var at = last
        while at >= first {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { return at }
            at -= 1
        }
        return nil
    }

    private static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
