// swift-tools-version:6.0
import PackageDescription

// Dependencies run one way:
//   MNLSyntax -> MNLRuntime -> MNLStdlib -> mnist-repl
//   MemoryBudget -> MNLRuntime, TensorKit
//   TensorKit -> MNLLearn, MNLClassic, MNLData, MNLTerminal -> MNLStdlib
//   CCairo, CSixel -> MNLImage -> MNLStdlib
//   MNLPlot (no dependencies) -> MNLStdlib
//   MNLPlot, MNLImage, CCairo -> MNLFigureFile -> MNLStdlib
// MNLRuntime never imports TensorKit; MNLStdlib is the one place where they meet.
/// Every target of ours builds with warnings as errors.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "mnist-repl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mnist-repl", targets: ["mnist-repl"]),
        // The fuzz entry points, for the libFuzzer package in Fuzz/ (built with sanitizers there).
        .library(name: "MNLFuzzing", targets: ["MNLFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // C system libraries: a module map and a one-line shim header each.
        .systemLibrary(name: "CReadline", path: "Sources/CReadline",
                       providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS",
                       providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib",
                       providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
                       providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(name: "CSixel", path: "Sources/CSixel", pkgConfig: "libsixel",
                       providers: [.apt(["libsixel-dev"]), .brew(["libsixel"])]),

        // The language: source -> tokens -> AST -> resolved form -> closures -> values.
        .target(name: "MNLSyntax", swiftSettings: strict),
        .target(name: "MNLRuntime", dependencies: ["MNLSyntax", "MemoryBudget", "MNLDisplay"], swiftSettings: strict),

        // Where results go: text, status lines (progress bars), rich values, and what the
        // terminal can do. No knowledge of the language, so the console can use it too.
        .target(name: "MNLDisplay", swiftSettings: strict),

        // The one limit on memory that user input can make the process take; both the
        // language (lists, strings) and the libraries (tensors, file buffers) ask it.
        .target(name: "MemoryBudget", swiftSettings: strict),

        // The numerical libraries: no knowledge of the language.
        // CPUFeatures reads CPUID (C, because Swift has no inline assembly).
        .target(name: "CPUFeatures"),
        // Elementwise kernels at AVX2/AVX-512 width, chosen at run time; SLEEF's vector math.
        .target(name: "CVectorMath", cSettings: [.unsafeFlags(["-O3"])], linkerSettings: [.linkedLibrary("sleef", .when(platforms: [.linux]))]),
        // LAPACK through one C face: OpenBLAS's Fortran symbols on Linux, Accelerate on macOS.
        .target(name: "CLAPACK", linkerSettings: [.linkedLibrary("openblas", .when(platforms: [.linux])),
                                                  .linkedFramework("Accelerate", .when(platforms: [.macOS]))]),
        .target(name: "TensorKit",
                dependencies: ["CPUFeatures", "CVectorMath", "CLAPACK", "MemoryBudget",
                               .target(name: "CBLAS", condition: .when(platforms: [.linux]))],
                swiftSettings: strict),
        .target(name: "MNLLearn", dependencies: ["TensorKit"], swiftSettings: strict),
        // scikit-learn's models (linear, SVM and kernels, trees and boosting, clustering,
        // neighbours), metrics and model selection on TensorKit and BLAS. No language knowledge.
        .target(name: "MNLClassic", dependencies: ["TensorKit"], swiftSettings: strict),
        .target(name: "MNLData", dependencies: ["TensorKit", "CZlib", "MemoryBudget"], swiftSettings: strict),
        .target(name: "MNLTerminal", dependencies: ["TensorKit"], swiftSettings: strict),
        // Images as pixels: scaling, colour maps, text renderings (half blocks, ASCII) and
        // PNG/SVG/PDF through Cairo. No knowledge of tensors or of the language.
        .target(name: "MNLImage", dependencies: ["CCairo", "CSixel", "MemoryBudget"], swiftSettings: strict),
        // Figures as data and their text rendering: plain [Double] series, no tensors, no language.
        .target(name: "MNLPlot", swiftSettings: strict),
        // Figures drawn by Cairo as PNG, SVG, PDF or pixels, as matplotlib draws them.
        .target(name: "MNLFigureFile", dependencies: ["MNLPlot", "MNLImage", "CCairo"], swiftSettings: strict),

        // The interactive front end: line editing, Ctrl-C, REPL commands. It talks to the
        // language through the small `ReplEngine` protocol, so it knows nothing of the language.
        .target(name: "MNLConsole", dependencies: ["CReadline"], swiftSettings: strict),

        // The one binding layer between the language and the libraries.
        .target(name: "MNLStdlib",
                dependencies: ["MNLRuntime", "TensorKit", "MNLLearn", "MNLClassic", "MNLData", "MNLTerminal", "MNLImage", "MNLPlot", "MNLFigureFile", "MemoryBudget", "MNLDisplay"], swiftSettings: strict),

        .executableTarget(name: "mnist-repl",
                          dependencies: ["MNLStdlib", "MNLRuntime", "MNLSyntax", "MNLConsole", "TensorKit", "MemoryBudget", "MNLDisplay",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")],
                          swiftSettings: strict),

        // The fuzz entry points: one function of bytes per target, called by the libFuzzer
        // executables in Fuzz/ and, seeded, by ScriptTests, so both run the same code.
        .target(name: "MNLFuzzing", dependencies: ["MNLStdlib", "MNLRuntime", "MNLSyntax", "MNLData", "TensorKit", "MemoryBudget"],
                path: "Fuzz/Entries", swiftSettings: strict),

        .testTarget(name: "MNLSyntaxTests", dependencies: ["MNLSyntax"]),
        .testTarget(name: "MemoryBudgetTests", dependencies: ["MemoryBudget"]),
        .testTarget(name: "MNLDisplayTests", dependencies: ["MNLDisplay"]),
        .testTarget(name: "MNLRuntimeTests", dependencies: ["MNLRuntime", "MNLStdlib", "MNLDisplay", "MNLTerminal"]),
        .testTarget(name: "TensorKitTests", dependencies: ["TensorKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MNLPlotTests", dependencies: ["MNLPlot"]),
        .testTarget(name: "MNLLearnTests", dependencies: ["MNLLearn", "TensorKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MNLClassicTests", dependencies: ["MNLClassic", "TensorKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MNLDataTests", dependencies: ["MNLData", "TensorKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MNLImageTests", dependencies: ["MNLImage", "CCairo", "MNLTestSupport"]),
        .testTarget(name: "MNLFigureFileTests", dependencies: ["MNLFigureFile", "MNLPlot", "MNLImage", "CCairo", "MNLTestSupport"]),
        .testTarget(name: "MNLConsoleTests", dependencies: ["MNLConsole", "MNLTestSupport"]),
        .testTarget(name: "ScriptTests", dependencies: ["MNLStdlib", "MNLRuntime", "MNLSyntax", "MemoryBudget", "MNLFuzzing", "MNLDisplay"], exclude: ["Scripts"]),

        // Test support shared by test targets: the pseudo-terminal harness.
        .target(name: "MNLTestSupport", path: "Tests/MNLTestSupport"),
        // End-to-end tests of the built `mnist-repl` executable (command line and pty); they run
        // the binary from the build products directory, which `swift build --build-tests` fills.
        .testTarget(name: "CLITests", dependencies: ["MNLTestSupport"]),
    ]
)
