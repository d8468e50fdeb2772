// officina: serve, user add, seed, export, backup. Parsing and running live in OfficinaApp
// (Command, CommandRunner) so that they are tested; this file only connects them to the process.
import Foundation
import OfficinaApp

let status: Int32
do {
    status = CommandRunner.run(try Command.parse(Array(CommandLine.arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    status = 2
}
exit(status)
