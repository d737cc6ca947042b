/// Character classes the scanners share.
extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    var isASCIILetter: Bool { (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    /// A letter or digit of any script.
    var isAlphanumeric: Bool { isAlphabetic || isASCIIDigit || (value > 0x7F && properties.numericType != nil) }
    var isSpace: Bool { value == 0x20 || value == 0x09 }

    /// A letter (or a combining mark inside a word), with the common scripts of releases decided
    /// by range and the rest by the Unicode properties, which cost far more to look up.
    var isWordLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x4FF: return true
        case 0...0x7F, 0x2000...0x206F, 0xA0...0xBF: return false
        default: return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
        }
    }

    // The Unicode properties the scanners ask for, answered by range for ASCII, basic Cyrillic and
    // general punctuation, which is nearly all of a release: `properties` costs a table look-up.
    // Each gives exactly the property's answer.

    /// `properties.isWhitespace` (the White_Space list is short enough to spell out).
    var isWhitespace: Bool {
        // Printable ASCII and the letters from Latin-1 to Cyrillic and beyond are answered first:
        // every scalar of a text is asked, most of them letters.
        if (value > 0x20 && value < 0x85) || (value > 0xA0 && value < 0x1680) { return false }
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `properties.isLowercase`. Past basic Cyrillic, a Cyrillic letter is small when it is its own
    /// lower case.
    @inline(__always)
    var isLowercase: Bool {
        switch value {
        case 0x61...0x7A, 0x430...0x45F: return true
        case 0...0x7F, 0x400...0x42F, 0x482...0x489, 0x2000...0x206F: return false
        case 0x460...0x4FF: return lowercaseByRange() == self
        default: return properties.isLowercase
        }
    }

    /// `properties.isUppercase`. Past basic Cyrillic, a Cyrillic letter is a capital when its lower
    /// case differs.
    @inline(__always)
    var isUppercase: Bool {
        switch value {
        case 0x41...0x5A, 0x400...0x42F: return true
        case 0...0x7F, 0x430...0x45F, 0x2000...0x206F: return false
        case 0x460...0x4FF: return lowercaseByRange() != self
        default: return properties.isUppercase
        }
    }

    /// `properties.isAlphabetic`.
    var isAlphabetic: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0x400...0x481, 0x48A...0x4FF: return true
        case 0...0x7F, 0x2000...0x206F: return false
        default: return properties.isAlphabetic
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The first index at or after `start` whose scalar satisfies `test`, or `count`: how the
    /// contact scanners pass over the text between candidates (through a buffer pointer, with no
    /// bounds check a scalar: they read every scalar of every release).
    @inline(__always)
    func nextIndex(from start: Int, where test: (Unicode.Scalar) -> Bool) -> Int {
        withUnsafeBufferPointer { t in
            var k = start
            while k < t.count && !test(t[k]) { k += 1 }
            return k
        }
    }

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
