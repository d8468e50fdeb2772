import Foundation

/// Polls `condition` every 10 ms for up to thirty seconds (a liveness bound for a loaded machine).
func waitUntil(_ condition: () -> Bool) -> Bool {
    for _ in 0..<3_000 {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
