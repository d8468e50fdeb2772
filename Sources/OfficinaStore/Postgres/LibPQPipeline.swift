import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libpq's pipeline mode (libpq 14 and later, <https://www.postgresql.org/docs/15/libpq-pipeline-mode.html>):
/// several statements sent before their results are read, so they cost one round trip together.
/// Loaded with `dlsym` like the rest of ``LibPQ``; `nil` with an older libpq, which then runs the
/// statements one by one.
struct LibPQPipeline: @unchecked Sendable {
    typealias Conn = OpaquePointer

    let enter: @convention(c) (Conn?) -> Int32
    let exit: @convention(c) (Conn?) -> Int32
    let sync: @convention(c) (Conn?) -> Int32
    let sendPrepare: @convention(c) (Conn?, UnsafePointer<CChar>, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?) -> Int32
    let sendQueryPrepared: @convention(c) (
        Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Int32
    let sendQueryParams: @convention(c) (
        Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Int32

    /// `PGRES_PIPELINE_SYNC` and `PGRES_PIPELINE_ABORTED` (`libpq-fe.h`).
    static let syncStatus: Int32 = 10
    static let abortedStatus: Int32 = 11

    /// The functions from the loaded library `handle`, or `nil` when any is missing.
    static func load(from handle: UnsafeMutableRawPointer) -> LibPQPipeline? {
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard
            let enter = symbol("PQenterPipelineMode", as: (@convention(c) (Conn?) -> Int32).self),
            let exit = symbol("PQexitPipelineMode", as: (@convention(c) (Conn?) -> Int32).self),
            let sync = symbol("PQpipelineSync", as: (@convention(c) (Conn?) -> Int32).self),
            let sendPrepare = symbol("PQsendPrepare", as: (@convention(c) (
                Conn?, UnsafePointer<CChar>, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?) -> Int32).self),
            let sendQueryPrepared = symbol("PQsendQueryPrepared", as: (@convention(c) (
                Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
            ) -> Int32).self),
            let sendQueryParams = symbol("PQsendQueryParams", as: (@convention(c) (
                Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?,
                UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
            ) -> Int32).self)
        else { return nil }
        return LibPQPipeline(
            enter: enter, exit: exit, sync: sync, sendPrepare: sendPrepare,
            sendQueryPrepared: sendQueryPrepared, sendQueryParams: sendQueryParams)
    }
}
