import Foundation

/// Where a PostgreSQL store is: `postgres://user[:password]@host[:port]/database`, with a Unix socket
/// directory as `?host=/run/postgresql` (libpq's convention) or as an empty host. The password comes
/// from the URL, else `PGPASSWORD`, else `~/.pgpass` (or `PGPASSFILE`), as libpq looks for it.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    /// The socket directory, when the server is reached on a Unix socket.
    public var socketDirectory: String?
    public var password: String?

    public enum Problem: Error, CustomStringConvertible {
        case notAURL(String)
        case unsupported(String)
        public var description: String {
            switch self {
            case .notAURL(let why): return "not a PostgreSQL URL (postgres://user@host/database): \(why)"
            case .unsupported(let what): return "unsupported in a PostgreSQL URL: \(what)"
            }
        }
    }

    /// True when a `--store` value names a PostgreSQL server rather than an index file.
    public static func isURL(_ s: String) -> Bool {
        s.hasPrefix("postgres://") || s.hasPrefix("postgresql://")
    }

    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(url), let c = URLComponents(string: url) else { throw Problem.notAURL("cannot be parsed") }
        let env = environment
        user = c.user.flatMap { $0.removingPercentEncoding ?? $0 } ?? env["PGUSER"] ?? env["USER"] ?? "postgres"
        port = c.port ?? Int(env["PGPORT"] ?? "") ?? 5432
        var db = c.path
        if db.hasPrefix("/") { db.removeFirst() }
        database = db.isEmpty ? user : (db.removingPercentEncoding ?? db)
        let items = c.queryItems ?? []
        for item in items {
            switch item.name {
            case "host", "sslmode", "application_name", "connect_timeout": break
            default: throw Problem.unsupported("parameter \(item.name)")
            }
        }
        // No TLS client is linked in: refusing beats sending the password in clear text to a server
        // the user asked to reach over TLS.
        if let mode = items.first(where: { $0.name == "sslmode" })?.value, !["disable", "allow", "prefer"].contains(mode) {
            throw Problem.unsupported("sslmode=\(mode) (TLS is not supported yet; use a Unix socket or a trusted network)")
        }
        let queryHost = items.first(where: { $0.name == "host" })?.value
        let urlHost = c.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if let q = queryHost, q.hasPrefix("/") {
            socketDirectory = q
            host = "localhost"
        } else if urlHost.hasPrefix("/") {
            socketDirectory = urlHost
            host = "localhost"
        } else if urlHost.isEmpty, queryHost == nil {
            // As libpq: no host means the default socket directory (PGHOST when it is one).
            let h = env["PGHOST"] ?? "/tmp"
            socketDirectory = h.hasPrefix("/") ? h : nil
            host = h.hasPrefix("/") ? "localhost" : h
        } else {
            socketDirectory = nil
            host = queryHost ?? urlHost
        }
        password = c.password.flatMap { $0.removingPercentEncoding ?? $0 } ?? env["PGPASSWORD"]
        if password == nil {
            let file = env["PGPASSFILE"] ?? (env["HOME"].map { $0 + "/.pgpass" } ?? "")
            password = Self.pgpass(file: file, host: socketDirectory == nil ? host : "localhost",
                                   port: port, database: database, user: user)
        }
    }

    /// The Unix socket's path (`.s.PGSQL.PORT` in the directory), as the server names it.
    public var socketPath: String? {
        socketDirectory.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/.s.PGSQL.\(port)" }
    }

    /// The location without its password: what messages say.
    public var description: String {
        if let socketDirectory { return "postgres://\(user)@/\(database)?host=\(socketDirectory)" + (port == 5432 ? "" : "&port=\(port)") }
        return "postgres://\(user)@\(host)" + (port == 5432 ? "" : ":\(port)") + "/\(database)"
    }

    /// The password `~/.pgpass` gives (`host:port:database:user:password`, `*` matching anything, `\`
    /// escaping `:` and `\`). libpq ignores a file others can read; so does this.
    static func pgpass(file: String, host: String, port: Int, database: String, user: String) -> String? {
        guard !file.isEmpty, let attrs = try? FileManager.default.attributesOfItem(atPath: file),
              let perms = (attrs[.posixPermissions] as? NSNumber)?.intValue, perms & 0o077 == 0,
              let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            var fields: [String] = [], cur = "", escaped = false
            for ch in line {
                if escaped { cur.append(ch); escaped = false } else if ch == "\\" { escaped = true }
                else if ch == ":" && fields.count < 4 { fields.append(cur); cur = "" } else { cur.append(ch) }
            }
            fields.append(cur)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
