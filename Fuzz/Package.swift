// swift-tools-version:6.0
import PackageDescription

// libFuzzer executables, one per fuzz target, over the entry points in Entries/ (the main
// package's MNLFuzzing library, which the test suite also runs). Build and run them with
// `scripts/fuzz`, which passes `-sanitize=fuzzer,address`; they call libFuzzer's driver, so
// they link only with `-sanitize=fuzzer`. A separate package, so that the main package's
// `swift build` and `swift test` never see sanitizer flags.

/// The targets, as `FuzzTarget` names them; each becomes the executable `fuzz-<name>`.
let names = ["parse", "script", "tensorgen", "idx", "gzip", "csv", "npy", "npz", "safetensors"]

let package = Package(
    name: "MNLFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "mnist-repl", path: "..")],
    targets: [
        .target(name: "FuzzDriver", dependencies: [.product(name: "MNLFuzzing", package: "mnist-repl")], path: "Driver"),
    ] + names.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzDriver"], path: "Targets/\(name)")
    }
)
