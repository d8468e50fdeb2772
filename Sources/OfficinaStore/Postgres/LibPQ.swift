import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few libpq functions Officina calls, looked up at run time with `dlopen`/`dlsym`, so the build
/// needs no PostgreSQL headers or library and a SQLite-only server never loads it.
///
/// Signatures follow <https://www.postgresql.org/docs/15/libpq.html>; pointers to libpq's opaque
/// `PGconn` and `PGresult` are raw pointers here.
struct LibPQ: @unchecked Sendable {
    typealias Conn = OpaquePointer
    typealias Result = OpaquePointer

    let connectdb: @convention(c) (UnsafePointer<CChar>) -> Conn?
    let status: @convention(c) (Conn?) -> Int32
    let errorMessage: @convention(c) (Conn?) -> UnsafePointer<CChar>?
    let finish: @convention(c) (Conn?) -> Void
    let reset: @convention(c) (Conn?) -> Void
    let exec: @convention(c) (Conn?, UnsafePointer<CChar>) -> Result?
    let execParams: @convention(c) (
        Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?,
        UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Result?
    let prepare: @convention(c) (Conn?, UnsafePointer<CChar>, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?) -> Result?
    let execPrepared: @convention(c) (
        Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
    ) -> Result?
    let resultStatus: @convention(c) (Result?) -> Int32
    let resultErrorMessage: @convention(c) (Result?) -> UnsafePointer<CChar>?
    let resultErrorField: @convention(c) (Result?, Int32) -> UnsafePointer<CChar>?
    let ntuples: @convention(c) (Result?) -> Int32
    let nfields: @convention(c) (Result?) -> Int32
    let getvalue: @convention(c) (Result?, Int32, Int32) -> UnsafePointer<CChar>?
    let getisnull: @convention(c) (Result?, Int32, Int32) -> Int32
    let getlength: @convention(c) (Result?, Int32, Int32) -> Int32
    let ftype: @convention(c) (Result?, Int32) -> UInt32
    let cmdTuples: @convention(c) (Result?) -> UnsafePointer<CChar>?
    let clear: @convention(c) (Result?) -> Void
    let transactionStatus: @convention(c) (Conn?) -> Int32
    let socket: @convention(c) (Conn?) -> Int32
    let consumeInput: @convention(c) (Conn?) -> Int32
    let notifies: @convention(c) (Conn?) -> UnsafeMutableRawPointer?
    let freemem: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let sendQuery: @convention(c) (Conn?, UnsafePointer<CChar>) -> Int32
    let getResult: @convention(c) (Conn?) -> Result?
    /// Pipeline mode; `nil` with a libpq older than 14.
    let pipeline: LibPQPipeline?

    /// The line printed when the library is missing.
    static let missingMessage = "PostgreSQL support needs libpq: apt-get install libpq5"

    /// The library, loaded on first use; the error says how to install it when it is missing.
    static let shared: Swift.Result<LibPQ, StoreError> = load()

    static func loaded() throws -> LibPQ {
        try shared.get()
    }

    private static func load() -> Swift.Result<LibPQ, StoreError> {
        guard let handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL) ?? dlopen("libpq.so", RTLD_NOW | RTLD_LOCAL) else {
            return .failure(StoreError(.cannotOpen, message: missingMessage))
        }
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let pointer = dlsym(handle, name) else {
                throw StoreError(.cannotOpen, message: "libpq.so.5 lacks \(name); \(missingMessage)")
            }
            return unsafeBitCast(pointer, to: type)
        }
        do {
            return .success(LibPQ(
                connectdb: try symbol("PQconnectdb", as: (@convention(c) (UnsafePointer<CChar>) -> Conn?).self),
                status: try symbol("PQstatus", as: (@convention(c) (Conn?) -> Int32).self),
                errorMessage: try symbol("PQerrorMessage", as: (@convention(c) (Conn?) -> UnsafePointer<CChar>?).self),
                finish: try symbol("PQfinish", as: (@convention(c) (Conn?) -> Void).self),
                reset: try symbol("PQreset", as: (@convention(c) (Conn?) -> Void).self),
                exec: try symbol("PQexec", as: (@convention(c) (Conn?, UnsafePointer<CChar>) -> Result?).self),
                execParams: try symbol("PQexecParams", as: (@convention(c) (
                    Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?, UnsafePointer<UnsafePointer<CChar>?>?,
                    UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
                ) -> Result?).self),
                prepare: try symbol("PQprepare", as: (@convention(c) (
                    Conn?, UnsafePointer<CChar>, UnsafePointer<CChar>, Int32, UnsafePointer<UInt32>?
                ) -> Result?).self),
                execPrepared: try symbol("PQexecPrepared", as: (@convention(c) (
                    Conn?, UnsafePointer<CChar>, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32
                ) -> Result?).self),
                resultStatus: try symbol("PQresultStatus", as: (@convention(c) (Result?) -> Int32).self),
                resultErrorMessage: try symbol("PQresultErrorMessage", as: (@convention(c) (Result?) -> UnsafePointer<CChar>?).self),
                resultErrorField: try symbol("PQresultErrorField", as: (@convention(c) (Result?, Int32) -> UnsafePointer<CChar>?).self),
                ntuples: try symbol("PQntuples", as: (@convention(c) (Result?) -> Int32).self),
                nfields: try symbol("PQnfields", as: (@convention(c) (Result?) -> Int32).self),
                getvalue: try symbol("PQgetvalue", as: (@convention(c) (Result?, Int32, Int32) -> UnsafePointer<CChar>?).self),
                getisnull: try symbol("PQgetisnull", as: (@convention(c) (Result?, Int32, Int32) -> Int32).self),
                getlength: try symbol("PQgetlength", as: (@convention(c) (Result?, Int32, Int32) -> Int32).self),
                ftype: try symbol("PQftype", as: (@convention(c) (Result?, Int32) -> UInt32).self),
                cmdTuples: try symbol("PQcmdTuples", as: (@convention(c) (Result?) -> UnsafePointer<CChar>?).self),
                clear: try symbol("PQclear", as: (@convention(c) (Result?) -> Void).self),
                transactionStatus: try symbol("PQtransactionStatus", as: (@convention(c) (Conn?) -> Int32).self),
                socket: try symbol("PQsocket", as: (@convention(c) (Conn?) -> Int32).self),
                consumeInput: try symbol("PQconsumeInput", as: (@convention(c) (Conn?) -> Int32).self),
                notifies: try symbol("PQnotifies", as: (@convention(c) (Conn?) -> UnsafeMutableRawPointer?).self),
                freemem: try symbol("PQfreemem", as: (@convention(c) (UnsafeMutableRawPointer?) -> Void).self),
                sendQuery: try symbol("PQsendQuery", as: (@convention(c) (Conn?, UnsafePointer<CChar>) -> Int32).self),
                getResult: try symbol("PQgetResult", as: (@convention(c) (Conn?) -> Result?).self),
                pipeline: LibPQPipeline.load(from: handle)
            ))
        } catch let error as StoreError {
            return .failure(error)
        } catch {
            return .failure(StoreError(.cannotOpen, message: missingMessage))
        }
    }
}

/// libpq's `PGnotify` (<https://www.postgresql.org/docs/15/libpq-notify.html>): channel, sender's
/// process id, payload; libpq allocates it and `PQfreemem` frees it.
struct PGNotify {
    var relname: UnsafeMutablePointer<CChar>?
    var bePid: Int32
    var extra: UnsafeMutablePointer<CChar>?
    var next: UnsafeMutableRawPointer?
}

/// libpq's status codes used here (`libpq-fe.h`).
enum PQCode {
    static let connectionOK: Int32 = 0
    static let commandOK: Int32 = 1
    static let tuplesOK: Int32 = 2
    static let transactionIdle: Int32 = 0
    static let transactionActive: Int32 = 1
    static let transactionInTransaction: Int32 = 2
    static let transactionInError: Int32 = 3
    /// `PG_DIAG_SQLSTATE`.
    static let diagSQLState: Int32 = Int32(UInt8(ascii: "C"))
}
