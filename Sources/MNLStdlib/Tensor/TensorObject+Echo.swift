import MNLRuntime
import MNLTerminal

/// The REPL's echo lays tensors out for the terminal's width (`print` keeps the default).
extension TensorObject: WidthAwareRendering {
    func render(lineWidth: Int) -> String { echoText(lineWidth: lineWidth) }
}
