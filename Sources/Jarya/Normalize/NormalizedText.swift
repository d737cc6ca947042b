/// Normalized text with a map back to the text it came from.
///
/// `scalars[i]` came from `original` scalar `origin[i]`; `origin` has one more entry
/// (the original length) so that a span's end maps too. Several normalized scalars may
/// share an origin (a decomposition), and original scalars may have no image (a removed
/// soft hyphen): the map is monotonic, never one-to-one by promise.
public struct NormalizedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar]
    public private(set) var origin: [Int32]
    /// The same text as a `String`, built once.
    public let string: String

    public init() {
        self.init(scalars: [], origin: [0])
    }

    public init(scalars: [Unicode.Scalar], origin: [Int32]) {
        precondition(origin.count == scalars.count + 1, "offset map needs one entry per scalar plus the end")
        self.scalars = scalars
        self.origin = origin
        self.string = String(scalars: scalars)
    }

    /// Text that was not changed by normalization: the identity map.
    public init(identity text: String) {
        let scalars = Array(text.unicodeScalars)
        self.init(scalars: scalars, origin: (0...scalars.count).map { Int32($0) })
    }

    public var count: Int { scalars.count }

    /// The text of a span.
    public subscript(span: Span) -> String {
        String(scalars: scalars[span.start..<span.end])
    }

    /// The span in the original text that a normalized span came from.
    public func originalSpan(of span: Span) -> Span {
        let start = Int(origin[span.start])
        // The end is where the last scalar's original ends: the next distinct origin.
        var end = Int(origin[span.end])
        if span.end > span.start, Int(origin[span.end - 1]) >= end { end = Int(origin[span.end - 1]) + 1 }
        return Span(start, max(start, end))
    }

    /// The normalized offset of an original offset: the first normalized scalar that
    /// came from at or after it.
    public func normalizedOffset(ofOriginal offset: Int) -> Int {
        var lo = 0, hi = origin.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(origin[mid]) < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The normalized span covering an original span.
    public func normalizedSpan(ofOriginal span: Span) -> Span {
        Span(normalizedOffset(ofOriginal: span.start), normalizedOffset(ofOriginal: span.end))
    }
}
