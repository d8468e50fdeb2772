/// The eight data mask patterns (ISO/IEC 18004:2015 §7.8.2, Table 10): a module at row i, column j is
/// inverted where the condition holds.
enum QRMask: Int, Sendable, CaseIterable {
    case m0, m1, m2, m3, m4, m5, m6, m7

    func inverts(row i: Int, column j: Int) -> Bool {
        switch self {
        case .m0: (i + j) % 2 == 0
        case .m1: i % 2 == 0
        case .m2: j % 3 == 0
        case .m3: (i + j) % 3 == 0
        case .m4: (i / 2 + j / 3) % 2 == 0
        case .m5: (i * j) % 2 + (i * j) % 3 == 0
        case .m6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        case .m7: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }
}
