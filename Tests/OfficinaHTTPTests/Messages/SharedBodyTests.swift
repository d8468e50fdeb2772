import Dispatch
import Glibc
import Testing
@testable import OfficinaHTTP

@Suite("A shared body's in-memory file")
struct SharedBodyTests {
    @Test("A large body gets one sealed file holding exactly its bytes; a small one gets none")
    func largeBodiesGetAFileWithTheirBytes() throws {
        let bytes = (0..<(SharedBody.fileThreshold + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        let shared = SharedBody(bytes)
        let descriptor = try #require(shared.descriptor)
        #expect(shared.descriptor == descriptor, "made once")
        var read = [UInt8](repeating: 0, count: bytes.count + 10)
        let count = read.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        #expect(count == bytes.count)
        let same = Array(read[0..<max(0, count)]) == bytes
        #expect(same)
        // Sealed: nothing can write to it or cut it.
        #expect(pwrite(descriptor, [UInt8(1)], 1, 0) == -1)
        #expect(ftruncate(descriptor, 10) == -1)

        #expect(SharedBody(Array(repeating: 1, count: SharedBody.fileThreshold - 1)).descriptor == nil)
    }

    @Test("No more files than the budget allows are alive at once, and a body's file goes with it")
    func filesAreBoundedAndReleased() throws {
        // A budget of its own and of few files, so the test holds few descriptors at once.
        let budget = SharedBody.FileBudget(capacity: 3)
        let bytes = [UInt8](repeating: 7, count: SharedBody.fileThreshold)
        var bodies = (0..<5).map { _ in SharedBody(bytes, budget: budget) }
        #expect(bodies.map { $0.descriptor != nil } == [true, true, true, false, false])
        bodies.removeFirst(2)
        #expect(bodies.map { $0.descriptor != nil } == [true, true, true], "files are given back when their bodies go")
        #expect(bodies[2].descriptor != nil)
    }

    @Test("Threads asking for one body's file at once all get the same file, and the others' places come back")
    func concurrentFirstSendsShareOneFile() throws {
        let budget = SharedBody.FileBudget(capacity: 2)
        let bytes = [UInt8](repeating: 3, count: SharedBody.fileThreshold)
        let body = SharedBody(bytes, budget: budget)
        let seen = Locked([Int32?]())
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let descriptor = body.descriptor
            seen.withLock { $0.append(descriptor) }
        }
        let all = seen.withLock { $0 }
        #expect(all.count == 16 && Set(all).count == 1 && all[0] != nil)
        // One place is taken by the body's file; the threads that lost the race gave theirs back.
        let second = SharedBody(bytes, budget: budget), third = SharedBody(bytes, budget: budget)
        #expect(second.descriptor != nil)
        #expect(third.descriptor == nil)
    }
}
