import Foundation

extension AppConfiguration {
    /// The web folder `serve` uses when `--web` is not given: `./web` when the working directory has
    /// one (running from a checkout), else `web/` beside the executable, where the release archive
    /// puts it — so an unpacked release works from any working directory. When neither exists the
    /// answer stays `./web`, and `serve` warns that pages will answer 404.
    ///
    /// - Parameters:
    ///   - executable: the running binary's path; `nil` when it cannot be found.
    ///   - isFolder: whether a path is an existing directory (the file system, except in tests).
    static func defaultWebRoot(executable: String? = runningExecutablePath(),
                               isFolder: (String) -> Bool = isExistingFolder) -> String {
        let local = AppConfiguration().webRoot
        if isFolder(local) { return local }
        guard let executable else { return local }
        let beside = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("web").path
        return isFolder(beside) ? beside : local
    }

    /// The path of the running binary, from `/proc/self/exe` (Linux) so that a symlink in
    /// `/usr/local/bin` still leads to the unpacked folder; else `argv[0]` when it names a path.
    static func runningExecutablePath() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return target
        }
        let first = CommandLine.arguments.first ?? ""
        return first.contains("/") ? URL(fileURLWithPath: first).resolvingSymlinksInPath().path : nil
    }

    static func isExistingFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
