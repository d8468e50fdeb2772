extension HTTPResponse {
    /// The API's error shape, `{"error": {"code": ..., "message": ...}}` (docs/api.md), with the
    /// given status. `field` is included when non-nil.
    ///
    ///     return .jsonError(.notFound, code: "not_found", message: "No such workshop")
    public static func jsonError(_ status: HTTPStatus, code: String, message: String, field: String? = nil) -> HTTPResponse {
        var json = "{\"error\":{\"code\":\(jsonString(code)),\"message\":\(jsonString(message))"
        if let field { json += ",\"field\":\(jsonString(field))" }
        json += "}}"
        return HTTPResponse(status: status, contentType: "application/json; charset=utf-8", text: json)
    }

    /// A JSON string literal (RFC 8259 §7): quotes, backslashes and control characters escaped.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
