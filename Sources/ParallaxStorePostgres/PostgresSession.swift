import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to the server, used synchronously (the store protocol is synchronous, and the
/// indexer calls it from its tasks): each statement's future is waited for on the calling thread while
/// NIO's own threads do the work, so no task of Swift's pool is needed to finish it.
final class PostgresSession: @unchecked Sendable {
    // @unchecked: `connection` is only used under `lock`, one statement or transaction at a time.
    private let lock = NSLock()
    private let connection: PostgresConnection
    private let logger: Logger
    let location: PostgresLocation

    init(_ location: PostgresLocation) throws {
        self.location = location
        var logger = Logger(label: "parallax.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let config: PostgresConnection.Configuration
        if let socket = location.socketPath {
            config = .init(unixSocketPath: socket, username: location.user, password: location.password,
                           database: location.database)
        } else {
            config = .init(host: location.host, port: location.port, username: location.user,
                           password: location.password, database: location.database, tls: .disable)
        }
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(),
                                                        configuration: config, id: 1, logger: logger).wait()
        } catch {
            throw PostgresStoreError(error, location: location, doing: "connecting")
        }
    }

    deinit {
        _ = try? connection.close().wait()
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
        lock.lock()
        defer { lock.unlock() }
        return try run(sql, binds)
    }

    private func run(_ sql: String, _ binds: PostgresBindings) throws -> [PostgresRow] {
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait().rows
        } catch {
            throw PostgresStoreError(error, location: location, doing: nil)
        }
    }

    /// Statements of one transaction: a reader never sees a half-written change. `writing` takes the
    /// store's write lock first (a transaction-scoped advisory lock), so that two collectors write one
    /// after the other instead of both inserting the same file's articles.
    func transaction<T>(writing: Bool = true, _ body: (Transaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        _ = try run(writing ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", PostgresBindings())
        do {
            if writing { _ = try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLockKey))", PostgresBindings()) }
            let value = try body(Transaction(session: self))
            _ = try run("COMMIT", PostgresBindings())
            return value
        } catch {
            _ = try? run("ROLLBACK", PostgresBindings())
            throw error
        }
    }

    /// The statements of a transaction in progress (the session's lock is held).
    struct Transaction {
        fileprivate let session: PostgresSession
        @discardableResult
        func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
            try session.run(sql, binds)
        }
    }
}

/// A failure of the server or of the connection, said in one line without the password (postgres-nio's
/// own description hides everything, to be safe; this keeps the server's message and the cause).
public struct PostgresStoreError: Error, CustomStringConvertible {
    public var message: String
    /// The connection is gone (server stopped, network dropped): the command cannot go on.
    public var connectionLost: Bool

    init(_ error: any Error, location: PostgresLocation, doing: String?) {
        if let e = error as? PostgresStoreError { self = e; return }
        let place = location.description
        if let p = error as? PSQLError {
            if let msg = p.serverInfo?[.message] {
                let state = p.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                message = "\(place): \(msg)\(state)"
                connectionLost = p.serverInfo?[.sqlState]?.hasPrefix("57P") ?? false
                return
            }
            switch p.code {
            case .serverClosedConnection, .connectionError, .uncleanShutdown:
                connectionLost = true
                let cause = p.underlying.map { " (\($0))" } ?? ""
                message = doing == nil ? "\(place): the connection to the server was lost\(cause)"
                    : "\(place): cannot connect to the server\(cause)"
                return
            default:
                connectionLost = false
                message = "\(place): \(p.code)" + (p.underlying.map { " (\($0))" } ?? "")
                return
            }
        }
        connectionLost = error is ChannelError || error is IOError
        message = "\(place): " + (doing.map { "\($0): " } ?? "") + "\(error)"
    }

    public init(message: String) {
        self.message = message
        connectionLost = false
    }

    public var description: String { message }
}

extension PostgresRow {
    /// The column at `i`, decoded (a NULL decodes only as an optional).
    func at<T: PostgresDecodable>(_ i: Int, _ type: T.Type = T.self) throws -> T {
        try makeRandomAccess()[i].decode(T.self, context: .default)
    }
}
