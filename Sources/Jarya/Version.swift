/// Jarya's version, defined here only: `jarya --version` prints it, and `scripts/install`
/// (the man page, the .deb) reads it from there.
public enum JaryaVersion {
    public static let current = "0.2.0"
}
