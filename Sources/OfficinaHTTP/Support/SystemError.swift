#if canImport(Glibc)
import Glibc
#endif

/// The text of an errno value, as `strerror` gives it.
func errorMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
}
