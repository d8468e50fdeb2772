/// Drawing a QR code as SVG (https://www.w3.org/TR/SVG11/paths.html).
extension QRCode {
    /// Light modules around the symbol, as ISO/IEC 18004:2015 §6.3.8 requires.
    public static let quietZone = 4

    /// A standalone SVG document: a white background and one `<path>` of the dark modules (each row's
    /// runs merged into rectangles), a quiet zone of four modules, `shape-rendering="crispEdges"`, and a
    /// `viewBox` in module units so it scales cleanly; `moduleSize` only sets the default width and
    /// height in pixels. `label` becomes the accessible name (XML-escaped). Same input, same bytes.
    public func svg(moduleSize: Int = 8, label: String? = nil) -> String {
        let side = size + 2 * Self.quietZone
        let pixels = side * max(1, moduleSize)
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                var run = 1
                while x + run < size && self[x + run, y] { run += 1 }
                path += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let accessible = label.map { #" role="img" aria-label="\#(HTMLText.escape($0))""# } ?? ""
        let title = label.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        return #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(pixels)" height="\#(pixels)" viewBox="0 0 \#(side) \#(side)" shape-rendering="crispEdges"\#(accessible)>"#
            + title
            + ##"<rect width="\##(side)" height="\##(side)" fill="#fff"/>"##
            + ##"<path fill="#000" d="\##(path)"/>"##
            + "</svg>\n"
    }
}
