import MNLData
import MNLSyntax
import TensorKit

// The libraries' errors reach the renderer as themselves (`DiagnosticKind.library`), with
// their own wording; these conformances give that wording, naming the builtin the user
// called where the library only knows its internal operation.

extension TensorError: LibraryError {
    public func message(calledAs function: String?) -> String {
        switch self {
        case .invalidArgument(let op, let message): "\(function ?? op): \(message)"
        case .unsupportedDType(let op, let dtype): "\(function ?? op): not supported for \(dtype) tensors"
        case .badReshape(let from, let to):
            "\(function ?? "reshape"): cannot reshape a tensor of shape \(TensorError.shapeText(from)) into shape \(TensorError.shapeText(to))"
        case .negativeIntegerPower: "\(function ?? "**"): \(TensorError.negativePowerText)"
        default: description
        }
    }

    static func shapeText(_ s: [Int]) -> String { DiagnosticKind.shapeText(s) }
}

extension DataError: LibraryError {
    /// `path: what went wrong`, without the library's closing full stop (the renderer's
    /// sentences have none).
    public func message(calledAs function: String?) -> String {
        let text = message.hasSuffix(".") ? String(message.dropLast()) : message
        let prefix = path + ": "
        return text.hasPrefix(prefix) ? text : prefix + text
    }
}
