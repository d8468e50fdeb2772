#if canImport(Glibc)
import Glibc
#endif

/// The threads that run request handlers: a task executor of its own, so handlers neither run on
/// the I/O threads nor depend on Swift's global pool, which has only one thread per core and which
/// other code in the process (a blocking call in some `async` function) can fill up. A handler that
/// blocks on the database holds one of these threads and nothing else.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false

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
        let unowned = UnownedJob(job)
        pthread_mutex_lock(mutex)
        jobs.append(unowned)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
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
            while head == jobs.count && !stopping { pthread_cond_wait(condition, mutex) }
            if head == jobs.count {
                pthread_mutex_unlock(mutex)
                return
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            pthread_mutex_unlock(mutex)
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
