#if canImport(Glibc)
import Glibc
#endif

/// The threads that run request handlers: a task executor of its own, so handlers neither run on
/// the I/O threads nor depend on Swift's global pool, which has only one thread per core and which
/// other code in the process (a blocking call in some `async` function) can fill up. A handler that
/// blocks on the database holds one of these threads and nothing else.
///
/// Jobs of tasks of `high` priority or above run before the others (the server gives that to
/// requests that change something: a vote is not kept waiting behind page loads, neither when it
/// starts nor when it resumes after its commit); within each of the two lanes, first in, first out.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var urgent = JobQueue()
    private var normal = JobQueue()
    private var stopping = false
    private static let urgentPriority = TaskPriority.high.rawValue

    init(threads count: Int) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        for _ in 0..<max(1, count) {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(self)
            let created = pthread_create(&thread, nil, { argument in
                guard let argument else { return nil }
                let executor = Unmanaged<HandlerExecutor>.fromOpaque(argument).takeRetainedValue()
                executor.work()
                return nil
            }, box.toOpaque())
            if created == 0 { pthread_detach(thread) } else { box.release() }
        }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let isUrgent = job.priority.rawValue >= Self.urgentPriority
        let unowned = UnownedJob(job)
        pthread_mutex_lock(mutex)
        if isUrgent { urgent.append(unowned) } else { normal.append(unowned) }
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Jobs waiting in each lane (tests wait on it).
    var queued: (urgent: Int, normal: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return (urgent.count, normal.count)
    }

    /// Lets the threads finish the jobs queued so far, then end. It does not wait for them: a
    /// handler stuck past the shutdown timeout must not hang the shutdown.
    func shutdown() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    private func work() {
        while true {
            pthread_mutex_lock(mutex)
            while urgent.isEmpty && normal.isEmpty && !stopping { pthread_cond_wait(condition, mutex) }
            guard let job = urgent.popFirst() ?? normal.popFirst() else {
                pthread_mutex_unlock(mutex)
                return
            }
            pthread_mutex_unlock(mutex)
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// A first-in, first-out list of jobs that drops its consumed prefix now and then.
struct JobQueue {
    private var jobs: [UnownedJob] = []
    private var head = 0

    var isEmpty: Bool { head == jobs.count }
    var count: Int { jobs.count - head }

    mutating func append(_ job: UnownedJob) {
        jobs.append(job)
    }

    mutating func popFirst() -> UnownedJob? {
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
