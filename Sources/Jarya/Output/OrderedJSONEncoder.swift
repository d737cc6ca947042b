/// A JSON encoder that writes object keys in the order `encode(to:)` encodes them, leaves
/// non-ASCII text and slashes unescaped, and writes `null` for `encodeNil`. Foundation's
/// JSONEncoder on Linux reorders keys, and the record contract promises a stable order.
public struct OrderedJSONEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = Node.Box()
        try value.encode(to: TreeEncoder(box: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        root.node.write(to: &out)
        return out
    }
}

/// The value tree built while encoding; objects keep insertion order.
enum Node {
    case null, bool(Bool), number(String), string(String)
    case array([Box]), object([(String, Box)])

    final class Box {
        var node: Node = .null
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): out += Array(n.utf8)
        case .string(let s): Node.writeString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.node.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Node.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.node.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole.
            var run = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                switch b {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

private struct TreeEncoder: Encoder {
    let box: Node.Box
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array([]) }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: box, codingPath: codingPath)
    }
}

/// Encodes one value into a box: primitives directly, everything else through `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into box: Node.Box, path: [any CodingKey]) throws {
    switch value {
    case let s as String: box.node = .string(s)
    case let b as Bool: box.node = .bool(b)
    case let i as Int: box.node = .number(String(i))
    case let i as Int32: box.node = .number(String(i))
    case let i as Int64: box.node = .number(String(i))
    case let u as UInt8: box.node = .number(String(u))
    case let d as Double:
        guard d.isFinite else { throw EncodingError.invalidValue(d, .init(codingPath: path, debugDescription: "JSON has no \(d)")) }
        box.node = .number(d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d))
    default: try value.encode(to: TreeEncoder(box: box, codingPath: path))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: Node.Box
    var codingPath: [any CodingKey]

    private func member(_ key: Key) -> Node.Box {
        let child = Node.Box()
        if case .object(var members) = box.node {
            // Let go of the box's copy first, so the append does not copy the whole list.
            box.node = .null
            members.append((key.stringValue, child))
            box.node = .object(members)
        }
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { member(key).node = .null }
    // The common primitives directly, without the generic path's dynamic casts.
    mutating func encode(_ value: String, forKey key: Key) throws { member(key).node = .string(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { member(key).node = .bool(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { member(key).node = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: member(key), path: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(box: member(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(box: member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box, codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(box: member(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: Node.Box
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = box.node { return items.count }
        return 0
    }

    private func element() -> Node.Box {
        let child = Node.Box()
        if case .array(var items) = box.node {
            box.node = .null  // as in `member`: no copy of the list per element
            items.append(child)
            box.node = .array(items)
        }
        return child
    }

    mutating func encodeNil() throws { element().node = .null }
    mutating func encode(_ value: String) throws { element().node = .string(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: element(), path: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(box: element(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(box: element(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: element(), codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let box: Node.Box
    var codingPath: [any CodingKey]
    mutating func encodeNil() throws { box.node = .null }
    mutating func encode(_ value: String) throws { box.node = .string(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encodeValue(value, into: box, path: codingPath) }
}
