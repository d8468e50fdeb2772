import Foundation

/// Polls `condition` every 20 ms for up to `timeout` seconds: a liveness bound, never a timing
/// assertion (it is generous so that a loaded machine under ThreadSanitizer still passes).
func eventually(_ timeout: Double = 45, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
