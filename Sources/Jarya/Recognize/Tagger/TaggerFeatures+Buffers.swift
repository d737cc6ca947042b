extension TaggerFeatures {
    /// What `emissions` reuses from one sentence to the next of a document: the padded hashes,
    /// the words' sums and the feature buffer. Made and freed for each sentence, they cost some
    /// 4,000 instructions a sentence.
    struct EmissionBuffers {
        var hashes = SentenceHashes(count: 0)
        var sums: [WordSums] = []
        var features = FeatureBuffer()

        /// Frees the feature buffer: call it once, when the document is decoded.
        func deallocate() { features.deallocate() }
    }
}
