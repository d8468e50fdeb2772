/// What a cached `GET /api/workshops/{code}` answer depends on besides the store: the code as
/// asked and the base URL its `joinUrl` is built from (the request's `Host` without `--public-url`).
struct WorkshopAnswerKey: Hashable, Sendable {
    let code: String
    let baseURL: String
}
