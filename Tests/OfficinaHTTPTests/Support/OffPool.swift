import Foundation

/// Runs blocking socket code on its own thread. Swift Testing runs tests on the cooperative pool,
/// which is also where the server runs handlers; a test blocked in `recv` there would starve the
/// very handler it waits for.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
