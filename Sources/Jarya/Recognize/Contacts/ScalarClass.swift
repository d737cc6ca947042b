/// Character classes the scanners share.
extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    /// A letter or digit of any script.
    var isAlphanumeric: Bool { properties.isAlphabetic || properties.numericType != nil }
    var isSpace: Bool { value == 0x20 || value == 0x09 }
}

extension Array where Element == Unicode.Scalar {
    /// Whether the text at `offset` starts with `prefix`, ignoring ASCII case.
    func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        var k = offset
        for p in prefix.unicodeScalars {
            guard k < count else { return false }
            let c = self[k]
            let lower = (c.value >= 0x41 && c.value <= 0x5A) ? c.value + 0x20 : c.value
            guard lower == p.value else { return false }
            k += 1
        }
        return true
    }
}
