import Foundation

/// Runs work items on several threads and hands their results back on the calling thread in
/// item order, as soon as each next one is ready.
///
/// Workers never wait for each other (no barrier between windows of items), and the caller's
/// share (writing records) overlaps with their work, so two jobs keep two cores busy. At most
/// `window` results wait to be consumed at once, so memory stays bounded however many items
/// there are.
///
/// Each worker has a `State` of its own (made by `makeState` on its thread and handed to each
/// of its items in turn): what it keeps from one item to the next, such as its lexicon.
final class OrderedWorkers<State, Result>: @unchecked Sendable {
    private let condition = NSCondition()
    private var slots: [Result?]
    private var next = 0  // the next item a worker takes
    private var consumed = 0  // items handed back so far
    private var stopped = false
    private let count: Int
    private let window: Int

    private init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
        self.slots = Array(repeating: nil, count: self.window)
    }

    /// Calls `work(n)` for every `n` in `0..<count` on `jobs` threads, and `consume(n, result)`
    /// on the calling thread in order. If `consume` throws, the workers stop after their current
    /// item and the error is rethrown.
    static func run(
        count: Int, jobs: Int, window: Int, makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (inout State, Int) -> Result,
        consume: (Int, Result) throws -> Void
    ) throws {
        if jobs <= 1 || count <= 1 {
            var workerState = makeState()
            for n in 0..<count { try consume(n, work(&workerState, n)) }
            return
        }
        let state = OrderedWorkers(count: count, window: window)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, count) {
            DispatchQueue.global().async(group: group) { state.workLoop(makeState(), work) }
        }
        defer {
            state.stop()
            group.wait()
        }
        for n in 0..<count {
            try consume(n, state.take(n))
        }
    }

    private func workLoop(_ initial: State, _ work: (inout State, Int) -> Result) {
        var workerState = initial
        while true {
            condition.lock()
            // Wait while the window ahead of the consumer is full.
            while !stopped && next < count && next >= consumed + window { condition.wait() }
            guard !stopped && next < count else { condition.unlock(); return }
            let n = next
            next += 1
            condition.unlock()

            let result = work(&workerState, n)

            condition.lock()
            slots[n % window] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    private func take(_ n: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while slots[n % window] == nil { condition.wait() }
        let result = slots[n % window]!
        slots[n % window] = nil
        consumed = n + 1
        condition.broadcast()
        return result
    }

    private func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
