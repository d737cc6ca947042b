internal import CLibXML2

/// HTML and XML → text, through libxml2. No Foundation here, so libxml2's C types never meet
/// the ones FoundationXML brings (as ICUText does for ICU).
public enum HTMLText {
    /// The libxml2 version this was built against, for diagnostics.
    public static var libxmlVersion: String { LIBXML_DOTTED_VERSION }
}
