import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxTUI

/// A value computed on a background thread once started (`start`, or the first read); reading it
/// waits for it. The first frame needs neither the actor directory nor the event list: they are
/// started after it is drawn, and by the time a prompt or the timeline asks for them they are ready.
final class BackgroundValue<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: T?
    private var work: (@Sendable () -> T)?

    init(_ work: @escaping @Sendable () -> T) {
        self.work = work
    }

    /// Starts the work on its own thread (once; later calls do nothing).
    func start() {
        condition.lock()
        let w = work
        work = nil
        condition.unlock()
        guard let w else { return }
        let thread = Thread { [self] in
            let v = w()
            condition.lock()
            result = v
            condition.broadcast()
            condition.unlock()
        }
        thread.qualityOfService = .utility
        thread.start()
    }

    var value: T {
        start()
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        // The loop above ends only once `result` is set.
        return result ?? { fatalError("unreachable") }()
    }
}

/// What `StoreCorpus` reads in the background after opening.
final class LazyParts: Sendable {
    let directory: BackgroundValue<ActorDirectory>
    let events: BackgroundValue<[Event]>

    init(store: any BrowsingStore) {
        directory = BackgroundValue { ActorDirectory((try? store.actorDirectory()) ?? []) }
        events = BackgroundValue { (try? store.eventList()) ?? [] }
    }
}

/// Every actor's names, folded once, for completion as the user types (the same ranking as
/// `MemoryCorpus.completeActors`).
struct ActorDirectory: Sendable {
    let entries: [ActorEntry]
    private let names: [[(label: String, folded: String, key: String)]]

    init(_ entries: [ActorEntry]) {
        self.entries = entries
        names = entries.map { a in
            var seen = Set<String>()
            return ([a.name] + a.aliases).compactMap { n in
                seen.insert(n).inserted ? (n, Fold.text(n), Fold.nameKey(n)) : nil
            }
        }
    }

    func completions(_ text: String) -> [Completion] {
        ActorCompletion.complete(text, names: names) { i in (entries[i].name, entries[i].id, entries[i].mentions) }
    }
}
