/// The square grid of a QR symbol while it is being built: each module's colour, and whether it belongs
/// to a function pattern (finder, separator, timing, alignment, format or version information), which
/// data placement skips and masking leaves alone (ISO/IEC 18004:2015 §6.3).
struct QRMatrix: Sendable, Hashable {
    let size: Int
    /// Row-major: `dark[y * size + x]`.
    private(set) var dark: [Bool]
    private(set) var isFunction: [Bool]

    init(size: Int) {
        self.size = size
        dark = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
    }

    subscript(x: Int, y: Int) -> Bool {
        dark[y * size + x]
    }

    func isFunction(x: Int, y: Int) -> Bool {
        isFunction[y * size + x]
    }

    /// Sets a function-pattern module.
    mutating func setFunction(x: Int, y: Int, dark value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    /// Sets a data module.
    mutating func setData(x: Int, y: Int, dark value: Bool) {
        dark[y * size + x] = value
    }

    /// Inverts every data module where `mask` says so (§7.8.2); function patterns are untouched.
    mutating func apply(_ mask: QRMask) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && mask.inverts(row: y, column: x) {
                dark[y * size + x].toggle()
            }
        }
    }
}
