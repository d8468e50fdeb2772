import Foundation

/// The wrk Lua scripts the benchmark writes next to its database.
enum LoadScripts {
    /// PUT ballots: each line of the data file is `cookie<TAB>json`; every wrk thread walks the
    /// lines from its own offset, so concurrent connections vote as different participants.
    static let ballots = """
        -- args: data file, path, origin
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end
        local lines = {}
        local counter = 0
        local path, origin
        function init(args)
          for line in io.lines(args[1]) do
            local cookie, body = line:match("^([^\\t]*)\\t(.*)$")
            lines[#lines + 1] = { cookie, body }
          end
          path = args[2]
          origin = args[3]
          counter = ((tid or 0) * 7919) % #lines
        end
        function request()
          counter = counter % #lines + 1
          local entry = lines[counter]
          return wrk.format("PUT", path, { ["Cookie"] = entry[1], ["Origin"] = origin, ["Content-Type"] = "application/json" }, entry[2])
        end
        """

    /// GET as different participants: each line of the data file is a `Cookie` value; every wrk
    /// thread walks the lines from its own offset.
    static let participantGets = """
        -- args: data file, path
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end
        local cookies = {}
        local counter = 0
        local path
        function init(args)
          for line in io.lines(args[1]) do
            cookies[#cookies + 1] = line
          end
          path = args[2]
          counter = ((tid or 0) * 7919) % #cookies
        end
        function request()
          counter = counter % #cookies + 1
          return wrk.format("GET", path, { ["Cookie"] = cookies[counter] })
        end
        """

    /// The peer's vote: a random participant and proposal, as its own vote.lua does.
    static let peerVotes = """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        local threads = 0
        function setup(thread)
          thread:set("tid", threads)
          threads = threads + 1
        end
        function init(args)
          math.randomseed(os.time() + (tid or 0) * 1000)
        end
        function request()
          local body = string.format('{"participant":%d,"proposal":%d,"dots":%d}', math.random(1, 5000), math.random(1, 200), math.random(0, 5))
          return wrk.format(nil, "/api/vote", nil, body)
        end
        """

    static func write(_ text: String, to path: String) throws -> String {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
