// swift-tools-version:6.0
// Officina uses no third-party Swift packages: only the toolchain and the system's libsqlite3.
import PackageDescription

let package = Package(
    name: "Officina",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "officina", targets: ["officina"]),
        .executable(name: "officina-bench", targets: ["officina-bench"]),
    ],
    targets: [
        // System libraries and the small C shims Glibc's overlay does not expose.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "CEventLoop"),
        .systemLibrary(name: "CHeap"),

        // The layers; arrows point down only (see docs/architecture.md).
        .target(name: "OfficinaCore"),
        .target(name: "OfficinaStore", dependencies: ["CSQLite", "OfficinaCore"]),
        .target(name: "OfficinaHTTP", dependencies: ["CEventLoop"]),
        .target(name: "OfficinaApp", dependencies: ["CHeap", "OfficinaCore", "OfficinaStore", "OfficinaHTTP"]),
        // Child processes for the tests and the benchmark (posix_spawn; the server starts none).
        .target(name: "ChildProcesses"),

        // Executables.
        .executableTarget(name: "officina", dependencies: ["OfficinaApp"]),
        .executableTarget(
            name: "officina-bench",
            dependencies: ["OfficinaApp", "OfficinaHTTP", "OfficinaStore", "OfficinaCore", "CEventLoop", "ChildProcesses"]
        ),

        // One test target per module.
        .testTarget(name: "OfficinaCoreTests", dependencies: ["OfficinaCore", "ChildProcesses"]),
        .testTarget(name: "OfficinaStoreTests", dependencies: ["OfficinaStore", "OfficinaCore", "ChildProcesses"]),
        .testTarget(name: "OfficinaHTTPTests", dependencies: ["OfficinaHTTP", "ChildProcesses"]),
        .testTarget(name: "ChildProcessesTests", dependencies: ["ChildProcesses"]),
        .testTarget(name: "OfficinaAppTests", dependencies: ["OfficinaApp", "OfficinaHTTP", "OfficinaStore", "OfficinaCore", "ChildProcesses"]),
    ],
    swiftLanguageModes: [.v6]
)
