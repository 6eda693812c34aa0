import Foundation

/// Counts the steps the per-article stages take (lines, tokens and characters visited, candidates
/// compared), so that a test can bound the work an input costs rather than the time it takes
/// (issue 14: every stage linear in the article's size). Off unless a caller binds one: `current` is
/// a task-local (bound for one call tree, on its thread or task), not global state, and counting costs
/// one task-local read per stage call. Stages count in a local variable and report once.
public final class WorkCounter: @unchecked Sendable {
    @TaskLocal public static var current: WorkCounter?

    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    public init() {}

    /// Adds `n` steps of `stage` to the bound counter, if any.
    @inline(__always)
    public static func count(_ n: Int, _ stage: String) {
        guard n > 0, let c = current else { return }
        c.add(n, stage)
    }

    func add(_ n: Int, _ stage: String) {
        lock.lock()
        counts[stage, default: 0] += n
        lock.unlock()
    }

    /// Steps by stage.
    public var byStage: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    public var total: Int { byStage.values.reduce(0, +) }
}
