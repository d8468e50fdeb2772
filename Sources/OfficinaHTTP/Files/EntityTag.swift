/// Entity tags and `If-None-Match` (RFC 9110 §8.8.3, §13.1.2).
public enum EntityTag {
    /// A strong tag from the file's identity: inode, size and modification time.
    static func make(inode: UInt64, size: Int, modified: Int) -> String {
        "\"\(String(inode, radix: 16))-\(String(size, radix: 16))-\(String(modified, radix: 16))\""
    }

    /// The tag of the gzip-coded form of what `tag` names: a different representation needs a
    /// different strong tag (RFC 9110 §8.8.3), so `"abc"` becomes `"abc-gzip"`.
    public static func gzipVariant(of tag: String) -> String {
        guard tag.hasSuffix("\"") else { return tag + "-gzip" }
        return String(tag.dropLast()) + "-gzip\""
    }

    /// True if `header` (a comma list of tags, or `*`) matches `tag` by weak comparison, as
    /// `If-None-Match` requires.
    public static func matches(_ header: String, _ tag: String) -> Bool {
        let opaque = tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
        for candidate in header.split(separator: ",") {
            var value = candidate.trimmingWhitespace()
            if value == "*" { return true }
            if value.hasPrefix("W/") { value = value.dropFirst(2) }
            if value == opaque { return true }
        }
        return false
    }
}
