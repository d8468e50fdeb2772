/// Bit rotation as SHA-256 uses it.
extension UInt32 {
    /// ROTR^n(x) (FIPS 180-4 §3.2).
    @inline(__always)
    func rotatedRight(_ n: UInt32) -> UInt32 {
        (self &>> n) | (self &<< (32 &- n))
    }
}
