#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if JARYA_FUZZ
    /// The target `JARYA_FUZZ_TARGET` names, read once.
    let selectedTarget: FuzzTarget = {
        let name = getenv("JARYA_FUZZ_TARGET").map { String(cString: $0) } ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError(
                "jarya-fuzz: set JARYA_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return target
    }()

    /// libFuzzer's entry point: one input per call.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        selectedTarget.run(bytes)
        return 0
    }

    /// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links): parses libFuzzer's flags and runs the loop.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's own `main`, so libFuzzer's `main` is never used: this one starts its driver.
    @main
    struct FuzzMain {
        static func main() {
            _ = selectedTarget
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzTestOneInput))
        }
    }
#else
    /// Without the fuzzer flag (a plain `swift build`) this program replays inputs through a target,
    /// so a reproducer that libFuzzer saved can be run under a debugger: `jarya-fuzz docx crash-…`.
    @main
    struct ReplayMain {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
                print(
                    "usage: jarya-fuzz TARGET FILE... (targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")))"
                )
                print("Fuzzing needs the libFuzzer build: scripts/fuzz [SECONDS]")
                exit(arguments.isEmpty ? 0 : 64)
            }
            for path in arguments.dropFirst() {
                guard let file = fopen(path, "rb") else {
                    print("jarya-fuzz: cannot read \(path)")
                    exit(66)
                }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = fread(&buffer, 1, buffer.count, file)
                    if n <= 0 { break }
                    bytes += buffer[0..<n]
                }
                fclose(file)
                target.run(bytes)
                print("\(path): \(bytes.count) bytes, no crash")
            }
        }
    }
#endif
