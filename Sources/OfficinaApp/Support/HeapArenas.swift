#if os(Linux)
import CHeap
#endif
import Foundation

/// How many glibc malloc arenas the server's threads share.
///
/// glibc gives threads that meet in `malloc` arenas of their own, up to 8 per core. Under a mixed
/// soak (ballots plus participant lists of ~76 KB, answered by a dozen threads) each arena kept its
/// own free space: anonymous memory climbed from 44 to ~80 MB over three minutes and fell back only
/// when glibc trimmed. With as many arenas as cores it levelled at ~61 MB within 40 s, at no cost
/// in throughput (benchmarks: `officina-bench system soak`). An operator's own `MALLOC_ARENA_MAX`
/// (or `glibc.malloc.arena_max` tunable) is left alone. <https://sourceware.org/glibc/manual/latest/html_node/Memory-Allocation-Tunables.html>
enum HeapArenas {
    /// The limit set when the environment sets none: one arena per core, at least two.
    static var defaultLimit: Int { max(2, ProcessInfo.processInfo.activeProcessorCount) }

    /// Caps the arenas before the server starts its threads. Returns the limit set, or nil when the
    /// environment already chose one (or the platform has no such setting).
    @discardableResult
    static func limit(to arenas: Int = defaultLimit, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        #if os(Linux)
        guard environment["MALLOC_ARENA_MAX"] == nil, !(environment["GLIBC_TUNABLES"] ?? "").contains("arena_max"),
              arenas > 0, let value = Int32(exactly: arenas) else { return nil }
        return officina_limit_malloc_arenas(value) == 1 ? arenas : nil
        #else
        return nil
        #endif
    }
}
